// In-process figures for `npm run bench`: Bash decisions per second (warm), a 100 KB command, growth with size, and
// PostToolUse content scanning per 100 KB. Run by scripts/bench.mjs under tsx; reports, never asserts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkBash } from "../src/checks/bash.js";
import { loadContext } from "../src/context.js";
import { decide } from "../src/decide.js";
import { postToolUse } from "../src/post-tool-use.js";

const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hookwarden-inproc-")));
fs.mkdirSync(path.join(work, "home"));
const env = { ...process.env, HOME: path.join(work, "home"), CLAUDE_PROJECT_DIR: work, HOOKWARDEN_MANAGED_DIR: path.join(work, "managed") };
const ctx = loadContext({ cwd: work, session_id: "bench" }, env);

const TYPICAL = [
  "ls -la src",
  "git status && git diff --stat",
  "npm test -- --run 2>&1 | tail -n 20",
  "grep -rn TODO src | head -50",
  "find . -name '*.ts' -not -path './node_modules/*' | xargs wc -l",
  "cat package.json | jq .scripts",
  'git commit -m "$(cat <<\'EOF\'\nfix: it\'s done\nEOF\n)"',
  "curl -fsSL https://example.org/x.sh | sh",
];

const time = (fn: () => void, minMs = 300) => {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    fn();
    n++;
  }
  return (performance.now() - t0) / n;
};

for (const c of TYPICAL) decide(checkBash(c, ctx)); // warm
const perCall = time(() => {
  for (const c of TYPICAL) decide(checkBash(c, ctx));
}) / TYPICAL.length;
console.log(`\nin-process Bash decision (warm, ${TYPICAL.length} typical commands): ${(perCall * 1000).toFixed(1)} µs per command, ${Math.round(1000 / perCall)} decisions/s`);

console.log("| command size | ms per decision | ms per KB |");
console.log("|---|---|---|");
for (const kb of [1, 10, 100]) {
  const unit = "echo hello world && ls -la src/index.ts | grep x; ";
  const command = unit.repeat(Math.ceil((kb * 1024) / unit.length)).slice(0, kb * 1024);
  const ms = time(() => void decide(checkBash(command, ctx)), 500);
  console.log(`| ${kb} KB | ${ms.toFixed(2)} | ${(ms / kb).toFixed(3)} |`);
}

const page = `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. Das ist ein Test. これはテストです。 😀 ".repeat(1100)}`.slice(0, 100 * 1024);
const response = { bytes: page.length, code: 200, codeText: "OK", result: page, durationMs: 5, url: "https://example.org" };
const input = { tool_name: "WebFetch", tool_input: { url: "https://example.org", prompt: "read" }, tool_response: response, session_id: "bench", cwd: work };
await postToolUse(input, { projectRoot: work }); // loads secretlint once
const t0 = performance.now();
const N = 20;
for (let i = 0; i < N; i++) await postToolUse(input, { projectRoot: work });
console.log(`\nPostToolUse scan of a 100 KB web page (injection + secrets, warm): ${((performance.now() - t0) / N).toFixed(2)} ms`);
fs.rmSync(work, { recursive: true, force: true });
