// Claude Code permission rules as written in settings files: `Tool` or `Tool(specifier)`.
import type { RuleBehavior } from "./types.js";

export type ParsedRule = { ok: true; tool: string; specifier?: string } | { ok: false; message: string };

const TOOL_NAME = /^[A-Za-z_][A-Za-z0-9_\-*]*$/;

export function parsePermissionRule(raw: string): ParsedRule {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, message: "empty rule" };
  if (text.length > 2048) return { ok: false, message: "rule is longer than 2048 characters" };
  const open = text.indexOf("(");
  if (open === -1) {
    if (!TOOL_NAME.test(text)) return { ok: false, message: `"${text}" is not a tool name` };
    return { ok: true, tool: text };
  }
  if (!text.endsWith(")")) return { ok: false, message: `"${text}" opens "(" but does not end with ")"` };
  const tool = text.slice(0, open).trim();
  if (!TOOL_NAME.test(tool)) return { ok: false, message: `"${tool}" is not a tool name` };
  const specifier = text.slice(open + 1, -1).trim();
  // `Bash()` and `Bash(*)` mean the whole tool, as in Claude Code.
  if (specifier === "" || specifier === "*") return { ok: true, tool };
  return { ok: true, tool, specifier };
}

export const BEHAVIORS: readonly RuleBehavior[] = ["deny", "ask", "allow"];
