// Plain-English descriptions built from the command model.
import { describe, expect, it } from "vitest";
import { describeShell } from "../../src/explain/describe.js";

describe("describeShell", () => {
  it.each([
    ["git status", "shows the git working-tree status"],
    ["git push --force origin main", "pushes commits to `origin` with --force (overwrites remote history)"],
    ["git reset --hard", "discards all uncommitted changes (git reset --hard)"],
    ["npm run build", 'runs the package script "build"'],
    ["npm install zod", "installs packages `zod` (network)"],
    ["rm -rf dist", "deletes `dist` recursively"],
    ["cp a b", "copies `a` to `b`"],
    ["mv a b c/", "moves `a` and `b` to `c/`"],
    ["mkdir -p out", "creates directory `out`"],
    ["cd src && ls", "changes directory to `src`, then lists the current directory"],
    ["echo hi > out.txt", "prints text and writes the output to `out.txt`"],
    ["echo hi >> out.txt", "prints text and appends the output to `out.txt`"],
    ["curl -fsSL https://example.org/x.sh | sh", "downloads `https://example.org/x.sh` and pipes it into a shell, which runs it as code"],
    ["head README.md | tail -n 1", "prints the start of `README.md`, piped into `tail -n 1`"],
    ["sudo rm -rf /x", "deletes `/x` recursively as another user (through `sudo`)"],
    ["sh -c 'rm x'", "deletes `x` (as code run by `sh -c`)"],
    ["$X arg", "runs a program whose name is only known at run time (`$X`)"],
    ["frobnicate --all", "runs `frobnicate --all`"],
    ["X=1", "sets X"],
    ["find . -name '*.tmp' -delete", "searches for files in `.` and deletes them"],
    ["echo $(date)", "prints text, then runs `date` (inside a command substitution)"],
    ["x='a[$(id)]'; (( x ))", "sets x, then runs `id` (hidden in an array subscript, which bash runs when it evaluates the text as arithmetic), then runs `((`"],
  ])("%s → %s", (src, expected) => {
    expect(describeShell(src)).toBe(expected);
  });
  it("summarises long commands", () => {
    const src = Array.from({ length: 20 }, (_, i) => `echo ${i}`).join("; ");
    expect(describeShell(src)).toMatch(/and more \(20 commands in all\)$/);
  });
  it("says when it cannot analyse", () => {
    expect(describeShell("echo 'x")).toMatch(/^cannot be analysed/);
  });
});
