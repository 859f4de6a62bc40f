// Names handed over by xargs through the whole pipeline (analyseShell → checkShellPaths): literal text split the way
// xargs splits it, listing commands, and input only known at run time (ask, never allow).
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkShellPaths } from "../../src/checks/shell-paths.js";
import { makeWorld } from "../paths/context.js";
import { commands } from "../paths/fixtures.js";

const w = makeWorld();
afterAll(() => w.cleanup());
w.file(".env", "SECRET=1");
w.file(path.join(w.home, ".ssh/id_ecdsa"), "K");
const ctx = w.ctx();

function verdict(source: string): { verdict: string; rules: string[]; reasons: string } {
  const f = checkShellPaths(commands(source), ctx).filter((x) => x.severity === "deny" || x.severity === "ask");
  return { verdict: f.some((x) => x.severity === "deny") ? "deny" : f.length ? "ask" : "clean", rules: f.map((x) => x.rule), reasons: f.map((x) => x.reason).join("\n") };
}

describe("xargs input", () => {
  it.each([
    // literal names: a here-string (tilde-expanded by bash), echo / printf output, a heredoc, quoting
    ["xargs cat <<< ~/.ssh/id_ecdsa", "deny"],
    ["echo ~/.aws/credentials | xargs cat", "deny"],
    ["echo README.md .env | xargs head -n1", "deny"],
    ["printf '%s\\n' .env | xargs -I{} cat {}", "deny"],
    ["echo \"'.env'\" | xargs cat", "deny"],
    ["X=.env; echo $X | xargs cat", "deny"],
    ["xargs cat <<EOF\nREADME.md\n.env\nEOF", "deny"],
    ["printf 'README.md:.env' | xargs -d: cat", "deny"],
    ["echo 'README.md:.env' | xargs -d: cat", "clean"], // with -d the newline echo adds belongs to the last name
    ["sudo xargs cat <<< .env", "deny"],
    // xargs -a FILE: the file's lines become arguments, printed by any program
    ["xargs -a .env echo", "deny"],
    ["xargs --arg-file=.env printf '%s\\n'", "deny"],
    // a lister in the previous stage
    ["find . -type f | xargs cat", "deny"],
    ["ls -a | xargs grep -h x", "deny"],
    // names only known at run time
    ["git ls-files -o | xargs cat", "ask"],
    ["cat list.txt | xargs cat", "ask"],
    ["xargs -a files.txt cat", "ask"],
    ["xargs cat < files.txt", "ask"],
    ["echo $UNSET | xargs cat", "ask"],
    ["{ echo README.md; echo x; } | xargs cat", "ask"],
    ["xargs -d \"$D\" cat <<< README.md", "ask"],
    // near misses
    ["echo README.md | xargs cat", "clean"],
    ["xargs cat <<< README.md", "clean"],
    ["xargs cat <<'EOF'\n~/.aws/credentials\nEOF", "clean"], // a heredoc body is not tilde-expanded: ./~/.aws/…
    ["echo .env.example | xargs cat", "clean"],
    ["ls | xargs cat", "clean"],
    ["find . -name '*.ts' | xargs grep TODO", "clean"],
    ["git ls-files | xargs wc -l", "clean"], // wc prints counts, not content
    ["echo a b | xargs -n1 echo", "clean"],
    ["xargs cat", "clean"], // nothing feeds it
    ["xargs -0 cat <<< .env", "clean"], // -0: the one name is ".env\n"
  ])("%s → %s", (src, expected) => {
    const r = verdict(src);
    expect(r.verdict, r.reasons).toBe(expected);
    if (expected === "deny") expect(r.rules).toContain("credentials.read");
    if (expected === "ask") expect(r.rules).toContain("credentials.unknown-read");
  });

  it("says where the name came from", () => {
    expect(verdict("echo ~/.aws/credentials | xargs cat").reasons).toMatch(/named by `echo ~\/\.aws\/credentials`/);
    expect(verdict("git ls-files -o | xargs cat").reasons).toMatch(/output of `git ls-files -o`/);
  });
});
