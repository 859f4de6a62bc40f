// PreToolUse: stdin JSON → context → checks → decision → one JSON object (and an audit record).
import { checkToolCall } from "../checks/index.js";
import { loadContext } from "../context.js";
import { decide } from "../decide.js";
import { parseHookInput } from "../protocol/input.js";
import { preToolUseOutput } from "../protocol/output.js";
import { elapsedMs, failureOutput } from "../protocol/run-hook.js";
import { recordDecision } from "./audit.js";
import type { Decision } from "../types.js";

export async function preToolUse(raw: string, json?: unknown): Promise<Record<string, unknown>> {
  const parsed = parseHookInput("PreToolUse", raw, json);
  if (!parsed.ok) return failureOutput("PreToolUse", parsed.error);
  const input = parsed.value;
  const ctx = loadContext(input);
  const decision: Decision = decide(await checkToolCall(input.tool_name, input.tool_input, ctx));
  recordDecision(ctx, {
    event: "PreToolUse",
    tool: input.tool_name,
    input: input.tool_input,
    decision: decision.kind,
    reason: decision.reason ?? "",
    findings: decision.findings,
    durationMs: elapsedMs(),
  });
  return preToolUseOutput(decision) as unknown as Record<string, unknown>;
}
