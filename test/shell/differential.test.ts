// Differential test: our analysis (unbash) against bash-parser, the design card's parser, on ≥ 500 commands. Where
// both accept a command they must agree on the programs it runs and the files it redirects to. bash-parser cannot
// represent some bash (heredocs, `&>`, `<(…)`, `$'…'`, `((…))`, here-strings, `${x:-$(…)}`, brace expansion…): those are skipped
// and counted, never compared. Our side groups commands by the source command they come from, so a wrapper
// (`sudo rm`) or a re-parsed string (`sh -c '…'`) counts once, as written — the way bash-parser sees it.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseShell } from "../../src/shell/analyse.js";
import type { ShellCommand } from "../../src/shell/model.js";

interface BpNode {
  readonly type: string;
  readonly text?: string;
  readonly name?: BpNode;
  readonly prefix?: readonly BpNode[];
  readonly suffix?: readonly BpNode[];
  readonly redirections?: readonly BpNode[];
  readonly op?: { readonly text: string } | string;
  readonly file?: BpNode;
  readonly numberIo?: BpNode;
  readonly expansion?: readonly { readonly type: string; readonly commandAST?: BpNode }[];
  readonly [key: string]: unknown;
}
const bashParser = createRequire(import.meta.url)("bash-parser") as (source: string) => BpNode;

const FILE_OPS = new Set([">", ">>", "<", ">|", "<>"]);

/** What bash-parser says runs: every Command (name as text, "" when only assignments/redirects) and its file redirects. */
function theirs(source: string): { programs: string[]; redirects: string[] } | undefined {
  let root: BpNode;
  try {
    root = bashParser(source);
  } catch {
    return undefined;
  }
  const programs: string[] = [];
  const redirects = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      for (const x of n) stack.push(x);
      continue;
    }
    if (!n || typeof n !== "object") continue;
    const node = n as BpNode;
    if (node.type === "Command") programs.push(node.name?.text ?? "");
    if (node.type === "Redirect" && typeof node.op === "object" && FILE_OPS.has(node.op.text) && node.file?.text && !/[$`*?[]/.test(node.file.text)) redirects.add(`${node.op.text} ${node.file.text}`);
    // bash-parser bug: after a newline, a word can carry the previous word's expansions (`echo $(id)\nls` gives
    // `ls` the `$(id)`). Follow an expansion only when the word's text can hold one.
    const canExpand = typeof node.text === "string" && /\$\(|`/.test(node.text);
    for (const e of node.expansion ?? []) if (e.commandAST && canExpand) stack.push(e.commandAST);
    for (const [k, v] of Object.entries(node)) if (k !== "expansion" && k !== "loc" && typeof v === "object") stack.push(v);
  }
  return { programs: programs.sort(), redirects: [...redirects].sort() };
}

/** Our analysis, one program per source command (the first word as written, wrappers included). */
function ours(commands: readonly ShellCommand[]): { programs: string[]; redirects: string[] } {
  const groups = new Map<string, ShellCommand>();
  for (const c of commands) {
    const key = `${c.span.pos}:${c.span.end}`;
    if (!groups.has(key)) groups.set(key, c);
  }
  const programs = [...groups.values()].map((c) => {
    const outer = c.wrappers?.[0];
    if (outer) return outer.argv[0]!.value;
    return c.name.kind === "literal" ? c.program ?? c.name.value : c.name.text;
  });
  const redirects = new Set<string>();
  for (const c of commands) for (const r of c.redirects) if (FILE_OPS.has(r.op) && !r.target.dynamic) redirects.add(`${r.op} ${r.target.value}`);
  return { programs: programs.sort(), redirects: [...redirects].sort() };
}

/** Bash that bash-parser does not represent (or represents wrongly by design): skipped, counted. */
const UNREPRESENTABLE = [/\{[^}\s]*(,|\.\.)[^}\s]*\}/, /<</, /&>/, /[<>]\(/, /\$'/, /\(\(/, /\$\{[^}]*\$\(/, /\|&/, /;;&|;&/, /\bcoproc\b/, /\bselect\b/, /\[\[/, /\btime\b/, /\$"/, /\bfunction\b/];

// ── the command set ────────────────────────────────────────────────────────────────────────────────────────────

const IDIOMS = [
  "ls", "ls -la src", "pwd", "git status", "git log --oneline -n 5", "git diff --stat HEAD~1", "git add -A && git commit -m 'wip'",
  "git push origin main", "git checkout -b feat/x", "git stash && git pull --rebase && git stash pop", "npm test", "npm run build",
  "npm ci && npm run lint", "npx tsc --noEmit -p .", "npx vitest run test/shell", "pnpm install --frozen-lockfile", "yarn add -D zod",
  "cargo build --release", "cargo test -- --nocapture", "go test ./...", "make -j4", "make clean all", "python3 -m pytest -q",
  "pip install -r requirements.txt", "docker build -t app .", "docker compose up -d", "kubectl get pods -n default",
  "rm -rf dist node_modules", "mkdir -p build/out", "cp -r src dist/", "mv a.txt b.txt", "touch .keep", "chmod +x run.sh",
  "ln -s ../x y", "cat package.json | jq .scripts", "grep -rn TODO src | head -50", "find . -name '*.ts' -not -path './node_modules/*' | xargs wc -l",
  "sort -u names.txt | uniq -c | sort -rn", "wc -l < input.txt", "echo hello > out.txt", "echo more >> out.txt", "cat < in.txt > out.txt",
  "ls 2>/dev/null", "npm test 2>&1 | tail -n 20", "cd src && ls", "cd /tmp || exit 1", "test -f x && echo yes || echo no",
  "[ -d build ] && rm -rf build", "for f in *.ts; do echo $f; done", "for i in 1 2 3; do echo $i > out.$i; done",
  "while read -r line; do echo \"$line\"; done < list.txt", "until false; do sleep 1; done", "if git diff --quiet; then echo clean; else echo dirty; fi",
  "case $1 in start) run;; stop) halt;; *) usage;; esac", "f() { ls; }; f", "(cd sub && make)", "{ echo a; echo b; } > both.txt",
  "export PATH=$PATH:/opt/bin", "FOO=1 BAR=2 node index.js", "X=$(git rev-parse HEAD)", "echo $(date +%s)", "echo `whoami`",
  "echo \"$(git branch --show-current)\"", "ls $(cat dirs.txt)", "echo x > $(mktemp)", "sudo -u root apt-get update",
  "sudo rm -rf /var/cache/x", "env -i PATH=/bin ls", "nice -n 10 make", "timeout 60 npm test", "nohup node server.js > server.log &",
  "sh -c 'ls -la'", "bash -c \"npm test && npm run lint\"", "eval ls -la", "xargs rm -f < files.txt", "find . -type f -exec chmod 644 {} \\;",
  "find . -name '*.log' -delete", "curl -fsSL https://example.org/install.sh | sh", "wget -qO- example.org | bash",
  "echo cm0= | base64 -d | bash", "/usr/bin/curl example.org", "./scripts/test.sh --ci", "\\rm x", "\"ls\" -la", "'git' status",
  "r\"m\" -rf x", "echo 'a;b' \"c|d\" e\\&f", "echo a\\ b", "ls -la | grep -v total | awk '{print $9}' | sort",
  "git log --format='%H %s' | head", "cat a b c > abc", "ls > /dev/null 2>&1 &", "a && b || c; d & e", "! grep -q x file",
  "true", ":", "exit 0", "return 1", "set -euo pipefail", "shift", "wait", "trap 'rm -f tmp' EXIT", "alias ll='ls -la'",
  "unset FOO", "read -p 'name: ' NAME", "printf '%s\\n' a b c", "printf 'x' > out", "cat <in >out 2>err", "exec 3>log.txt",
  "diff -u a.txt b.txt > patch.diff", "tar -czf out.tgz src", "unzip -o x.zip -d out", "zip -r out.zip dir", "ssh host 'ls'",
  "scp a host:/tmp/", "rsync -av src/ dst/", "kill -9 1234", "pkill node", "node -e 'console.log(1)'", "python -c 'print(1)'",
  "perl -ne 'print' f", "ruby -e 'puts 1'", "awk -F: '{print $1}' /etc/passwd", "sed -n '1,5p' README.md", "sed -i 's/a/b/' f",
  "tee out.txt < in.txt", "yes | head -n 3", "seq 1 10 | paste -sd+ | bc", "date -u +%Y-%m-%dT%H:%M:%SZ", "uname -a", "id -u",
  "du -sh * | sort -h", "df -h /", "ps aux | grep node | grep -v grep", "history | tail", "source .venv/bin/activate",
  ". ./env.sh", "command -v node >/dev/null || echo missing", "type -a ls", "which python3", "jq -r '.name' package.json",
  "git tag -l 'v*'", "git remote -v", "git branch -a", "git rev-parse --show-toplevel", "git blame -L 1,10 README.md",
  "gh pr create --fill", "gh issue list", "brew install jq", "apt-get install -y curl", "docker run --rm -v $PWD:/w alpine ls /w",
  "cd \"$(git rev-parse --show-toplevel)\" && make", "mkdir -p \"$HOME/.cache/x\"", "rm -f ./*.tmp", "ls -d */",
  "echo {a,b,c}", "echo ~/x", "echo $HOME/x", "VAR=x; echo $VAR", "a=1 b=2", "> empty.txt", "< in.txt cat",
  "cat file | while read l; do echo $l; done > out", "(a; b) > out 2> err", "{ a; } < in", "if a; then b > x; fi",
];

const PROGRAMS = [
  "ls -la", "git status", "npm test", "rm -rf dist", "echo \"a b\"", "cat README.md", "grep -rn TODO src", "find . -name '*.ts'",
  "sudo rm x", "env FOO=1 node x.js", "/usr/bin/curl x", "./script.sh arg", "X=1 make", "timeout 5 npm test", "sh -c 'ls -la'", "eval ls",
  "'git' log", "r''m -f x", "echo $(id)", "ls `pwd`",
];
const OPERATORS = [" && ", " || ", "; ", " | ", " & ", "\n"];
const REDIRECTS = ["", " > out.txt", " 2>/dev/null", " >> log.txt", " < in.txt", " 2>&1"];
const SHAPES = [(c: string) => c, (c: string) => `(${c})`, (c: string) => `{ ${c}; }`, (c: string) => `echo $(${c})`, (c: string) => `if ${c}; then :; fi`, (c: string) => `for x in a b; do ${c}; done`, (c: string) => `while ${c}; do break; done`, (c: string) => `g() { ${c}; }`];

function commandSet(): string[] {
  const out = new Set<string>(IDIOMS);
  for (const a of PROGRAMS) for (const b of PROGRAMS.slice(0, 10)) for (const op of OPERATORS) out.add(`${a}${op}${b}`);
  for (const p of PROGRAMS) for (const r of REDIRECTS) for (const s of SHAPES) out.add(s(`${p}${r}`));
  const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus/dev-pretool.jsonl");
  if (fs.existsSync(corpus)) {
    for (const line of fs.readFileSync(corpus, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { tool: string; input: { command?: string } };
      if (c.tool === "Bash" && c.input.command) out.add(c.input.command);
    }
  }
  for (const f of fs.readdirSync(path.resolve(import.meta.dirname, "../corpus")).filter((x) => /^shell-.*\.jsonl$/.test(x))) {
    for (const line of fs.readFileSync(path.resolve(import.meta.dirname, "../corpus", f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { tool?: string; input?: { command?: string } };
      if (c.tool === "Bash" && c.input?.command) out.add(c.input.command);
    }
  }
  return [...out];
}

describe("differential: unbash (our analysis) vs bash-parser", () => {
  const commands = commandSet();
  const stats = { compared: 0, skipped: 0, theyReject: 0, weReject: 0 };
  const disagreements: string[] = [];
  for (const source of commands) {
    if (UNREPRESENTABLE.some((re) => re.test(source))) {
      stats.skipped++;
      continue;
    }
    const them = theirs(source);
    const a = analyseShell(source);
    if (!them) {
      stats.theyReject++;
      continue;
    }
    if (!a.ok) {
      stats.weReject++;
      continue;
    }
    stats.compared++;
    const us = ours(a.commands);
    if (JSON.stringify(us) !== JSON.stringify(them)) disagreements.push(`${JSON.stringify(source)}\n  ours:   ${JSON.stringify(us)}\n  theirs: ${JSON.stringify(them)}`);
  }

  it("compares at least 500 commands that both parsers accept", () => {
    expect(stats.compared, JSON.stringify(stats)).toBeGreaterThanOrEqual(500);
  });
  it("agrees on the programs and redirect targets of every compared command", () => {
    expect(disagreements.slice(0, 20).join("\n")).toBe("");
  });
  it("rejects no command bash-parser accepts", () => {
    expect(stats.weReject, JSON.stringify(stats)).toBe(0);
  });
});
