// Reading the audit log back for `hookwarden audit`: the newest part of the file (bounded), filtered. Lines that
// aren't records (torn by a crash, edited by hand) are counted, not fatal. Never throws.
import fs from "node:fs";
import { auditFilePath } from "./audit-file.js";
import { forEachLine } from "./lines.js";
import { isAuditRecord, type AuditConfig, type AuditRecord } from "./schema.js";

export interface AuditFilter {
  readonly session?: string;
  readonly decision?: string;
  /** Exact tool name, or a prefix ending in `*` (`mcp__github__*`). */
  readonly tool?: string;
  readonly since?: Date;
}

export interface AuditRead {
  readonly file: string;
  /** Oldest first. */
  readonly records: readonly AuditRecord[];
  readonly invalidLines: number;
  /** Set when only the newest READ_MAX_BYTES were read. */
  readonly partial?: boolean;
  readonly problem?: string;
}

const READ_MAX_BYTES = 64 * 1024 * 1024;

export function readAudit(dataDir: string, cfg: Pick<AuditConfig, "path">, filter: AuditFilter = {}): AuditRead {
  const file = auditFilePath(cfg, dataDir);
  const records: AuditRecord[] = [];
  let invalidLines = 0;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { file, records, invalidLines } : { file, records, invalidLines, problem: `can't read ${file} (${code ?? (error as Error).message})` };
  }
  const since = filter.since?.getTime();
  const prefix = filter.tool?.endsWith("*") ? filter.tool.slice(0, -1) : undefined;
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - READ_MAX_BYTES);
    forEachLine(fd, start, size, (line) => {
      if (line.trim() === "") return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        invalidLines++;
        return;
      }
      if (!isAuditRecord(record)) {
        invalidLines++;
        return;
      }
      const a = record.Attributes;
      if (filter.session !== undefined && a["session.id"] !== filter.session) return;
      if (filter.decision !== undefined && a["hookwarden.decision"] !== filter.decision) return;
      if (filter.tool !== undefined && (prefix !== undefined ? !a["tool.name"].startsWith(prefix) : a["tool.name"] !== filter.tool)) return;
      if (since !== undefined && !(Date.parse(record.Timestamp) >= since)) return;
      records.push(record);
    });
    return { file, records, invalidLines, ...(start > 0 ? { partial: true } : {}) };
  } catch (error) {
    return { file, records, invalidLines, problem: `can't read ${file}: ${(error as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}
