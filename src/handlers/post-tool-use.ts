// PostToolUse: scan what the tool returned (content/), persist a taint when it carried a prompt injection, remember
// an MCP server whose call was approved, and answer with a warning or a redacted copy of the output.
import { loadContext } from "../context.js";
import { parseHookInput } from "../protocol/input.js";
import { elapsedMs, failureOutput } from "../protocol/run-hook.js";
import { postToolUse } from "../post-tool-use.js";
import { writeTaint } from "../state/taint.js";
import { isMcpServerKnown, rememberMcpServer } from "../state/trust.js";
import { mcpServerOf } from "../checks/mcp.js";
import { recordDecision } from "./audit.js";

export async function postToolUseHook(raw: string, json?: unknown): Promise<Record<string, unknown>> {
  const parsed = parseHookInput("PostToolUse", raw, json);
  if (!parsed.ok) return failureOutput("PostToolUse", parsed.error);
  const input = parsed.value;
  const ctx = loadContext(input);
  // A PostToolUse for an MCP tool means its call was approved (by a rule, or by the user at our ask).
  const server = input.tool_name.startsWith("mcp__") ? mcpServerOf(input.tool_name) : undefined;
  if (server && !isMcpServerKnown(ctx.dataDir, server)) rememberMcpServer(ctx.dataDir, server, "approved-call");
  const result = await postToolUse(input, { projectRoot: ctx.projectRoot });
  if (result.taint) writeTaint(ctx.dataDir, input.session_id, { ...result.taint, at: new Date().toISOString() });
  if (result.findings.length > 0) {
    recordDecision(ctx, {
      event: "PostToolUse",
      tool: input.tool_name,
      input: input.tool_input,
      decision: result.taint ? "flag" : "redact",
      reason: String(result.output.reason ?? contextOf(result.output) ?? ""),
      findings: result.findings.map((f) => ({ severity: "info", rule: `content.${f.type === "secret" ? f.kind : f.family}` as const, layer: "builtin" as const, reason: f.family })),
      durationMs: elapsedMs(),
    });
  }
  return result.output;
}

function contextOf(output: Record<string, unknown>): string | undefined {
  const hso = output.hookSpecificOutput as { additionalContext?: unknown } | undefined;
  return typeof hso?.additionalContext === "string" ? hso.additionalContext : undefined;
}
