// One audit record per decision, written after the answer is known. Auditing must never change the answer: a
// failure to write is reported on stderr (Claude Code's debug log) and otherwise ignored.
import type { Context } from "../context-types.js";
import { appendAudit } from "../audit/log.js";
import type { Finding } from "../types.js";

export interface DecisionRecord {
  readonly event: string;
  readonly tool: string;
  readonly input: unknown;
  readonly decision: string;
  readonly reason: string;
  readonly findings: readonly Finding[];
  readonly durationMs: number;
}

export function recordDecision(ctx: Context, r: DecisionRecord): void {
  if (!ctx.policy.audit.enabled) return;
  try {
    appendAudit(
      {
        time: new Date(),
        sessionId: ctx.sessionId,
        event: r.event,
        tool: r.tool,
        decision: r.decision,
        reason: r.reason,
        rules: ruleIds(r.findings),
        layers: [...new Set(r.findings.map((f) => f.layer))],
        durationMs: Math.round(r.durationMs * 100) / 100,
        input: r.input,
        cwd: ctx.cwd,
      },
      ctx.policy.audit,
      ctx.dataDir,
    );
  } catch (error) {
    process.stderr.write(`hookwarden: audit log not written: ${(error as Error).message}\n`);
  }
}

/** The rules behind a decision: those that decided it; when only informational findings exist (PostToolUse), those. */
function ruleIds(findings: readonly Finding[]): string[] {
  const deciding = findings.filter((f) => f.severity !== "info");
  return [...new Set((deciding.length ? deciding : findings).map((f) => f.rule))];
}
