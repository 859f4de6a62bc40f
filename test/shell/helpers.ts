// Test helpers for the shell checks: a Context with an empty policy (no files read), rule builders, and a one-call
// decision for a command string.
import { checkBash } from "../../src/checks/bash.js";
import type { Context, Taint } from "../../src/context-types.js";
import { decide } from "../../src/decide.js";
import type { EffectivePolicy, PermissionRule, ProgramRule, RuleBehavior } from "../../src/policy/types.js";
import { analyseShell } from "../../src/shell/analyse.js";
import type { ShellCommand } from "../../src/shell/model.js";
import type { AbsolutePath, Decision, Layer } from "../../src/types.js";

export const EMPTY_POLICY: EffectivePolicy = {
  rules: [],
  inactiveProjectAllows: [],
  blocklistAdd: [],
  blocklistRemove: [],
  domains: [],
  additionalDirectories: [],
  allowTempDir: true,
  credentialPaths: [],
  protectedPaths: [],
  mcp: [],
  audit: { enabled: false, retentionDays: 30, maxBytes: 10_000_000 },
  problems: [],
  files: [],
};

const abs = (p: string) => p as AbsolutePath;

export function makeContext(over: Partial<Omit<Context, "policy">> & { policy?: Partial<EffectivePolicy> } = {}): Context {
  const { policy, ...rest } = over;
  return {
    projectRoot: abs("/work/project"),
    cwd: abs("/work/project"),
    home: abs("/home/user"),
    tmpDir: abs("/tmp"),
    mode: "default",
    sessionId: "test",
    writeScope: [abs("/work/project"), abs("/tmp")],
    policy: { ...EMPTY_POLICY, ...policy },
    trusted: true,
    dataDir: abs("/home/user/.claude/hookwarden"),
    configDir: abs("/home/user/.claude"),
    managedDir: abs("/etc/claude-code"),
    knownMcpServers: [],
    ...rest,
  };
}

/** A Claude Code `Bash(<specifier>)` rule from the user's settings. */
export function bashRule(behavior: RuleBehavior, specifier: string | undefined, layer: Layer = "user"): PermissionRule {
  const raw = specifier === undefined ? "Bash" : `Bash(${specifier})`;
  return { behavior, tool: "Bash", ...(specifier !== undefined ? { specifier } : {}), raw, id: `settings.${behavior}`, layer, file: "/home/user/.claude/settings.json", base: "/home/user" };
}

export function program(name: string, layer: Layer = "user"): ProgramRule {
  return { program: name, layer, file: "/home/user/.claude/hookwarden.json" };
}

export function withRules(...rules: PermissionRule[]): Context {
  return makeContext({ policy: { rules } });
}

export const TAINT: Taint = { source: "WebFetch https://example.org/p", family: "instruction-override", at: "2026-01-01T00:00:00Z" };

export function decideBash(command: string, ctx: Context = makeContext()): Decision {
  return decide(checkBash(command, ctx));
}

export function kind(command: string, ctx: Context = makeContext()): Decision["kind"] {
  return decideBash(command, ctx).kind;
}

/** The analysis, failing the test when it is not ok. */
export function commandsOf(source: string): ShellCommand[] {
  const a = analyseShell(source);
  if (!a.ok) throw new Error(`not analysed: ${a.reason}`);
  return a.commands;
}

/** `name arg…` of each simple command, for compact expectations. */
export function argvs(source: string): string[] {
  return commandsOf(source).map((c) => [c.name.kind === "literal" ? c.name.value : c.name.text, ...c.args.map((a) => (a.dynamic ? `<${a.text}>` : a.value))].join(" "));
}
