// The public surface of the shell analysis and its checks, pinned: other modules and the CLI depend on these names.
import { describe, expect, it } from "vitest";
import * as analyse from "../../src/shell/analyse.js";
import * as bash from "../../src/checks/bash.js";
import * as allowlist from "../../src/checks/allowlist.js";
import * as blocklist from "../../src/checks/blocklist.js";
import * as injection from "../../src/checks/injection.js";
import * as readonly from "../../src/checks/readonly.js";
import * as match from "../../src/checks/bash-rule-match.js";
import * as explain from "../../src/explain/index.js";

const names = (m: object) => Object.keys(m).sort();

describe("exports", () => {
  it("are pinned", () => {
    expect(names(analyse)).toEqual(["analyseShell"]);
    expect(names(bash)).toEqual(["checkBash", "explainCommand"]);
    expect(names(allowlist)).toEqual(["allowlistFindings", "argvForms", "checkAllowlist", "classifyCommands", "shownCommand"]);
    expect(names(blocklist)).toEqual(["checkBlocklist", "effectiveBlocklist"]);
    expect(names(injection)).toEqual(["checkInjection", "unicodeFindings"]);
    expect(names(readonly)).toEqual(["checkReadonly", "readOnlyVerdict", "writeRedirects"]);
    expect(names(match)).toEqual(["matchBashRule", "matchBashRuleLoose"]);
    expect(names(explain)).toEqual(["describeCommand", "describeCommands", "describeShell"]);
  });
});
