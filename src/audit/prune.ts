// Retention: drop records older than `retentionDays` and, past `maxBytes`, keep only the newest records that fit
// (0 turns either limit off). The file is rewritten atomically (temp + rename) under `<file>.lock`, the lock the
// trust store uses too. Appenders don't take the lock (that would cost every hook call) but wait while it is held;
// one that opened the file just before we took it still writes into the old file, so after a short grace its
// records are carried over twice: before the rename from the old file's tail, and after it from the old inode we
// still hold open. Only an appender stalled between its lock check and its write for the whole prune can be lost.
// Called on SessionStart and, when the file is well over the cap, from appendAudit.
import fs from "node:fs";
import path from "node:path";
import { randomHex } from "../state/data-dir.js";
import { sleepSync, withLock } from "../state/lock.js";
import { auditFilePath } from "./audit-file.js";
import { forEachLine } from "./lines.js";
import type { AuditConfig } from "./schema.js";

export interface PruneResult {
  /** False when nothing was due and the file was left alone (then `kept` is not counted). */
  readonly rewritten: boolean;
  readonly kept: number;
  readonly dropped: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly problem?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FLUSH_BYTES = 1024 * 1024;
const GRACE_MS = 10;

export function pruneAudit(cfg: AuditConfig, dataDir: string, now: Date, opts: { waitMs?: number } = {}): PruneResult {
  const file = auditFilePath(cfg, dataDir);
  const none = { rewritten: false, kept: 0, dropped: 0, bytesBefore: 0, bytesAfter: 0 };
  try {
    if (!fs.existsSync(file)) return none;
    const locked = withLock(file, () => rewrite(file, cfg, now), { waitMs: opts.waitMs ?? 500 });
    return locked.ok ? locked.value : { ...none, problem: `audit log not pruned: ${locked.problem}` };
  } catch (error) {
    return { ...none, problem: `audit log not pruned: ${(error as Error).message}` };
  }
}

function rewrite(file: string, cfg: AuditConfig, now: Date): PruneResult {
  const cutoff = cfg.retentionDays > 0 ? now.getTime() - cfg.retentionDays * DAY_MS : -Infinity;
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  let tmp: string | undefined;
  try {
    const before = fs.fstatSync(fd).size;
    const overCap = cfg.maxBytes > 0 && before > cfg.maxBytes;
    if (!overCap && oldestIsYoung(fd, before, cutoff)) return { rewritten: false, kept: 0, dropped: 0, bytesBefore: before, bytesAfter: before };
    sleepSync(GRACE_MS); // appenders that checked the lock just before we took it finish their write first
    const size = fs.fstatSync(fd).size;
    const start = cfg.maxBytes > 0 && size > cfg.maxBytes ? size - cfg.maxBytes : 0;

    tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(8)}.tmp`);
    const out = fs.openSync(tmp, "wx", 0o600);
    let kept = 0;
    let dropped = 0;
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = () => {
      if (pending.length) fs.writeSync(out, pending.join(""));
      pending = [];
      pendingBytes = 0;
    };
    let tail = 0;
    try {
      forEachLine(fd, start, size, (line, complete) => {
        if (!complete) {
          // No newline yet: an append caught mid-copy (its rest follows below) or a crash's leftover, which the
          // next append glues into one unparsable line that the next prune drops.
          tail = Buffer.byteLength(line);
          return;
        }
        if (line.length === 0) return;
        if (!(recordTime(line) >= cutoff)) {
          dropped++; // too old, or not a record of ours
          return;
        }
        kept++;
        pending.push(`${line}\n`);
        pendingBytes += line.length + 1;
        if (pendingBytes >= FLUSH_BYTES) flush();
      });
      flush();
      // Records appended since we measured `size`: whole lines, newest of all, so kept without a check.
      const grown = copyRange(fd, size - tail, out) - tail;
      if (process.platform !== "win32") fs.fchmodSync(out, 0o600);
      fs.closeSync(out);
      fs.renameSync(tmp, file);
      tmp = undefined;
      // Appends that opened the old path just before the rename landed in the old inode: carry them over too.
      const late = readRange(fd, size + grown);
      if (late.length) fs.appendFileSync(file, late, { mode: 0o600 });
      return { rewritten: true, kept, dropped, bytesBefore: size, bytesAfter: fs.statSync(file).size };
    } catch (error) {
      try {
        fs.closeSync(out);
      } catch {
        // already closed before the rename failed
      }
      throw error;
    }
  } finally {
    fs.closeSync(fd);
    if (tmp) fs.rmSync(tmp, { force: true });
  }
}

/** Timestamp in ms, or NaN for anything that isn't one of our records. */
function recordTime(line: string): number {
  try {
    const r = JSON.parse(line) as { Timestamp?: unknown };
    return typeof r?.Timestamp === "string" ? Date.parse(r.Timestamp) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Records are appended in time order (give or take parallel writers): if the first one is within retention, so is
 *  the rest, and SessionStart needn't rewrite anything. */
function oldestIsYoung(fd: number, size: number, cutoff: number): boolean {
  if (cutoff === -Infinity) return true;
  const head = Buffer.alloc(Math.min(size, 8192));
  fs.readSync(fd, head, 0, head.length, 0);
  const nl = head.indexOf(0x0a);
  if (nl === -1) return size === 0;
  return recordTime(head.toString("utf8", 0, nl)) >= cutoff + DAY_MS / 24; // an hour's slack for parallel writers
}

function copyRange(fd: number, from: number, out: number): number {
  const bytes = readRange(fd, from);
  if (bytes.length) fs.writeSync(out, bytes);
  return bytes.length;
}

function readRange(fd: number, from: number): Buffer {
  const end = fs.fstatSync(fd).size;
  if (end <= from) return Buffer.alloc(0);
  const buf = Buffer.alloc(end - from);
  const n = fs.readSync(fd, buf, 0, buf.length, from);
  return buf.subarray(0, n);
}
