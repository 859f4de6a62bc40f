// In-process cost of the content scan per 100 KB of tool output, by kind of text. Not a test (timings are never
// asserted): run `npx tsx test/content/bench-content.ts`. secretlint's one-time load is excluded by a warm-up call.
import fs from "node:fs";
import path from "node:path";
import { scanForInjection } from "../../src/content/injection/index.js";
import { findSecretsSync } from "../../src/content/secret-patterns.js";
import { detectSecrets } from "../../src/content/secrets.js";
import { postToolUse } from "../../src/post-tool-use.js";
import { b64, fake } from "./cases/sources.js";

const SIZE = 100_000;
const ROOT = path.resolve(import.meta.dirname, "../..");

function fill(parts: readonly string[]): string {
  let out = "";
  for (let i = 0; out.length < SIZE; i++) out += `${parts[i % parts.length]}\n`;
  return out.slice(0, SIZE);
}

function readmes(): string {
  const dir = path.join(ROOT, "node_modules");
  const texts: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name, "README.md");
    if (fs.existsSync(file)) texts.push(fs.readFileSync(file, "utf8"));
    if (texts.join("").length > SIZE) break;
  }
  return fill(texts);
}

const SAMPLES: Record<string, () => string> = {
  "markdown docs (node_modules READMEs)": readmes,
  "TypeScript source": () => fill([fs.readFileSync(path.join(ROOT, "src/content/injection/encoded.ts"), "utf8")]),
  "minified JS": () => fill([fs.readFileSync(path.join(ROOT, "node_modules/esbuild/lib/main.js"), "utf8").replace(/\s+/g, " ")]),
  "JSON API response": () => fill([JSON.stringify({ id: 1, items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ["a", "b"], url: `https://api.example.com/v1/items/${i}?expand=owner` })) })]),
  "base64 blob": () => fill([b64(fake(SIZE))]),
  "hex hashes": () => fill(Array.from({ length: 50 }, (_, i) => `${fake(64, "0123456789abcdef")} file${i}.tgz`)),
  "CJK prose": () => fill(["这是一个测试。漢字とひらがなのテキストです。한국어 문장입니다. 系统会忽略这些文件。"]),
  "test runner output": () => fill([" ✓ test/a.test.ts (12 tests) 41ms", " × test/b.test.ts > parses > handles empty input", "   AssertionError: expected 1 to be 2"]),
};

const WEB = { tool: "WebFetch", trust: "untrusted", label: "bench" } as const;

/** CPU time of one call in ms (user + system): on a shared, loaded machine wall time mostly measures the wait. */
function cpuMs(fn: () => unknown): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

function timeIt(fn: () => unknown, runs: number): { min: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn));
  times.sort((a, b) => a - b);
  return { min: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

async function main(): Promise<void> {
  await detectSecrets("warm-up"); // secretlint's one-time load
  const rows = [
    "| text (100 KB) | injection scan, CPU ms (min / median) | sync secret patterns | secretlint + patterns | whole postToolUse (Bash) |",
    "|---|---|---|---|---|",
  ];
  for (const [name, make] of Object.entries(SAMPLES)) {
    const text = make();
    scanForInjection(text, WEB);
    const inj = timeIt(() => scanForInjection(text, WEB), 15);
    const sync = timeIt(() => findSecretsSync(text), 15);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = process.cpuUsage();
      await detectSecrets(text);
      const d = process.cpuUsage(t);
      times.push((d.user + d.system) / 1000);
    }
    times.sort((a, b) => a - b);
    const whole: number[] = [];
    const input = { tool_name: "Bash", tool_input: { command: "cat x" }, tool_response: { stdout: text, stderr: "", interrupted: false, isImage: false }, session_id: "b", cwd: ROOT };
    for (let i = 0; i < 7; i++) {
      const t = process.cpuUsage();
      await postToolUse(input, { projectRoot: ROOT });
      const d = process.cpuUsage(t);
      whole.push((d.user + d.system) / 1000);
    }
    whole.sort((a, b) => a - b);
    rows.push(`| ${name} | ${inj.min.toFixed(2)} / ${inj.median.toFixed(2)} | ${sync.min.toFixed(2)} | ${times[0]!.toFixed(2)} | ${whole[0]!.toFixed(2)} / ${whole[3]!.toFixed(2)} |`);
  }
  process.stdout.write(`${rows.join("\n")}\n`);
}

await main();
