// Writing one audit record: build it (schema.ts), redact the input summary (redact.ts), and append it as one line
// with one write(2) on a file opened O_APPEND, mode 0600. On a local file system an O_APPEND write is placed and
// written as a unit, so hook processes appending in parallel never interleave inside a line; lines are also kept
// under 4 KB (PIPE_BUF) so the same holds for readers that tail the file. Appenders take no lock, but they check
// for a prune's (one failed open) and wait while it replaces the file. Retention: prune.ts. Throws on I/O failure:
// the caller (src/handlers/audit.ts) reports it and carries on.
import fs from "node:fs";
import path from "node:path";
import { hostName } from "../host.js";
import { ensurePrivateDir, makeDirs } from "../state/data-dir.js";
import { isLockHeld, waitForUnlock } from "../state/lock.js";
import { pruneAudit } from "./prune.js";
import { maskText, summariseInput } from "./redact.js";
import { auditFilePath } from "./audit-file.js";
import { isoTime } from "./iso-time.js";
import { AUDIT_SCHEMA_VERSION, severityOf, type AuditConfig, type AuditEntry, type AuditRecord } from "./schema.js";

declare const __VERSION__: string;

export const MAX_LINE_BYTES = 4_000;
/** Opportunistic prune from the hot path once the file is this far over `maxBytes` (SessionStart prunes too). */
const PRUNE_SLACK = 1.25;
const PRUNE_WAIT_MS = 2_000;

export function appendAudit(entry: AuditEntry, cfg: AuditConfig, dataDir: string): void {
  if (!cfg.enabled) return;
  const file = auditFilePath(cfg, dataDir);
  const line = Buffer.from(`${auditLine(entry)}\n`);
  const flags = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0);
  let fd: number;
  try {
    fd = fs.openSync(file, flags, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    if (cfg.path) makeDirs(path.dirname(file), 0o700);
    else ensurePrivateDir(dataDir);
    fd = fs.openSync(file, flags, 0o600);
  }
  // A prune is replacing the file: wait for it, then append to the file it leaves behind (prune.ts).
  if (isLockHeld(file)) {
    fs.closeSync(fd);
    waitForUnlock(file, PRUNE_WAIT_MS);
    fd = fs.openSync(file, flags, 0o600);
  }
  let size: number;
  try {
    let written = fs.writeSync(fd, line);
    // A regular file takes the whole buffer in one call; a short write (disk full) is finished, not dropped.
    while (written < line.length) written += fs.writeSync(fd, line, written);
    const st = fs.fstatSync(fd);
    if (process.platform !== "win32" && (st.mode & 0o077) !== 0 && st.uid === process.getuid?.()) fs.fchmodSync(fd, 0o600);
    size = st.size;
  } finally {
    fs.closeSync(fd);
  }
  if (cfg.maxBytes > 0 && size > cfg.maxBytes * PRUNE_SLACK) pruneAudit(cfg, dataDir, entry.time, { waitMs: 0 });
}

/** The record as one JSON line (no newline) of at most MAX_LINE_BYTES: the summary, then the reason, then the rest
 *  are cut until it fits, and `hookwarden.truncated` says so. */
export function auditLine(entry: AuditEntry): string {
  const uid = ulid(Number.isFinite(entry.time.getTime()) ? entry.time.getTime() : Date.now());
  for (const [summaryMax, bodyMax, listMax] of [[1000, 1000, 20], [400, 500, 10], [120, 200, 5], [0, 80, 1]] as const) {
    const record = buildRecord(entry, uid, summaryMax, bodyMax, listMax);
    const line = JSON.stringify(record);
    if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
  }
  // Only hostile values get here (kilobytes of multi-byte or control characters in ids): keep the bare facts.
  return JSON.stringify(buildRecord({ ...entry, sessionId: entry.sessionId.slice(0, 40), tool: entry.tool.slice(0, 40), event: entry.event.slice(0, 40), decision: entry.decision.slice(0, 10), cwd: "" }, uid, 0, 40, 0, true));
}

function buildRecord(e: AuditEntry, uid: string, summaryMax: number, bodyMax: number, listMax: number, forceTruncated = false): AuditRecord {
  const ms = Number.isFinite(e.time.getTime()) ? e.time.getTime() : Date.now();
  const summary = summaryMax > 0 ? summariseInput(e.input, summaryMax) : "";
  const body = maskText(e.reason, bodyMax);
  const cwd = e.cwd ? maskText(e.cwd, Math.max(bodyMax, 120)) : undefined;
  // cut() returns exactly `max` characters when it cuts.
  const truncated = forceTruncated || (summaryMax > 0 ? summary.length >= summaryMax : e.input !== undefined) || body.length >= bodyMax || e.rules.length > listMax;
  const { text, number } = severityOf(e.decision);
  return {
    Timestamp: isoTime(ms),
    TimeUnixNano: `${ms}000000`,
    SeverityText: text,
    SeverityNumber: number,
    Body: body,
    Attributes: {
      "hookwarden.schema_version": AUDIT_SCHEMA_VERSION,
      "log.record.uid": uid,
      "session.id": e.sessionId.slice(0, 200),
      "hook.event": e.event.slice(0, 64),
      "tool.name": e.tool.slice(0, 200),
      "hookwarden.decision": e.decision.slice(0, 32),
      "hookwarden.rules": e.rules.slice(0, listMax).map((r) => r.slice(0, 100)),
      "hookwarden.layers": e.layers.slice(0, 8).map((l) => l.slice(0, 16)),
      "hookwarden.duration_ms": Number.isFinite(e.durationMs) ? Math.round(e.durationMs * 100) / 100 : -1,
      "hookwarden.input_summary": summary,
      ...(cwd ? { "hookwarden.cwd": cwd } : {}),
      ...(truncated ? { "hookwarden.truncated": true as const } : {}),
      "process.pid": process.pid,
    },
    Resource: {
      "service.name": "hookwarden",
      "service.version": typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev",
      "host.name": hostName(),
    },
  };
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID (what OTel recommends for `log.record.uid`): 48-bit time in ms + 80 random bits, Crockford base32. Lets a
 *  collector drop the duplicates it reads after a prune rewrites the file. */
export function ulid(ms: number): string {
  let out = "";
  let t = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  // Math.random, not node:crypto (≈ 5–8 ms to load): a uid must be unique, not secret.
  for (let i = 0; i < 16; i++) out += CROCKFORD[Math.floor(Math.random() * 32)]!;
  return out;
}
