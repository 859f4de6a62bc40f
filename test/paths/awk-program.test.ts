// awk program text: the literal files its print / printf statements redirect to.
import { describe, expect, it } from "vitest";
import { awkWriteFiles } from "../../src/paths/awk-program.js";

describe("awkWriteFiles", () => {
  it.each([
    ['{print > "/etc/x"}', ["/etc/x"]],
    ['{print $1 >> "log.txt"}', ["log.txt"]],
    ['{ printf "%s\\n", $0 > "a" } END { print "done" > "b" }', ["a", "b"]],
    ['{printf("%s", $0) > "out"}', ["out"]],
    ['{print >"x\\"y"}', ['x"y']],
    ["{print > \"one\"; print > \"two\"}", ["one", "two"]],
    ["# print > \"c\"\n{print > \"d\"}", ["d"]],
    ['$1 > "m" { print }', []], // a comparison in a pattern
    ['{ print (NR > 1) }', []], // a comparison in parentheses
    ['{ print "a > b" }', []], // inside a string
    ['{ print > $2 ".txt" }', []], // built at run time
    ['{ print | "sort" }', []], // a pipe to a command (the injection check's)
    ['{ x = y > "z" }', []], // not a print statement
    ['{ reprint > "q" }', []],
  ])("%s", (program, expected) => {
    expect(awkWriteFiles(program)).toEqual(expected);
  });
});
