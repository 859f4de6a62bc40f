// MCP tool calls (`mcp__<server>__<tool>`): hookwarden `mcp` policy rules (server/tool globs), Claude Code `mcp__…`
// permission rules, and trust verification — the first call to a server not in the trust store asks, naming what the
// server runs. Does not own: reading the server's definition (src/mcp-config.ts), remembering approved servers
// (src/state/trust.ts, from PostToolUse), taint suspension (index.ts).
import { minimatch } from "minimatch";
import type { Context } from "../context-types.js";
import type { RuleBehavior } from "../policy/types.js";
import { finding, type Finding, type Layer } from "../types.js";

export interface McpToolName {
  /** The server segment as Claude Code writes it (`github`, `plugin_acme_db`, `claude_ai_Gmail`). */
  readonly server: string;
  readonly tool: string;
  /** For plugin-bundled servers (`mcp__plugin_<plugin>_<server>__<tool>`). */
  readonly plugin?: { readonly plugin: string; readonly server: string };
}

interface RuleHit {
  readonly behavior: RuleBehavior;
  readonly layer: Layer;
  readonly source: string;
}

const MAX_GLOB = 256;
const GLOB_OPTIONS = { nonegate: true, nocomment: true, dot: true } as const;

/** `mcp__github__get_issue` → server github, tool get_issue. Claude Code splits at the first `__` after the prefix. */
export function parseMcpToolName(toolName: string): McpToolName | undefined {
  if (!toolName.startsWith("mcp__")) return undefined;
  const rest = toolName.slice("mcp__".length);
  const cut = rest.indexOf("__");
  if (cut <= 0 || cut + 2 >= rest.length) return undefined;
  const server = rest.slice(0, cut);
  const tool = rest.slice(cut + 2);
  const plugin = /^plugin_([^_]+)_(.+)$/.exec(server);
  return { server, tool, ...(plugin ? { plugin: { plugin: plugin[1] ?? "", server: plugin[2] ?? "" } } : {}) };
}

/** The server a tool belongs to, as the trust store records it. */
export function mcpServerOf(toolName: string): string | undefined {
  return parseMcpToolName(toolName)?.server;
}

/** Claude Code turns a configured name into the tool-name segment by replacing anything outside [A-Za-z0-9_-]. */
export function normaliseServerName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function isKnownServer(server: string, known: readonly string[]): boolean {
  return known.some((k) => k === server || normaliseServerName(k) === server);
}

export function checkMcpTool(toolName: string, _toolInput: unknown, ctx: Context, describeServer: (name: string) => string | undefined): Finding[] {
  const name = parseMcpToolName(toolName);
  if (!name) {
    return [finding("ask", "mcp.bad-name", `"${toolName}" is not a well-formed MCP tool name (mcp__<server>__<tool>), so hookwarden asks before it runs.`)];
  }
  const hits = [...claudeRuleHits(toolName, name, ctx), ...policyHits(name, ctx)];
  const denies = hits.filter((h) => h.behavior === "deny");
  if (denies.length > 0) {
    return denies.map((h) => ({ severity: "deny", rule: "mcp.denied", layer: h.layer, reason: `The MCP tool ${name.tool} of server ${name.server} is denied by ${h.source}; do the task another way or ask the user.` }));
  }
  const out: Finding[] = [];
  if (!isKnownServer(name.server, ctx.knownMcpServers)) {
    const what = describeServer(name.server) ?? describeServer(name.plugin?.server ?? "") ?? (name.plugin ? `bundled with the plugin ${name.plugin.plugin}` : "not defined in .mcp.json or the Claude settings hookwarden reads");
    out.push(finding("ask", "mcp.unknown-server", `First call to MCP server ${name.server} (${what}) — approve it once, or run \`hookwarden trust --mcp ${name.server}\`; after that its tools follow the normal rules.`));
  }
  for (const h of hits.filter((x) => x.behavior === "ask")) {
    out.push({ severity: "ask", rule: "mcp.ask", layer: h.layer, reason: `The MCP tool ${name.tool} of server ${name.server} is set to ask by ${h.source}.` });
  }
  if (out.length > 0) return out;
  const allow = hits.find((h) => h.behavior === "allow");
  if (allow) return [{ severity: "allow", rule: "mcp.allowed", layer: allow.layer, reason: `The MCP tool ${name.tool} of server ${name.server} is allowed by ${allow.source}.` }];
  return [finding("ask", "mcp.unmatched", `No rule allows the MCP tool ${name.tool} of server ${name.server} — approve it, or allow it with \`${toolName}\` (or \`mcp__${name.server}\` for all its tools) in permissions.allow.`)];
}

/** Claude Code rules: `mcp__server` (all tools), `mcp__server__*`, `mcp__server__tool`, globs; deny/ask also `*`, `mcp__*`. */
function claudeRuleHits(toolName: string, name: McpToolName, ctx: Context): RuleHit[] {
  const out: RuleHit[] = [];
  for (const r of ctx.policy.rules) {
    if (!(r.tool.startsWith("mcp__") || r.tool === "*")) continue;
    if (!claudeRuleMatches(r.tool, toolName, name)) continue;
    const source = `"${r.raw}" in ${r.file}`;
    if (r.behavior === "allow") {
      // Claude Code honours allow globs only after a literal `mcp__<server>__`, and no parameter rules for allow.
      const server = r.tool.slice("mcp__".length).split("__", 1)[0] ?? "";
      if (r.tool === "*" || server.includes("*") || r.specifier !== undefined) continue;
      out.push({ behavior: "allow", layer: r.layer, source });
    } else if (r.specifier !== undefined && r.behavior === "deny") {
      // Parameter rules (`mcp__s__t(param:value)`) are Claude Code's to evaluate; hookwarden asks rather than guess.
      out.push({ behavior: "ask", layer: r.layer, source: `${source} (a parameter rule, which hookwarden does not evaluate)` });
    } else {
      out.push({ behavior: r.behavior, layer: r.layer, source });
    }
  }
  return out;
}

function claudeRuleMatches(pattern: string, toolName: string, name: McpToolName): boolean {
  if (pattern === `mcp__${name.server}`) return true;
  if (!pattern.includes("*")) return pattern === toolName;
  const re = new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
  return re.test(toolName);
}

function policyHits(name: McpToolName, ctx: Context): RuleHit[] {
  const out: RuleHit[] = [];
  for (const r of ctx.policy.mcp) {
    const fits = globFits(r.server, name.server, r.behavior) && globFits(r.tool || "*", name.tool, r.behavior);
    if (fits) out.push({ behavior: r.behavior, layer: r.layer, source: `the mcp rule {server: "${r.server}", tool: "${r.tool}"} in ${r.file}` });
  }
  return out;
}

/** Over-long globs fail closed: they match for deny/ask and never for allow. */
function globFits(glob: string, value: string, behavior: RuleBehavior): boolean {
  if (glob.length > MAX_GLOB) return behavior !== "allow";
  return minimatch(value, glob, GLOB_OPTIONS);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
