// analyseShell: the command model, structural positions, caps and parse errors at every depth.
import { describe, expect, it } from "vitest";
import { analyseShell } from "../../src/shell/analyse.js";
import { MAX_SOURCE_BYTES } from "../../src/shell/parse.js";
import { argvs, commandsOf } from "./helpers.js";

describe("simple commands", () => {
  it("splits lists, and-or lists, pipelines and background jobs", () => {
    expect(argvs("a 1; b 2 && c || d & e | f")).toEqual(["a 1", "b 2", "c", "d", "e", "f"]);
  });
  it("numbers commands in source order", () => {
    expect(commandsOf("cd x && ls; pwd").map((c) => c.seq)).toEqual([0, 1, 2]);
  });
  it("keeps assignments, redirects and the program path", () => {
    const [c] = commandsOf("LC_ALL=C /usr/bin/sort -u <in.txt >out.txt 2>&1");
    expect(c!.name).toEqual({ kind: "literal", value: "sort" });
    expect(c!.program).toBe("/usr/bin/sort");
    expect(c!.assignments.map((a) => [a.name, a.value.value])).toEqual([["LC_ALL", "C"]]);
    expect(c!.redirects.map((r) => [r.op, r.fd, r.target.value])).toEqual([["<", undefined, "in.txt"], [">", undefined, "out.txt"], [">&", 2, "1"]]);
  });
  it("emits a nameless command for bare assignments and redirections", () => {
    const cs = commandsOf("X=1; > empty.txt");
    expect(cs.map((c) => c.name)).toEqual([{ kind: "literal", value: "" }, { kind: "literal", value: "" }]);
    expect(cs[1]!.redirects[0]!.target.value).toBe("empty.txt");
  });
  it("records declaration operands as assignments", () => {
    const [c] = commandsOf("export PATH=/tmp:$PATH FOO");
    expect(c!.assignments.map((a) => a.name)).toEqual(["PATH"]);
    expect(c!.args.map((a) => a.dynamic)).toEqual([true, false]);
  });
  it("records quoted and escaped declaration operands as assignments, as bash does", () => {
    expect(commandsOf("export \"PATH=bin\" 'GIT_DIR'=x PA\\TH=y FOO -x")[0]!.assignments.map((a) => [a.name, a.value.value])).toEqual([["PATH", "bin"], ["GIT_DIR", "x"], ["PATH", "y"]]);
    expect(commandsOf("declare -x \"LD_PRELOAD=$L\"")[0]!.assignments.map((a) => [a.name, a.value.dynamic])).toEqual([["LD_PRELOAD", true]]);
    expect(commandsOf("export {PATH,X}=1")[0]!.assignments.map((a) => a.name)).toEqual(["PATH", "X"]);
    // Only declarations assign their operands: `echo "PATH=x"` prints, `"PATH=x" ls` runs a program of that name.
    expect(commandsOf("echo \"PATH=x\"")[0]!.assignments).toEqual([]);
  });
  it("an empty command runs nothing", () => {
    expect(analyseShell("")).toEqual({ ok: true, commands: [] });
    expect(analyseShell("  # only a comment\n")).toEqual({ ok: true, commands: [] });
  });
});

describe("positions", () => {
  const pos = (src: string) => commandsOf(src).map((c) => c.position.join(","));
  it("marks pipelines, subshells, groups, substitutions, loops, functions, cases, background", () => {
    expect(pos("a | b")).toEqual(["pipeline", "pipeline"]);
    expect(pos("(a); { b; }")).toEqual(["subshell", "group"]);
    expect(pos("echo $(a) <(b)")).toEqual(["", "$(…)", "<(…)"]);
    expect(pos("for i in 1; do a; done")).toEqual(["loop"]);
    expect(pos("while a; do b; done")).toEqual(["loop,condition", "loop"]);
    expect(pos("if a; then b; else c; fi")).toEqual(["condition", "", ""]);
    expect(pos("f() { a; }")).toEqual(["function,group"]);
    expect(pos("case x in y) a;; esac")).toEqual(["case"]);
    expect(pos("a &")).toEqual(["background"]);
    expect(pos("coproc a")).toEqual(["coproc"]);
  });
  it("marks pipedInto for later stages only, and through compounds", () => {
    expect(commandsOf("a | b | (c; d)").map((c) => c.pipedInto)).toEqual([false, true, true, true]);
    expect(commandsOf("a | b $(c)").map((c) => c.pipedInto)).toEqual([false, true, false]);
  });
  it("links substitutions to the command that holds them", () => {
    const cs = commandsOf("echo $(id) > $(mktemp)");
    expect(cs.map((c) => c.host)).toEqual([undefined, 0, 0]);
  });
  it("gives compound redirections to every command inside", () => {
    const cs = commandsOf("{ a; b; } > out.log");
    expect(cs.map((c) => c.redirects.map((r) => r.target.value))).toEqual([["out.log"], ["out.log"]]);
  });
  it("keeps [[ ]] and (( )) as synthetic commands so their redirections stay visible", () => {
    const cs = commandsOf("[[ -f $x ]] > /etc/passwd; (( i++ ))");
    expect(cs.map((c) => [c.name.kind === "literal" && c.name.value, c.synthetic])).toEqual([["[[", true], ["((", true]]);
    expect(cs[0]!.redirects[0]!.target.value).toBe("/etc/passwd");
  });
  it("numbers each child shell: subshells, stages, substitutions, background jobs, code strings (not eval)", () => {
    const shells = (src: string) => commandsOf(src).map((c) => (c.shells ?? []).join("."));
    expect(shells("a; (b; (c)); (d)")).toEqual(["", "0", "0.1", "2"]);
    const stages = shells("a | b");
    expect(stages.every((s) => s !== "") && stages[0] !== stages[1]).toBe(true);
    const sub = shells("echo $(a) <(b)");
    expect(sub[0]).toBe("");
    expect(new Set(sub).size).toBe(3);
    expect(shells("a & b & c")).toEqual(["0", "1", ""]);
    expect(shells("bash -c 'a; b' && eval 'c'")).toEqual(["0", "0", ""]);
    expect(shells("(sh -c 'a')")).toEqual(["0.1"]);
    expect(shells("{ a; }; if b; then c; fi")).toEqual(["", "", ""]);
    expect(shells("(a)")).toEqual(["0"]); // ids start again in every analysis
  });
  it("walks function bodies even when never called", () => {
    expect(argvs("f() { rm -rf /; }")).toEqual(["rm -rf /"]);
  });
});

describe("failures are values", () => {
  it("reports a syntax error", () => {
    const a = analyseShell("echo 'unterminated");
    expect(a.ok).toBe(false);
  });
  it("reads errors of nested scripts", () => {
    for (const s of ["echo $(if then)", "echo `if then`", "cat <(if then)", "echo $(( $(if then) ))"]) expect(analyseShell(s).ok, s).toBe(false);
  });
  it("reads errors in re-parsed code", () => {
    expect(analyseShell("sh -c 'if then'").ok).toBe(false);
    expect(analyseShell("eval 'echo \"'").ok).toBe(false);
  });
  it("caps the size", () => {
    const a = analyseShell(`echo ${"x".repeat(MAX_SOURCE_BYTES)}`);
    expect(a).toMatchObject({ ok: false });
  });
  it("survives deep nesting without a stack overflow", () => {
    const deep = `${"echo $(".repeat(3000)}x${")".repeat(3000)}`;
    expect(analyseShell(deep).ok).toBe(false);
  });
  it("caps re-parse depth", () => {
    let s = "ls";
    for (let i = 0; i < 20; i++) s = `eval ${JSON.stringify(s).replace(/\$/g, "\\$")}`;
    const a = analyseShell(s);
    expect(a.ok).toBe(false);
  });
  it("handles a 100 KB command", () => {
    const big = Array.from({ length: 5000 }, (_, i) => `echo ${i} | grep -n x${i}`).join("; ");
    expect(big.length).toBeGreaterThan(100_000);
    const a = analyseShell(big);
    expect(a.ok && a.commands.length).toBe(10_000);
  });
});
