// Claude Code permission rules that name a whole tool (`WebSearch`, `Agent`, `mcp__x` handled by mcp.ts) without a
// specifier. Specifier rules belong to their own checks: Bash → allowlist, Read/Edit → paths, WebFetch → network.
import type { Context } from "../context-types.js";
import type { Finding } from "../types.js";

const HANDLED_ELSEWHERE = /^(Bash|Monitor|mcp__)/;

export function checkToolRules(tool: string, _input: Record<string, unknown>, ctx: Context): Finding[] {
  if (HANDLED_ELSEWHERE.test(tool)) return [];
  const out: Finding[] = [];
  for (const rule of ctx.policy.rules) {
    if (rule.tool !== tool || rule.specifier !== undefined) continue;
    const where = `rule "${rule.raw}" in ${rule.file}`;
    if (rule.behavior === "allow") out.push({ severity: "allow", rule: "settings.allow", layer: rule.layer, reason: `${tool} is allowed by ${where}.` });
    else out.push({ severity: rule.behavior, rule: `settings.${rule.behavior}`, layer: rule.layer, reason: `${tool} is ${rule.behavior === "deny" ? "denied" : "set to ask"} by ${where}.` });
  }
  return out;
}
