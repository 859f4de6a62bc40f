// Shell word expansion from source text: quotes, tilde forms, the few variables we know, brace lists, globs.
import { describe, expect, it } from "vitest";
import { expandWordText, type WordEnv } from "../../src/paths/word.js";

const env: WordEnv = { vars: new Map<string, string | undefined>([["HOME", "/home/u"], ["PWD", "/repo"], ["OLDPWD", "/prev"], ["DIR", "out"], ["SPACED", "a b"], ["GONE", undefined]]), user: "u" };
const values = (text: string, opts = {}) => {
  const e = expandWordText(text, env, opts);
  return e.kind === "known" ? e.alternatives.map((a) => (a.pattern !== undefined ? `glob:${a.pattern}` : a.value)) : `unknown: ${e.reason}`;
};

describe("expandWordText", () => {
  it.each([
    ["plain", ["plain"]],
    ["'a b'", ["a b"]],
    ['"a b"', ["a b"]],
    ["a\\ b", ["a b"]],
    ["~", ["/home/u"]],
    ["~/.ssh/id_rsa", ["/home/u/.ssh/id_rsa"]],
    ["~u/x", ["/home/u/x"]],
    ["~+/x", ["/repo/x"]],
    ["~-/x", ["/prev/x"]],
    ["'~'/x", ["~/x"]], // quoted tilde is not expanded
    ["\\~/x", ["~/x"]],
    ["x~/y", ["x~/y"]],
    ["$HOME/.aws", ["/home/u/.aws"]],
    ["${HOME}/.aws", ["/home/u/.aws"]],
    ['"$HOME"/.aws', ["/home/u/.aws"]],
    ['"${HOME}/x y"', ["/home/u/x y"]],
    ["$PWD/x", ["/repo/x"]],
    ["$OLDPWD/x", ["/prev/x"]],
    ["$DIR/x", ["out/x"]],
    ["$'\\x2e\\x65nv'", [".env"]],
    ["$'a\\tb'", ["a\tb"]],
    ["file{,.bak}", ["file", "file.bak"]],
    ["{a,b}{1,2}", ["a1", "a2", "b1", "b2"]],
    ["{a,{b,c}}", ["a", "b", "c"]],
    ["'{a,b}'", ["{a,b}"]],
    ["{}", ["{}"]],
    ["{x}", ["{x}"]],
    ["$", ["$"]],
    ["*.md", ["glob:*.md"]],
    ["~/.ssh/*", ["glob:/home/u/.ssh/*"]],
    [".env*", ["glob:.env*"]],
    ["'*'.md", ["*.md"]],
    ['"x"*', ["glob:x*"]],
    ["'a*'b*", ["glob:a\\*b*"]],
    ["[ab].txt", ["glob:[ab].txt"]],
    ["a[b", ["a[b"]],
  ])("%s", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ["$OTHER/x", /\$OTHER/],
    ["$GONE", /\$GONE/],
    ["$SPACED", /split/],
    ['"$SPACED"', null],
    ["${HOME:-/x}", /parameter expansion/],
    ["$(pwd)/x", /command substitution/],
    ["`pwd`/x", /command substitution/],
    ["$((1+2))", /command substitution|arithmetic/],
    ["$1", /\$1/],
    ["~root/x", /another user/],
    ["{1..3}", /range/],
    ["@(a|b)", /extended glob/],
    ["'unterminated", /unterminated/],
  ])("%s is unknown", (text, reason) => {
    const v = values(text);
    if (reason === null) expect(v).toEqual(["a b"]);
    else {
      expect(typeof v).toBe("string");
      expect(v as string).toMatch(reason);
    }
  });

  it("expands ~ after the first = only when asked", () => {
    expect(values("if=~/.ssh/id_rsa")).toEqual(["if=~/.ssh/id_rsa"]);
    expect(values("if=~/.ssh/id_rsa", { tildeAfterEquals: true })).toEqual(["if=/home/u/.ssh/id_rsa"]);
    expect(values("--file=~/k", { tildeAfterEquals: true })).toEqual(["--file=/home/u/k"]);
  });

  it("caps brace explosions", () => {
    expect(values("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")).toMatch(/^unknown/);
  });
});
