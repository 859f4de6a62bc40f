// Claude Code Read(...)/Edit(...) path rules: `//abs`, `~/x`, `/x` (settings base), `./x` and `x` (cwd), * and **.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { matchPathRules, specifierGlobs } from "../../src/paths/permission-rules.js";
import { makeWorld, permissionRule } from "./context.js";

const w = makeWorld();
afterAll(() => w.cleanup());
const r = (p: string) => path.join(w.project, p);

describe("specifierGlobs", () => {
  const ctx = { home: "/h", cwd: "/repo/pkg" };
  const deny = { base: "/repo", behavior: "deny" as const };
  const allow = { base: "/repo", behavior: "allow" as const };
  it.each([
    ["//etc/passwd", deny, ["/etc/passwd", "/etc/passwd/**"]],
    ["~/.zshrc", deny, ["/h/.zshrc", "/h/.zshrc/**"]],
    ["/secrets/**", deny, ["/repo/secrets/**"]],
    ["./.env", deny, ["/repo/pkg/.env", "/repo/pkg/.env/**"]],
    [".env", deny, ["/repo/pkg/**/.env", "/repo/pkg/**/.env/**"]],
    ["src/**", deny, ["/repo/pkg/src/**"]],
    ["secrets/", deny, ["/repo/pkg/**/secrets", "/repo/pkg/**/secrets/**"]],
    ["src/**", allow, ["/repo/pkg/src/**"]],
    ["*.ts", allow, ["/repo/pkg/*.ts"]],
  ])("%s (%o)", (spec, rule, expected) => {
    expect(specifierGlobs(spec, rule, ctx)).toEqual(expected);
  });
});

describe("matchPathRules", () => {
  const ctx = w.ctx({
    policy: {
      rules: [
        permissionRule("Read(./.secrets/**)", "deny", w.project),
        permissionRule("Read(docs.md)", "ask", w.project),
        permissionRule("Edit(/generated/**)", "deny", w.project),
        permissionRule("Edit(src/**)", "allow", w.project),
        permissionRule("Bash(rm:*)", "deny", w.project),
        permissionRule("Write(/x)", "deny", w.project), // ignored by Claude Code, and by us
      ],
    },
  });
  it("applies Read rules to reads", () => {
    expect(matchPathRules("read", [r(".secrets/a")], ctx).map((m) => m.behavior)).toEqual(["deny"]);
    expect(matchPathRules("read", [r("sub/docs.md")], ctx).map((m) => m.behavior)).toEqual(["ask"]);
    expect(matchPathRules("read", [r("src/a.ts")], ctx)).toEqual([]);
  });
  it("applies Edit rules and Read denies to writes", () => {
    expect(matchPathRules("write", [r("generated/x.ts")], ctx).map((m) => m.behavior)).toEqual(["deny"]);
    expect(matchPathRules("write", [r(".secrets/a")], ctx).map((m) => m.behavior)).toEqual(["deny"]);
    expect(matchPathRules("write", [r("sub/docs.md")], ctx)).toEqual([]); // a Read ask is not an Edit rule
    expect(matchPathRules("write", [r("src/a.ts")], ctx).map((m) => m.behavior)).toEqual(["allow"]);
    expect(matchPathRules("write", [r("x")], ctx)).toEqual([]);
  });
});
