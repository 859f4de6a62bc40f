import fs from "node:fs";
import os from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, auditFilePath, auditLine, pruneAudit, readAudit, type AuditConfig } from "../../src/audit/log.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { entry } from "./fixtures.js";

const DAY = 86_400_000;
const now = new Date("2025-06-30T00:00:00.000Z");
const cfg: AuditConfig = { enabled: true, retentionDays: 30, maxBytes: 10 * 1024 * 1024 };

let sb: Sandbox;
const file = () => auditFilePath(cfg, sb.data);
const sessions = () => readAudit(sb.data, cfg).records.map((r) => r.Attributes["session.id"]);
/** Records `days` days before `now`, one per entry, oldest first. */
function seed(days: readonly number[]): void {
  for (const [i, d] of days.entries()) appendAudit(entry({ time: new Date(now.getTime() - d * DAY), sessionId: `s${i}-${d}d` }), cfg, sb.data);
}
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

describe("retention by age", () => {
  it("drops records older than retentionDays and keeps the rest in order", () => {
    seed([40, 31, 29, 1, 0]);
    const r = pruneAudit(cfg, sb.data, now);
    expect(r).toMatchObject({ rewritten: true, kept: 3, dropped: 2 });
    expect(sessions()).toEqual(["s2-29d", "s3-1d", "s4-0d"]);
  });

  it("leaves a log that is young enough alone (no rewrite)", () => {
    seed([2, 1, 0]);
    const ino = fs.statSync(file()).ino;
    expect(pruneAudit(cfg, sb.data, now)).toMatchObject({ rewritten: false });
    expect(fs.statSync(file()).ino).toBe(ino);
    expect(sessions()).toHaveLength(3);
  });

  it("retentionDays 0 turns the age limit off", () => {
    seed([4000, 1]);
    expect(pruneAudit({ ...cfg, retentionDays: 0 }, sb.data, now)).toMatchObject({ rewritten: false });
    expect(sessions()).toHaveLength(2);
  });

  it("drops lines that are not records, and a crash's torn line once something follows it", () => {
    seed([40]);
    fs.appendFileSync(file(), "not json\n{\"no\":\"timestamp\"}\n");
    seed([1]);
    fs.appendFileSync(file(), "{\"Timestamp\":\"2025-06-2"); // torn, no newline: could be an append in flight
    const r = pruneAudit(cfg, sb.data, now);
    expect(r).toMatchObject({ kept: 1, dropped: 3 });
    expect(fs.readFileSync(file(), "utf8").endsWith('{"Timestamp":"2025-06-2')).toBe(true); // carried over as is
  });

  it.runIf(process.platform !== "win32")("the rewritten file is 0600 and no temp or lock file is left", () => {
    seed([40, 1]);
    fs.chmodSync(file(), 0o644);
    pruneAudit(cfg, sb.data, now);
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(sb.data)).toEqual(["audit.jsonl"]);
  });
});

describe("retention by size", () => {
  it("keeps the newest records under maxBytes", () => {
    seed(Array.from({ length: 100 }, () => 1));
    const size = fs.statSync(file()).size;
    const lineBytes = size / 100;
    const small = { ...cfg, maxBytes: Math.floor(lineBytes * 10.5) };
    const r = pruneAudit(small, sb.data, now);
    expect(r).toMatchObject({ rewritten: true, kept: 10 });
    expect(fs.statSync(file()).size).toBeLessThanOrEqual(small.maxBytes);
    expect(sessions()).toEqual(Array.from({ length: 10 }, (_, i) => `s${90 + i}-1d`));
  });

  it("appendAudit prunes by itself once the file is well over maxBytes", () => {
    const lineBytes = Buffer.byteLength(auditLine(entry())) + 1;
    const small = { ...cfg, maxBytes: lineBytes * 20 };
    for (let i = 0; i < 60; i++) appendAudit(entry({ time: new Date(), sessionId: `n${i}` }), small, sb.data);
    expect(fs.statSync(file()).size).toBeLessThanOrEqual(small.maxBytes * 1.25 + lineBytes * 2);
    expect(sessions().at(-1)).toBe("n59");
  });

  it("maxBytes 0 turns the size limit off", () => {
    seed([1, 1, 1]);
    expect(pruneAudit({ ...cfg, maxBytes: 0 }, sb.data, now)).toMatchObject({ rewritten: false });
  });
});

describe("never throws", () => {
  it("a missing log is nothing to do", () => {
    expect(pruneAudit(cfg, sb.data, now)).toEqual({ rewritten: false, kept: 0, dropped: 0, bytesBefore: 0, bytesAfter: 0 });
  });

  it("a held lock is reported, not waited on forever", () => {
    seed([40, 1]);
    fs.writeFileSync(`${file()}.lock`, `${process.pid} ${os.hostname()} ${Date.now()} someone`);
    const r = pruneAudit(cfg, sb.data, now, { waitMs: 50 });
    expect(r.problem).toMatch(/audit log not pruned: .*held by another process/);
    expect(sessions()).toHaveLength(2);
  });
});
