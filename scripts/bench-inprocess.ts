// In-process figures for `npm run bench`: Bash decisions per second (warm), 100 KB commands of several shapes, growth
// with size, and PostToolUse content scanning per 100 KB. Run by scripts/bench.mjs under tsx; reports, never asserts.
// Targets (issue 3 item 8): a typical command ≤ 0.1 ms, a 100 KB command ≤ 50 ms, growth linear in size.
// The hook runs the esbuild bundle (scripts/build.mjs), not the TypeScript sources as tsx runs them: under tsx every
// imported name is read through a getter and every named closure is renamed when it is made, which about doubles
// the cost of a large command. So the Bash figures are for src/ bundled the way the build bundles it (minified,
// node20, CommonJS, into a temp dir); BENCH_SOURCE=1 measures the sources under tsx instead.
// BENCH_PROJECT=/some/repo runs the Bash figures against that tree instead of the small generated project.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { postToolUse } from "../src/post-tool-use.js";

type Shell = Pick<typeof import("../src/checks/bash.js"), "checkBash"> & Pick<typeof import("../src/context.js"), "loadContext"> & Pick<typeof import("../src/decide.js"), "decide">;

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hookwarden-inproc-")));
fs.mkdirSync(path.join(work, "home"));
// A small project like the ones the hook runs in: a few dozen source files, tests, docs, a node_modules to skip.
const generated = path.join(work, "project");
for (const dir of ["src/checks", "src/shell", "test", "docs", "node_modules/x"]) fs.mkdirSync(path.join(generated, dir), { recursive: true });
for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(generated, i % 2 ? "src/checks" : "src/shell", `m${i}.ts`), `export const x${i} = ${i}; // TODO\n`);
for (const f of ["src/index.ts", "test/a.test.ts", "docs/README.md", "package.json", "node_modules/x/index.js"]) fs.writeFileSync(path.join(generated, f), "{}\n");
const project = process.env.BENCH_PROJECT ? fs.realpathSync(process.env.BENCH_PROJECT) : generated;
const env = { ...process.env, HOME: path.join(work, "home"), CLAUDE_PROJECT_DIR: project, HOOKWARDEN_MANAGED_DIR: path.join(work, "managed") };

async function loadShell(): Promise<Shell> {
  if (process.env.BENCH_SOURCE) {
    const [bash, context, decision] = await Promise.all([import("../src/checks/bash.js"), import("../src/context.js"), import("../src/decide.js")]);
    return { checkBash: bash.checkBash, loadContext: context.loadContext, decide: decision.decide };
  }
  const outfile = path.join(work, "shell-bench.cjs");
  buildSync({
    stdin: { contents: 'export { checkBash } from "./src/checks/bash.ts"; export { loadContext } from "./src/context.ts"; export { decide } from "./src/decide.ts";', resolveDir: root, loader: "ts" },
    outfile, bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, legalComments: "none", logLevel: "warning",
    define: { __VERSION__: JSON.stringify("bench") },
  });
  return createRequire(import.meta.url)(outfile) as Shell;
}
const { checkBash, loadContext, decide } = await loadShell();
const ctx = loadContext({ cwd: project, session_id: "bench" }, env);
console.log(`\nBash decisions: ${process.env.BENCH_SOURCE ? "src/ as tsx runs it" : "src/ bundled as the build does (BENCH_SOURCE=1: sources under tsx)"}`);

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

/** Median ms per call over batches that each run at least `batchMs`. */
const time = (fn: () => void, batchMs: number, batches: number): number => {
  const results: number[] = [];
  for (let b = 0; b < batches; b++) {
    let n = 0;
    const t0 = performance.now();
    do {
      fn();
      n++;
    } while (performance.now() - t0 < batchMs);
    results.push((performance.now() - t0) / n);
  }
  return results.sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
};
const decision = (c: string) => decide(checkBash(c, ctx)).kind;

for (let i = 0; i < 50; i++) for (const c of TYPICAL) decision(c); // warm
console.log(`\nin-process Bash decision (warm, median of batches; target ≤ 100 µs each):`);
console.log("| command | decision | µs |");
console.log("|---|---|---|");
let sum = 0;
for (const c of TYPICAL) {
  const us = time(() => void decision(c), 100, 7) * 1000;
  sum += us;
  console.log(`| \`${JSON.stringify(c).slice(1, -1).slice(0, 60)}\` | ${decision(c)} | ${us.toFixed(1)} |`);
}
const mean = sum / TYPICAL.length;
console.log(`mean ${mean.toFixed(1)} µs per command, ${Math.round(1e6 / mean)} decisions/s`);

/** Commands of a given shape and size (characters, ≈ bytes: all ASCII). */
const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.round(size / unit.length)));
const lines = (size: number) => fill("Lorem ipsum dolor sit amet, it's a \"test\" with $dollars and `ticks`.\n", size);
const SHAPES: Record<string, (size: number) => string> = {
  "list `echo … && ls … | grep x;`": (size) => fill("echo hello world && ls -la src/index.ts | grep x; ", size),
  "quoted heredoc `cat > f <<'EOF'`": (size) => `cat > notes.md <<'EOF'\n${lines(size - 30)}EOF\n`,
  "unquoted heredoc `cat <<EOF | wc -l`": (size) => `cat <<EOF | wc -l\n${lines(size - 30).replace(/[$`\\]/g, "")}EOF\n`,
  "single-quoted string `echo '…'`": (size) => `echo '${fill("abc def ghi \"jkl\" $mno ", size - 8)}'`,
  "long pipeline `a | b | c …`": (size) => `cat src/index.ts${fill(" | grep -v x | sort | uniq -c | head -n 5", size - 16)}`,
};

console.log(`\n100 KB commands and growth with size (median; target ≤ 50 ms at 100 KB, ms per KB flat):`);
console.log("| shape | decision | 1 KB ms | 10 KB ms | 100 KB ms | ms/KB at 1 / 10 / 100 KB |");
console.log("|---|---|---|---|---|---|");
for (const [name, make] of Object.entries(SHAPES)) {
  const ms = [1, 10, 100].map((kb) => {
    const command = make(kb * 1024);
    decision(command); // warm
    return time(() => void decision(command), kb === 100 ? 300 : 100, 5);
  });
  const perKb = ms.map((m, i) => (m / [1, 10, 100][i]!).toFixed(3)).join(" / ");
  console.log(`| ${name} | ${decision(make(100 * 1024))} | ${ms[0]!.toFixed(3)} | ${ms[1]!.toFixed(2)} | ${ms[2]!.toFixed(1)} | ${perKb} |`);
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
