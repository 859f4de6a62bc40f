// code-feed: which commands feed the code a command runs (substitutions, pipes, variables set from them) and which
// words of a command are code.
import { describe, expect, it } from "vitest";
import { codeWords, indexCommands, variableFeeders } from "../../src/checks/code-feed.js";
import { commandsOf } from "../shell/helpers.js";

const names = (cs: readonly { name: { kind: string; value?: string } }[]) => cs.map((c) => (c.name.kind === "literal" ? c.name.value : "?"));

describe("variables set from other commands", () => {
  it.each([
    ["x=$(base64 -d f)", "x", ["base64"]],
    ["export x=\"$(xxd -r f)\"", "x", ["xxd"]],
    ["read -r x < <(zcat f)", "x", ["zcat"]],
    ["read x <<< \"$(rev f)\"", "x", ["rev"]],
    ["cat f | base64 -d | read -r x", "x", ["base64"]], // the stage right before (zsh keeps x)
    ["x=$(base64 -d f); y=$x", "y", ["base64"]],
    ["x=$(base64 -d f); z=${x:-none}", "z", ["base64"]],
  ])("%s: %s holds the output of %j", (src, variable, expected) => {
    const ix = indexCommands(commandsOf(src));
    expect(names(ix.variables.get(variable) ?? [])).toEqual(expected);
  });
  it("records nothing for values written out", () => {
    expect(indexCommands(commandsOf("x=1; y=$HOME; read z < f")).variables.size).toBe(0);
  });
  it("finds the variables a word expands", () => {
    const cs = commandsOf("x=$(base64 -d f); sh -c \"$x ${x}\" \"$other\"");
    const ix = indexCommands(cs);
    expect(names(variableFeeders(cs[cs.length - 1]!.args, ix))).toEqual(["base64", "base64"]);
  });
});

describe("code words", () => {
  it.each([
    ["bash -ec \"$x\"", ["$x"]],
    ["python3 -c 'print(1)' a", ["print(1)"]],
    ["eval \"$a\" b", ["$a", "b"]],
    ["sh <<< \"$x\"", ["$x"]],
    ["$x arg", ["$x"]],
    ["sh script.sh \"$x\"", []],
  ])("%s → %j", (src, expected) => {
    const c = commandsOf(src).find((k) => k.via.length === 0)!;
    expect(codeWords(c).map((w) => w.value)).toEqual(expected);
  });
});

describe("size", () => {
  // Each pipeline and each variable is read once: both were quadratic, minutes for a 70 KB command.
  it("reads a long pipeline of shells once", () => {
    const cs = commandsOf(`base64 -d f|${"sh|".repeat(20_000)}sh`);
    const ix = indexCommands(cs);
    expect(names(ix.upstream(cs[cs.length - 1]!))).toEqual(["base64", "sh", "sh", "sh"]);
  });
  it("keeps a few feeders per variable, however often it is passed on", () => {
    const cs = commandsOf(`x=$(base64 -d f); ${"x=$x; ".repeat(20_000)}y=$x`);
    expect(names(indexCommands(cs).variables.get("y") ?? [])).toEqual(["base64"]);
  });
});
