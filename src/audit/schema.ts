// The audit record: one JSON line per decision, shaped as an OpenTelemetry log record (field names from the OTel
// log data model and semantic conventions where they fit, `hookwarden.*` elsewhere). Versioned by
// `hookwarden.schema_version`; documented in docs/audit-schema.md. Writing: append.ts; reading: read.ts.

export const AUDIT_SCHEMA_VERSION = 1;
export const AUDIT_FILE = "audit.jsonl";

/** What a handler knows about one decision (src/handlers/audit.ts builds it). */
export interface AuditEntry {
  readonly time: Date;
  readonly sessionId: string;
  readonly event: string;
  readonly tool: string;
  /** allow | ask | deny for PreToolUse; PostToolUse also logs flag (taint) and redact. */
  readonly decision: string;
  readonly reason: string;
  readonly rules: readonly string[];
  readonly layers: readonly string[];
  readonly durationMs: number;
  /** The raw tool input: only a redacted, truncated summary of it is written. */
  readonly input: unknown;
  readonly cwd?: string;
}

/** The policy's `audit` block, after merging layers (src/policy/load.ts). 0 turns a limit off. */
export interface AuditConfig {
  readonly enabled: boolean;
  readonly path?: string;
  readonly retentionDays: number;
  readonly maxBytes: number;
}

export type SeverityText = "INFO" | "WARN" | "ERROR";

export interface AuditAttributes {
  readonly "hookwarden.schema_version": number;
  /** A ULID, unique per record: the key to de-duplicate on. */
  readonly "log.record.uid": string;
  readonly "session.id": string;
  readonly "hook.event": string;
  readonly "tool.name": string;
  readonly "hookwarden.decision": string;
  readonly "hookwarden.rules": readonly string[];
  readonly "hookwarden.layers": readonly string[];
  readonly "hookwarden.duration_ms": number;
  readonly "hookwarden.input_summary": string;
  readonly "hookwarden.cwd"?: string;
  /** Present when a field was cut to keep the line under MAX_LINE_BYTES. */
  readonly "hookwarden.truncated"?: true;
  readonly "process.pid": number;
}

export interface AuditRecord {
  readonly Timestamp: string;
  /** Nanoseconds since the epoch, as a decimal string (beyond 2^53, like OTLP/JSON). */
  readonly TimeUnixNano: string;
  readonly SeverityText: SeverityText;
  readonly SeverityNumber: number;
  readonly Body: string;
  readonly Attributes: AuditAttributes;
  readonly Resource: { readonly "service.name": "hookwarden"; readonly "service.version": string; readonly "host.name"?: string };
}

/** OTel severity: allow → INFO (9), ask → WARN (13), deny → ERROR (17). A PostToolUse flag is a warning. */
export function severityOf(decision: string): { text: SeverityText; number: number } {
  switch (decision) {
    case "deny":
      return { text: "ERROR", number: 17 };
    case "ask":
    case "flag":
      return { text: "WARN", number: 13 };
    default:
      return { text: "INFO", number: 9 };
  }
}

/** Loose shape check for lines read back: enough for filtering and display, tolerant of added fields. */
export function isAuditRecord(v: unknown): v is AuditRecord {
  if (v === null || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  if (typeof r.Timestamp !== "string" || typeof r.Body !== "string" || typeof r.SeverityText !== "string") return false;
  const a = r.Attributes as Record<string, unknown> | null;
  if (a === null || typeof a !== "object") return false;
  return (
    typeof a["hookwarden.schema_version"] === "number" &&
    typeof a["session.id"] === "string" &&
    typeof a["tool.name"] === "string" &&
    typeof a["hookwarden.decision"] === "string" &&
    Array.isArray(a["hookwarden.rules"])
  );
}
