// The audit log's public face: the hook handlers and the CLI import from here. Records: schema.ts; writing:
// append.ts; retention: prune.ts; reading: read.ts. Format reference: docs/audit-schema.md.
export { appendAudit, auditLine, MAX_LINE_BYTES } from "./append.js";
export { auditFilePath } from "./audit-file.js";
export { pruneAudit, type PruneResult } from "./prune.js";
export { readAudit, type AuditFilter, type AuditRead } from "./read.js";
export { AUDIT_FILE, AUDIT_SCHEMA_VERSION, severityOf, type AuditConfig, type AuditEntry, type AuditRecord } from "./schema.js";
