// `hookwarden audit`: recent decisions from the audit log as a table, raw records (--json), or counts per decision,
// rule and tool (--summary). Reading and filtering: ../audit/read.ts. Record fields: docs/audit-schema.md.
import { loadContext } from "../context.js";
import { readAudit, type AuditConfig, type AuditFilter, type AuditRecord } from "../audit/log.js";
import { dataDirFrom } from "../state/data-dir.js";
import { colour, parseFlags, UsageError, type CliIo } from "./io.js";

export type AuditIo = Omit<CliIo, "cwd"> & { readonly cwd?: string };

const HELP = `usage: hookwarden audit [--session ID] [--decision allow|ask|deny] [--tool NAME] [--since 1h|2d|ISO]
                        [--limit N] [--json] [--summary]
Recent decisions from the audit log, oldest first (the last 50 unless --limit says otherwise).
  --session ID    one session only
  --decision D    allow, ask or deny (PostToolUse also logs flag and redact)
  --tool NAME     one tool; a trailing * matches a prefix (mcp__github__*)
  --since WHEN    30m, 1h, 2d, 1w, or an ISO date/time
  --limit N       show at most N records (--summary always counts every match)
  --json          the raw records, one JSON object per line (with --summary: the counts as JSON)
  --summary       counts per decision, per rule and per tool
The log is <data dir>/audit.jsonl (data dir: $CLAUDE_PLUGIN_DATA, $HOOKWARDEN_DATA_DIR or ~/.claude/hookwarden)
unless the policy's audit.path moves it. Secrets in it are masked; its fields are in docs/audit-schema.md.
`;

const FLAGS = new Set(["session", "decision", "tool", "since", "limit", "json", "summary", "help"]);
const DECISIONS = ["allow", "ask", "deny", "flag", "redact"];
const UNITS: Record<string, number> = { s: 1e3, m: 60e3, min: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };
const DEFAULT_LIMIT = 50;

export function runAuditCommand(argv: string[], io: AuditIo): number {
  const { flags, positional } = parseFlags(argv, ["json", "summary", "help"]);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  for (const name of Object.keys(flags)) if (!FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const filter = filterFrom(flags, new Date());
  const limit = limitFrom(flags.limit);

  const { dataDir, cfg } = auditSettings(io);
  const result = readAudit(dataDir, cfg, filter);
  if (result.problem) {
    io.stderr(`hookwarden audit: ${result.problem}\n`);
    return 1;
  }
  const c = colour({ ...io, cwd: io.cwd ?? "" });
  if (!cfg.enabled) io.stderr(`${c.yellow("note:")} auditing is turned off by the policy; showing what was logged before\n`);
  if (result.partial) io.stderr(`${c.yellow("note:")} the log is large; only its newest 64 MB were read\n`);
  if (result.invalidLines) io.stderr(`${c.yellow("note:")} ${result.invalidLines} line(s) in ${result.file} are not audit records and were skipped\n`);

  if (flags.summary) {
    const summary = summarise(result.records);
    io.stdout(flags.json ? `${safeJson(summary)}\n` : formatSummary(summary, c));
    return 0;
  }
  const shown = result.records.slice(-limit);
  if (flags.json) {
    for (const r of shown) io.stdout(`${safeJson(r)}\n`);
    return 0;
  }
  if (shown.length === 0) {
    io.stdout(`no audit records${Object.keys(filter).length ? " match" : ""} (${result.file})\n`);
    return 0;
  }
  io.stdout(formatTable(shown, c));
  if (result.records.length > shown.length) io.stdout(c.dim(`(${shown.length} of ${result.records.length}; --limit N for more)\n`));
  return 0;
}

function filterFrom(flags: Record<string, string | true>, now: Date): AuditFilter {
  const text = (name: string): string | undefined => {
    const v = flags[name];
    if (v === undefined) return undefined;
    if (v === true || v === "") throw new UsageError(`--${name} needs a value`);
    return v;
  };
  const decision = text("decision");
  if (decision !== undefined && !DECISIONS.includes(decision)) throw new UsageError(`--decision takes allow, ask or deny, not "${decision}"`);
  const since = text("since");
  const session = text("session");
  const tool = text("tool");
  return {
    ...(session !== undefined ? { session } : {}),
    ...(decision !== undefined ? { decision } : {}),
    ...(tool !== undefined ? { tool } : {}),
    ...(since !== undefined ? { since: parseSince(since, now) } : {}),
  };
}

/** `30m`, `1h`, `2d`, `1w` before `now`, or an ISO date/time. */
export function parseSince(text: string, now: Date): Date {
  const rel = /^(\d{1,6})\s*(s|m|min|h|d|w)$/.exec(text.trim());
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNITS[rel[2]!]!);
  const abs = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(abs)) throw new UsageError(`--since takes 30m, 1h, 2d, 1w or an ISO date/time, not "${text}"`);
  return new Date(abs);
}

function limitFrom(v: string | true | undefined): number {
  if (v === undefined) return DEFAULT_LIMIT;
  const n = typeof v === "string" && /^\d{1,7}$/.test(v) ? Number(v) : 0;
  if (n < 1) throw new UsageError("--limit takes a positive whole number");
  return n;
}

/** The policy's audit settings (which may move the log), or the defaults when the policy can't be loaded. */
function auditSettings(io: AuditIo): { dataDir: string; cfg: AuditConfig } {
  try {
    const cwd = io.cwd ?? process.cwd();
    const ctx = loadContext({ cwd, session_id: "hookwarden-audit" }, { ...io.env, HOME: io.env.HOME || io.home });
    return { dataDir: ctx.dataDir, cfg: ctx.policy.audit };
  } catch {
    return { dataDir: dataDirFrom(io.env, io.home), cfg: { enabled: true, retentionDays: 30, maxBytes: 10 * 1024 * 1024 } };
  }
}

type Paint = ReturnType<typeof colour>;

interface Summary {
  total: number;
  from?: string;
  to?: string;
  decisions: Record<string, number>;
  rules: Record<string, number>;
  tools: Record<string, number>;
}

function summarise(records: readonly AuditRecord[]): Summary {
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const s: Summary = { total: records.length, decisions: {}, rules: {}, tools: {} };
  for (const r of records) {
    const a = r.Attributes;
    count(s.decisions, a["hookwarden.decision"]);
    count(s.tools, a["tool.name"]);
    if (a["hookwarden.rules"].length === 0) count(s.rules, "(no rule)");
    for (const rule of a["hookwarden.rules"]) count(s.rules, String(rule));
  }
  if (records.length) {
    s.from = records[0]!.Timestamp;
    s.to = records[records.length - 1]!.Timestamp;
  }
  return s;
}

function formatSummary(s: Summary, c: Paint): string {
  if (s.total === 0) return "no audit records match\n";
  const out = [`${c.bold(String(s.total))} decisions, ${localTime(s.from!)} – ${localTime(s.to!)}`, ""];
  const block = (title: string, counts: Record<string, number>, paint: (k: string) => string = (k) => k) => {
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const width = Math.max(...rows.map(([, n]) => String(n).length));
    out.push(c.bold(title), ...rows.map(([k, n]) => `  ${String(n).padStart(width)}  ${paint(clean(k))}`), "");
  };
  block("per decision", s.decisions, (k) => paintDecision(k, c));
  block("per rule", s.rules);
  block("per tool", s.tools);
  return `${out.join("\n")}`;
}

function formatTable(records: readonly AuditRecord[], c: Paint): string {
  const rows = records.map((r) => {
    const a = r.Attributes;
    return {
      time: localTime(r.Timestamp),
      decision: clean(a["hookwarden.decision"]),
      tool: clip(clean(a["tool.name"]), 28),
      rules: clip(clean(a["hookwarden.rules"].join(",")), 36),
      session: clip(clean(a["session.id"]), 8),
      summary: clip(clean(String(a["hookwarden.input_summary"] ?? "")), 80),
      reason: clip(clean(r.Body), 160),
    };
  });
  const w = (k: "tool" | "rules" | "decision") => Math.max(k.length, ...rows.map((r) => r[k].length));
  const [tw, rw, dw] = [w("tool"), w("rules"), w("decision")];
  const out = [c.dim(`${"TIME".padEnd(19)}  ${"DECISION".padEnd(dw)}  ${"TOOL".padEnd(tw)}  ${"RULES".padEnd(rw)}  SESSION   INPUT`)];
  for (const r of rows) {
    out.push(`${r.time}  ${paintDecision(r.decision, c, dw)}  ${r.tool.padEnd(tw)}  ${r.rules.padEnd(rw)}  ${r.session.padEnd(8)}  ${r.summary}`);
    if (r.decision !== "allow" && r.reason) out.push(c.dim(`${" ".repeat(21)}↳ ${r.reason}`));
  }
  return `${out.join("\n")}\n`;
}

function paintDecision(d: string, c: Paint, width = 0): string {
  const padded = d.padEnd(width);
  return d === "deny" ? c.red(padded) : d === "ask" || d === "flag" ? c.yellow(padded) : d === "allow" ? c.green(padded) : padded;
}

/** `YYYY-MM-DD HH:MM:SS` in local time. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return clip(clean(iso), 19).padEnd(19);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

// Logged text is attacker-influenced (commands, file names): no escape sequences or bidi overrides reach a terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

function clean(s: string): string {
  return s.replace(UNSAFE, (ch) => (ch === "\n" ? "⏎" : ch === "\t" ? " " : "�"));
}

/** JSON.stringify escapes C0 controls; C1 controls and bidi marks are escaped too (still valid JSON). */
function safeJson(v: unknown): string {
  return JSON.stringify(v).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
