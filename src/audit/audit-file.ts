// Where the audit log lives: the policy may move it (managed or user layer only; see src/policy/load.ts).
import fs from "node:fs";
import path from "node:path";
import { AUDIT_FILE, type AuditConfig } from "./schema.js";

/** `cfg.path` when the policy moved the log (a directory gets `audit.jsonl` inside), else `<dataDir>/audit.jsonl`. */
export function auditFilePath(cfg: Pick<AuditConfig, "path">, dataDir: string): string {
  if (!cfg.path) return path.join(dataDir, AUDIT_FILE);
  if (/[\\/]$/.test(cfg.path)) return path.join(cfg.path, AUDIT_FILE);
  try {
    if (fs.statSync(cfg.path).isDirectory()) return path.join(cfg.path, AUDIT_FILE);
  } catch {
    // doesn't exist yet: it names the file
  }
  return cfg.path;
}
