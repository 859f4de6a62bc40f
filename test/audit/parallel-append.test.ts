// 50 hook-like processes appending to one audit log at once: every record must be there, whole and parseable.
// Each child is plain `node` requiring a bundle of src/audit/append.ts (what the shipped hooks do), not tsx.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { auditFilePath, auditLine, MAX_LINE_BYTES, type AuditConfig } from "../../src/audit/log.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { bundleModule, spawnAll } from "./bundle.js";
import { entry } from "./fixtures.js";

const PROCESSES = 50;
const PER_PROCESS = 40;
const cfg: AuditConfig = { enabled: true, retentionDays: 30, maxBytes: 64 * 1024 * 1024 };

let append: { file: string; dir: string };
let prune: { file: string; dir: string };
let sb: Sandbox;
beforeAll(async () => {
  [append, prune] = await Promise.all([bundleModule("src/audit/append.ts"), bundleModule("src/audit/prune.ts")]);
});
afterAll(() => {
  for (const b of [append, prune]) fs.rmSync(b.dir, { recursive: true, force: true });
});
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

/** A child that appends PER_PROCESS records, ids `p<i>-<k>`, with inputs of varied size (some near the 4 KB cap). */
function appender(i: number, startAt: number): string[] {
  return [
    "-e",
    `const { appendAudit } = require(${JSON.stringify(append.file)});
     const [dataDir, cfg, startAt] = [process.argv[1], JSON.parse(process.argv[2]), Number(process.argv[3])];
     const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
     if (startAt > Date.now()) sleep(startAt - Date.now()); // all start together
     for (let k = 0; k < ${PER_PROCESS}; k++) {
       appendAudit({ time: new Date(), sessionId: "p${i}-" + k, event: "PreToolUse", tool: "Bash", decision: ["allow", "ask", "deny"][k % 3],
         reason: "r", rules: ["test.parallel"], layers: ["builtin"], durationMs: 1,
         input: { command: "x".repeat((k * 397 + ${i} * 131) % 3500) } }, cfg, dataDir);
       if (k % 8 === 0) sleep(1 + (k % 5));
     }`,
    sb.data,
    JSON.stringify(cfg),
    String(startAt),
  ];
}

function check(): { ids: Set<string>; lines: string[] } {
  const text = fs.readFileSync(auditFilePath(cfg, sb.data), "utf8");
  expect(text.endsWith("\n")).toBe(true);
  const lines = text.split("\n").slice(0, -1);
  const ids = new Set<string>();
  for (const line of lines) {
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    const r = JSON.parse(line); // a torn or interleaved line fails here
    expect(r.Attributes["hookwarden.schema_version"]).toBe(1);
    ids.add(r.Attributes["session.id"]);
  }
  return { ids, lines };
}

const expected = () => Array.from({ length: PROCESSES }, (_, i) => Array.from({ length: PER_PROCESS }, (_, k) => `p${i}-${k}`)).flat();

describe(`${PROCESSES} processes appending ${PER_PROCESS} records each`, () => {
  it("loses, tears and duplicates nothing", async () => {
    const startAt = Date.now() + 1_500;
    const results = await spawnAll(PROCESSES, (i) => appender(i, startAt), 45_000);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    const { ids, lines } = check();
    expect(lines).toHaveLength(PROCESSES * PER_PROCESS);
    expect([...ids].sort()).toEqual(expected().sort());
    expect(fs.statSync(auditFilePath(cfg, sb.data)).mode & 0o777).toBe(0o600);
  }, 60_000);

  it("…while a prune rewrites the file under them", async () => {
    // 40 days old, several MB: the prune drops all of it and takes long enough to overlap the appends.
    const old = `${auditLine(entry({ time: new Date(Date.now() - 40 * 86_400_000), sessionId: "old", input: { command: "o".repeat(2000) } }))}\n`;
    fs.mkdirSync(sb.data, { recursive: true, mode: 0o700 });
    fs.writeFileSync(auditFilePath(cfg, sb.data), old.repeat(3_000), { mode: 0o600 });
    const startAt = Date.now() + 1_500;
    const pruner = [
      "-e",
      `const { pruneAudit } = require(${JSON.stringify(prune.file)});
       const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
       sleep(Math.max(0, Number(process.argv[3]) - Date.now()) + 60); // once the appends are under way
       const r = pruneAudit(JSON.parse(process.argv[2]), process.argv[1], new Date(), { waitMs: 5000 });
       if (!r.rewritten || r.problem) { console.error(JSON.stringify(r)); process.exit(3); }`,
      sb.data,
      JSON.stringify(cfg),
      String(startAt),
    ];
    const results = await spawnAll(PROCESSES + 1, (i) => (i === PROCESSES ? pruner : appender(i, startAt)), 45_000);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    const { ids, lines } = check();
    expect(ids.has("old")).toBe(false);
    expect(lines).toHaveLength(PROCESSES * PER_PROCESS);
    expect([...ids].sort()).toEqual(expected().sort());
  }, 60_000);
});
