// `npm run bench`: hook process cost as a ratio to bare `node -e ''` measured in the same run (same environment,
// round-robin, median of N rounds, and the median of per-round paired ratios), peak RSS the same way, then in-process figures (scripts/bench-inprocess.ts).
// Timings are reported, never asserted.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const runs = Number(process.env.BENCH_RUNS ?? 30);
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hookwarden-bench-")));
const project = path.join(work, "project");
fs.mkdirSync(path.join(project, "src"), { recursive: true });
fs.writeFileSync(path.join(project, "src", "index.ts"), "export const x = 1;\n");
const rssProbe = path.join(work, "rss.cjs");
// Loaded into every measured process alike (bare node too): reports the process's peak RSS on exit.
fs.writeFileSync(rssProbe, "process.on('exit',()=>{try{require('fs').writeSync(2,'\\nRSS '+process.resourceUsage().maxRSS+'\\n')}catch{}})");
const env = { PATH: process.env.PATH, HOME: path.join(work, "home"), CLAUDE_PROJECT_DIR: project, HOOKWARDEN_MANAGED_DIR: path.join(work, "managed"), NODE_EXTRA_CA_CERTS: "" };
fs.mkdirSync(env.HOME, { recursive: true });

const input = (tool, toolInput) =>
  JSON.stringify({ session_id: "bench", transcript_path: "/t", cwd: project, permission_mode: "default", hook_event_name: "PreToolUse", tool_name: tool, tool_input: toolInput, tool_use_id: "toolu_bench" });
const post = JSON.stringify({ session_id: "bench", transcript_path: "/t", cwd: project, permission_mode: "default", hook_event_name: "PostToolUse", tool_name: "Bash", tool_input: { command: "npm test" }, tool_response: { stdout: "PASS 12 tests\n".repeat(100), stderr: "", interrupted: false, isImage: false }, tool_use_id: "toolu_bench" });

const variants = [
  { name: "bare node -e ''", args: ["-e", ""], stdin: "" },
  { name: "PreToolUse Read", args: [path.join(root, "dist/pre-tool-use.cjs")], stdin: input("Read", { file_path: path.join(project, "src/index.ts") }) },
  { name: "PreToolUse Write", args: [path.join(root, "dist/pre-tool-use.cjs")], stdin: input("Write", { file_path: path.join(project, "src/b.ts"), content: "export const y = 2;\n" }) },
  { name: "PreToolUse Bash", args: [path.join(root, "dist/pre-tool-use.cjs")], stdin: input("Bash", { command: "git status && npm test -- --run 2>&1 | tail -n 20" }) },
  { name: "PostToolUse Bash", args: [path.join(root, "dist/post-tool-use.cjs")], stdin: post },
];

const once = (v, probe) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, probe ? ["-r", rssProbe, ...v.args] : v.args, { input: v.stdin, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${v.name} exited ${r.status}: ${r.stderr}`);
  if (v.stdin && !r.stdout.trim().startsWith("{")) throw new Error(`${v.name} printed no JSON: ${r.stdout}`);
  const rss = probe ? Number(/RSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) : NaN;
  return { ms, rss };
};

// Warm up: the file cache, and each bundle's V8 code cache, which the loader rewrites over a bundle's first 8 runs
// (scripts/loader.template.cjs); the figures below are the steady state every later tool call sees.
for (let i = 0; i < 10; i++) for (const v of variants) once(v, false);
const times = new Map(variants.map((v) => [v.name, []]));
const ratios = new Map(variants.map((v) => [v.name, []]));
const rss = new Map(variants.map((v) => [v.name, []]));
for (let i = 0; i < runs; i++) {
  // One round: every variant once, bare node first; each variant's time over bare's in the same round is a paired
  // ratio, which a machine that speeds up or slows down between rounds does not move.
  const round = variants.map((v) => once(v, false).ms);
  variants.forEach((v, k) => {
    times.get(v.name).push(round[k]);
    ratios.get(v.name).push(round[k] / round[0]);
  });
}
for (let i = 0; i < Math.min(runs, 10); i++) for (const v of variants) rss.get(v.name).push(once(v, true).rss);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const bareMs = median(times.get(variants[0].name));
const bareRss = median(rss.get(variants[0].name));
console.log(`hook process (node ${process.versions.node}, ${os.cpus().length} cpu, ${runs} rounds, each variant once per round, NODE_EXTRA_CA_CERTS cleared)`);
console.log("| variant | median ms | p90 ms | median × bare | paired × bare (median of rounds) | peak RSS MB | RSS × bare |");
console.log("|---|---|---|---|---|---|---|");
for (const v of variants) {
  const t = times.get(v.name);
  const r = median(rss.get(v.name));
  console.log(`| ${v.name} | ${median(t).toFixed(1)} | ${p90(t).toFixed(1)} | ${(median(t) / bareMs).toFixed(2)} | ${median(ratios.get(v.name)).toFixed(2)} | ${(r / 1024).toFixed(1)} | ${(r / bareRss).toFixed(2)} |`);
}
fs.rmSync(work, { recursive: true, force: true });

const inproc = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/bench-inprocess.ts")], { stdio: "inherit", cwd: root });
process.exit(inproc.status ?? 1);
