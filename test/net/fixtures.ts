// Test fixtures for the network, MCP and session-start checks: a Context without disk, policy rules by hand, and shell
// commands from a string through the real analyser (or built by hand).
import type { Context, Taint } from "../../src/context-types.js";
import { analyseShell } from "../../src/shell/analyse.js";
import type { DomainRule, EffectivePolicy, McpRule, PermissionRule, RuleBehavior } from "../../src/policy/types.js";
import type { ShellCommand, Word } from "../../src/shell/model.js";
import type { AbsolutePath, Layer } from "../../src/types.js";

const abs = (p: string) => p as AbsolutePath;

export function policy(over: Partial<EffectivePolicy> = {}): EffectivePolicy {
  return {
    rules: [], inactiveProjectAllows: [], blocklistAdd: [], blocklistRemove: [], domains: [], additionalDirectories: [],
    allowTempDir: true, credentialPaths: [], protectedPaths: [], mcp: [],
    audit: { enabled: false, retentionDays: 30, maxBytes: 1_000_000 }, problems: [], files: [],
    ...over,
  };
}

export function context(over: Partial<Omit<Context, "policy">> & { policy?: Partial<EffectivePolicy> } = {}): Context {
  const { policy: p, ...rest } = over;
  return {
    projectRoot: abs("/work/proj"), cwd: abs("/work/proj"), home: abs("/home/u"), tmpDir: abs("/tmp"), mode: "default",
    sessionId: "s1", writeScope: [abs("/work/proj")], trusted: true, dataDir: abs("/home/u/.claude/hookwarden"),
    configDir: abs("/home/u/.claude"), managedDir: abs("/etc/claude-code"), knownMcpServers: [],
    ...rest,
    policy: policy(p),
  };
}

export const TAINT: Taint = { source: "WebFetch https://example.org/p", family: "instruction-override", at: "2025-01-01T00:00:00Z" };

/** `Bash(npm test:*)` → a PermissionRule as the policy loader would build it. */
export function rule(raw: string, behavior: RuleBehavior = "allow", layer: Layer = "user"): PermissionRule {
  const open = raw.indexOf("(");
  const tool = open === -1 ? raw : raw.slice(0, open);
  const specifier = open === -1 ? undefined : raw.slice(open + 1, -1);
  return { behavior, tool, ...(specifier !== undefined ? { specifier } : {}), raw, id: `settings.${behavior}`, base: "/work/proj", layer, file: `/${layer}/settings.json` };
}

export function domain(d: string, behavior: RuleBehavior = "allow", layer: Layer = "user"): DomainRule {
  return { domain: d, behavior, layer, file: `/${layer}/hookwarden.json` };
}

export function mcpRule(server: string, tool: string, behavior: RuleBehavior = "allow", layer: Layer = "user"): McpRule {
  return { server, tool, behavior, layer, file: `/${layer}/hookwarden.json` };
}

/** The simple commands a Bash string runs, from the real analyser (wrappers unwrapped there). */
export function commands(source: string): ShellCommand[] {
  const r = analyseShell(source);
  if (!r.ok) throw new Error(`analyseShell failed on ${source}: ${r.reason}`);
  return r.commands;
}

/** One simple command built by hand, argv as given: for what reaches a check without the analyser's unwrapping. */
export function rawCommand(argv: readonly string[], assignments: Record<string, string> = {}): ShellCommand {
  const word = (value: string): Word => ({ value, text: value, dynamic: value.includes("$") });
  const [name = "", ...args] = argv;
  return {
    name: { kind: "literal", value: name },
    args: args.map(word),
    assignments: Object.entries(assignments).map(([n, v]) => ({ name: n, value: word(v) })),
    redirects: [], via: [], position: [], seq: 0, pipedInto: false, span: { pos: 0, end: argv.join(" ").length },
  };
}
