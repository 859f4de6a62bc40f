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

  // Each row checked with bash 5.2: `HOME=/home/u bash -c 'echo WORD'`.
  it.each([
    ["if=~/.ssh/id_rsa", ["if=/home/u/.ssh/id_rsa"]],
    ["of=~", ["of=/home/u"]],
    ["A_1=~/q", ["A_1=/home/u/q"]],
    ["PATH=~/a:~/b", ["PATH=/home/u/a:/home/u/b"]],
    ["a=x:~/y", ["a=x:/home/u/y"]],
    ["x=~:~/b", ["x=/home/u:/home/u/b"]],
    ["a=~+/x", ["a=/repo/x"]],
    ["a=~/x=~/y", ["a=/home/u/x=~/y"]], // only the first `=`
    // not assignment-shaped, or the `~` / `:` is quoted
    ["--file=~/k", ["--file=~/k"]],
    ["-f=~/k", ["-f=~/k"]],
    ["1=~/x", ["1=~/x"]],
    ["a-b=~/x", ["a-b=~/x"]],
    ["=~/x", ["=~/x"]],
    ['"a"=~/x', ["a=~/x"]],
    ["a=b=~/x", ["a=b=~/x"]],
    ["a:~/z", ["a:~/z"]],
    ["a=\\~/x", ["a=~/x"]],
    ['a=~"/x"', ["a=~/x"]],
    ["a=x\\:~/y", ["a=x:~/y"]],
    ['a=x":"~/y', ["a=x:~/y"]],
  ])("tilde in the assignment-shaped argument %s", (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it("expands ~ after every : of an assignment value", () => {
    expect(values("~/a:~/b", { assignmentValue: true })).toEqual(["/home/u/a:/home/u/b"]);
    expect(values("x:~", { assignmentValue: true })).toEqual(["x:/home/u"]);
    expect(values("x:~/a")).toEqual(["x:~/a"]); // an ordinary word: only a leading ~
  });

  it("caps brace explosions", () => {
    expect(values("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}")).toMatch(/^unknown/);
  });
});
