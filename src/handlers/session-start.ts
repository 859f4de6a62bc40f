// SessionStart: tell the user and Claude when the codebase is untrusted and has allow rules waiting; prune the audit
// log and expired taint files (cheap, once per session).
import { loadContext } from "../context.js";
import { parseHookInput } from "../protocol/input.js";
import { failureOutput } from "../protocol/run-hook.js";
import { sessionStart } from "../session-start.js";
import { pruneAudit } from "../audit/log.js";
import { pruneTaints } from "../state/taint.js";

export function sessionStartHook(raw: string, json?: unknown): Record<string, unknown> {
  const parsed = parseHookInput("SessionStart", raw, json);
  if (!parsed.ok) return failureOutput("SessionStart", parsed.error);
  const ctx = loadContext(parsed.value);
  try {
    pruneAudit(ctx.policy.audit, ctx.dataDir, new Date());
    pruneTaints(ctx.dataDir, new Date());
  } catch (error) {
    process.stderr.write(`hookwarden: pruning failed: ${(error as Error).message}\n`);
  }
  return sessionStart(parsed.value, ctx);
}
