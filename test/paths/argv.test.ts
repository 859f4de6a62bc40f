// parseArgs: a getopt-style split of expanded words. With a program's complete long-option list every `--word` is
// the option it names or abbreviates; `--opt[=v]` options never take the next word; what names none, or several, is
// reported. Without a list, the older guesses stand (a unique prefix of a value option; a word starting a name).
import { describe, expect, it } from "vitest";
import { hasOption, optionValues, parseArgs, type Arg } from "../../src/paths/argv.js";
import { GNU_LONG_OPTIONS } from "../../src/shell/program-options.js";

const args = (...vs: string[]): Arg[] => vs.map((v, i) => ({ word: i, text: v, value: v }));
const values = (as: readonly Arg[]) => as.map((a) => a.value);

describe("parseArgs with a program's long options", () => {
  const cp = { shortValue: "tS", long: GNU_LONG_OPTIONS.cp! };
  it("reads an abbreviation as the full option, with its value", () => {
    const p = parseArgs(args("--t=/etc", "x"), cp);
    expect(values(optionValues(p, ["--target-directory"]))).toEqual(["/etc"]);
    expect(values(p.operands)).toEqual(["x"]);
    const q = parseArgs(args("--targ", "/etc", "x"), cp);
    expect(values(optionValues(q, ["-t", "--target-directory"]))).toEqual(["/etc"]);
  });
  it("never gives an optional-value option the next word", () => {
    const tee = parseArgs(args("--output-error", "/etc/x"), { long: GNU_LONG_OPTIONS.tee! });
    expect(values(tee.operands)).toEqual(["/etc/x"]);
    expect(hasOption(tee, ["--output-error"])).toBe(true);
    const mk = parseArgs(args("--context=u:r:x", "--par", "d"), { long: GNU_LONG_OPTIONS.mkdir! });
    expect(values(mk.operands)).toEqual(["d"]);
    expect(hasOption(mk, ["--parents"])).toBe(true);
  });
  it("reports what names no option or several", () => {
    const p = parseArgs(args("--no", "--bogus=1", "a", "b"), cp);
    expect(values(p.unresolved)).toEqual(["--no", "--bogus=1"]);
    expect(values(p.operands)).toEqual(["a", "b"]);
  });
  it("matches names exactly once they are resolved", () => {
    const p = parseArgs(args("--dir", "x"), { long: GNU_LONG_OPTIONS.rm! });
    expect(hasOption(p, ["--dir"])).toBe(true);
    expect(hasOption(p, ["--directory"])).toBe(false);
  });
});

describe("parseArgs without a list (unchanged)", () => {
  it("takes a unique prefix of a value option, and a word that starts a queried name", () => {
    const p = parseArgs(args("--exclude-f", "list", "--rec", "src"), { longValue: ["exclude-from", "exclude"] });
    expect(values(optionValues(p, ["--exclude-from"]))).toEqual(["list"]);
    expect(hasOption(p, ["--recursive"])).toBe(true);
    expect(p.unresolved).toEqual([]);
  });
});
