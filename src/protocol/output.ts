// Hook output: one JSON object per event, exactly as Claude Code reads it (reference/claude-code-hooks.md §3).
import type { Decision } from "../types.js";

/** Claude Code caps output strings at 10 000 characters; stay well under. */
const MAX_TEXT = 4000;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

export interface PreToolUseOutput {
  hookSpecificOutput: {
    hookEventName: "PreToolUse";
    permissionDecision: "allow" | "deny" | "ask";
    permissionDecisionReason?: string;
  };
}

/** Claude and the user should know who answered: every reason names hookwarden once. */
function signed(reason: string | undefined): string | undefined {
  if (!reason) return reason;
  return /^hookwarden\b/i.test(reason) ? reason : `hookwarden: ${reason}`;
}

export function preToolUseOutput(decision: Decision): PreToolUseOutput {
  const reason = signed(decision.reason);
  return {
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision: decision.kind,
      ...(reason ? { permissionDecisionReason: clip(reason) } : {}),
    },
  };
}

export function postToolUseBlock(reason: string, additionalContext?: string, updatedToolOutput?: unknown): Record<string, unknown> {
  return {
    decision: "block",
    reason: clip(reason),
    hookSpecificOutput: {
      hookEventName: "PostToolUse",
      ...(additionalContext ? { additionalContext: clip(additionalContext) } : {}),
      ...(updatedToolOutput !== undefined ? { updatedToolOutput } : {}),
    },
  };
}

export function contextOutput(event: "SessionStart" | "UserPromptSubmit" | "PostToolUse", additionalContext: string, systemMessage?: string): Record<string, unknown> {
  return {
    ...(systemMessage ? { systemMessage: clip(systemMessage) } : {}),
    hookSpecificOutput: { hookEventName: event, additionalContext: clip(additionalContext) },
  };
}

export function userPromptBlock(reason: string): Record<string, unknown> {
  return { decision: "block", reason: clip(reason) };
}
