// Policy layers → one effective policy. Reads Claude Code's settings file and hookwarden.json of each layer, never
// throws, and collects every problem as { file, path, message, hint } so the hook can fail closed and say why.
import fs from "node:fs";
import path from "node:path";
import * as z from "zod/mini";
import "../zod-config.js";
import type { Layer } from "../types.js";
import type { LayerFiles } from "./files.js";
import { nearest } from "./nearest.js";
import { parsePermissionRule } from "./rules.js";
import { POLICY_KEYS, policySchema, type PolicyFile } from "./schema.js";
import type { DomainRule, EffectivePolicy, McpRule, PathRule, PermissionRule, PolicyProblem, ProgramRule, RuleBehavior } from "./types.js";

export const DEFAULT_AUDIT = { enabled: true, retentionDays: 30, maxBytes: 10 * 1024 * 1024 } as const;

const settingsSchema = () => z.looseObject({
  permissions: z.optional(
    z.looseObject({
      allow: z.optional(z.array(z.string())),
      ask: z.optional(z.array(z.string())),
      deny: z.optional(z.array(z.string())),
      additionalDirectories: z.optional(z.array(z.string())),
    }),
  ),
  allowManagedPermissionRulesOnly: z.optional(z.boolean()),
});
type Settings = z.infer<ReturnType<typeof settingsSchema>>;
let settings: ReturnType<typeof settingsSchema> | undefined;

type Read<T> = { present: false } | { present: true; value?: T; problems: PolicyProblem[] };

function readJson(file: string): { present: false } | { present: true; json?: unknown; problem?: PolicyProblem } {
  let text: string;
  try {
    // Most layers have no file: a stat that does not throw is far cheaper than a failed read's exception.
    if (fs.statSync(file, { throwIfNoEntry: false }) === undefined) return { present: false };
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { present: false };
    return { present: true, problem: { file, path: "(file)", message: `cannot be read (${code ?? String(error)})` } };
  }
  if (text.trim() === "") return { present: true, json: {} };
  try {
    return { present: true, json: JSON.parse(text) };
  } catch (error) {
    return { present: true, problem: { file, path: "(file)", message: `is not valid JSON: ${(error as Error).message}` } };
  }
}

function issuesToProblems(file: string, issues: readonly z.core.$ZodIssue[], keysAt: (p: readonly PropertyKey[]) => readonly string[]): PolicyProblem[] {
  return issues.slice(0, 10).map((issue) => {
    const where = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0] ?? "";
      const hint = nearest(key, keysAt(issue.path));
      return { file, path: where === "(root)" ? key : `${where}.${key}`, message: `unknown field "${key}"`, ...(hint ? { hint: `did you mean "${hint}"?` } : {}) };
    }
    return { file, path: where, message: issue.message === "Invalid input" ? describeIssue(issue) : issue.message };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_big":
      return `too long or too large (maximum ${String(issue.maximum)})`;
    case "too_small":
      return `too short or too small (minimum ${String(issue.minimum)})`;
    default:
      return issue.message;
  }
}

function formatPath(p: readonly PropertyKey[]): string {
  if (p.length === 0) return "(root)";
  return p.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("");
}

const SUB_KEYS: Record<string, readonly string[]> = {
  blocklist: ["add", "remove"],
  domains: ["allow", "ask", "deny"],
  writeScope: ["additionalDirectories", "allowTempDir"],
  audit: ["enabled", "path", "retentionDays", "maxBytes"],
  commands: ["id", "behavior", "pattern", "reason", "match", "notMatch"],
  mcp: ["server", "tool", "behavior"],
};

function readSettings(file: string): Read<Settings> {
  const raw = readJson(file);
  if (!raw.present) return raw;
  if (raw.problem) return { present: true, problems: [raw.problem] };
  settings ??= settingsSchema();
  const parsed = settings.safeParse(raw.json);
  if (!parsed.success) return { present: true, problems: issuesToProblems(file, parsed.error.issues, () => ["permissions"]) };
  return { present: true, value: parsed.data, problems: [] };
}

function readPolicy(file: string): Read<PolicyFile> {
  const raw = readJson(file);
  if (!raw.present) return raw;
  if (raw.problem) return { present: true, problems: [raw.problem] };
  const parsed = policySchema().safeParse(raw.json);
  if (!parsed.success) {
    return { present: true, problems: issuesToProblems(file, parsed.error.issues, (p) => (p.length === 0 ? POLICY_KEYS : (SUB_KEYS[String(p[0])] ?? []))) };
  }
  return { present: true, value: parsed.data, problems: [] };
}

export interface LoadOptions {
  readonly layers: readonly LayerFiles[];
  /** Project and local allow-type rules apply only to a trusted codebase. */
  readonly trusted: boolean;
  readonly home: string;
}

/** Layers whose allow-type entries wait for codebase trust: both live in the repository. */
const NEEDS_TRUST: ReadonlySet<Layer> = new Set(["project", "local"]);

export function loadPolicy(opts: LoadOptions): EffectivePolicy {
  const rules: PermissionRule[] = [];
  const inactive: PermissionRule[] = [];
  const blocklistAdd: ProgramRule[] = [];
  const blocklistRemove: ProgramRule[] = [];
  const domains: DomainRule[] = [];
  const additionalDirectories: PathRule[] = [];
  const credentialPaths: PathRule[] = [];
  const protectedPaths: PathRule[] = [];
  const mcp: McpRule[] = [];
  const problems: PolicyProblem[] = [];
  const files: EffectivePolicy["files"][number][] = [];
  let allowTempDir = true;
  let forbidLowerAllow = false;
  let audit: EffectivePolicy["audit"] = { ...DEFAULT_AUDIT };
  let auditSetBy: Layer | undefined;

  for (const lf of opts.layers) {
    const { layer, base } = lf;
    const gated = NEEDS_TRUST.has(layer) && !opts.trusted;
    const lowerAllowOff = forbidLowerAllow && layer !== "managed";
    const addRule = (rule: PermissionRule) => {
      if (rule.behavior === "allow" && lowerAllowOff) return;
      if (rule.behavior === "allow" && gated) inactive.push(rule);
      else rules.push(rule);
    };

    for (const file of lf.settings) {
      const read = readSettings(file);
      files.push({ layer, file, kind: "settings", present: read.present });
      if (!read.present) continue;
      problems.push(...read.problems);
      const s = read.value;
      if (!s) continue;
      if (layer === "managed" && s.allowManagedPermissionRulesOnly) forbidLowerAllow = true;
      for (const behavior of ["deny", "ask", "allow"] as const) {
        (s.permissions?.[behavior] ?? []).forEach((raw, i) => {
          const parsed = parsePermissionRule(raw);
          if (!parsed.ok) {
            problems.push({ file, path: `permissions.${behavior}[${i}]`, message: parsed.message, hint: 'write rules as "Tool" or "Tool(specifier)", e.g. "Bash(npm test:*)"' });
            return;
          }
          addRule({ behavior, tool: parsed.tool, ...(parsed.specifier !== undefined ? { specifier: parsed.specifier } : {}), raw, id: `settings.${behavior}`, layer, file, base });
        });
      }
      if (!gated) {
        for (const dir of s.permissions?.additionalDirectories ?? []) additionalDirectories.push({ glob: expandHome(dir, opts.home, base), layer, file });
      }
    }

    const read = readPolicy(lf.hookwarden);
    files.push({ layer, file: lf.hookwarden, kind: "hookwarden", present: read.present });
    if (!read.present) continue;
    problems.push(...read.problems);
    const p = read.value;
    if (!p) continue;
    const file = lf.hookwarden;
    if (layer === "managed" && p.forbidLowerAllow) forbidLowerAllow = true;
    for (const c of p.commands ?? []) {
      addRule({
        behavior: c.behavior, tool: "Bash", specifier: c.pattern, raw: `${c.id}: ${c.pattern}`, id: `commands.${c.id}`, layer, file, base,
        ...(c.reason ? { reason: c.reason } : {}), ...(c.match ? { match: c.match } : {}), ...(c.notMatch ? { notMatch: c.notMatch } : {}),
      });
    }
    for (const program of p.blocklist?.add ?? []) blocklistAdd.push({ program, layer, file });
    if (layer === "managed" || layer === "user") for (const program of p.blocklist?.remove ?? []) blocklistRemove.push({ program, layer, file });
    for (const behavior of ["deny", "ask", "allow"] as const) {
      for (const domain of p.domains?.[behavior] ?? []) {
        if (behavior === "allow" && (gated || lowerAllowOff)) continue;
        domains.push({ behavior, domain: domain.toLowerCase(), layer, file });
      }
    }
    if (!gated) for (const dir of p.writeScope?.additionalDirectories ?? []) additionalDirectories.push({ glob: expandHome(dir, opts.home, base), layer, file });
    if (p.writeScope?.allowTempDir === false) allowTempDir = false;
    for (const glob of p.credentialPaths ?? []) credentialPaths.push({ glob: expandHome(glob, opts.home, base), layer, file });
    for (const glob of p.protectedPaths ?? []) protectedPaths.push({ glob: expandHome(glob, opts.home, base), layer, file });
    for (const m of p.mcp ?? []) {
      if (m.behavior === "allow" && (gated || lowerAllowOff)) continue;
      mcp.push({ behavior: m.behavior, server: m.server, tool: m.tool ?? "*", layer, file });
    }
    // Audit settings come from the strongest layer that sets them; a repository cannot switch auditing off.
    if (p.audit && !auditSetBy && (layer === "managed" || layer === "user")) {
      auditSetBy = layer;
      audit = {
        enabled: p.audit.enabled ?? audit.enabled,
        retentionDays: p.audit.retentionDays ?? audit.retentionDays,
        maxBytes: p.audit.maxBytes ?? audit.maxBytes,
        ...(p.audit.path ? { path: expandHome(p.audit.path, opts.home, base) } : {}),
      };
    }
  }

  // A managed forbid arriving after lower layers were read still applies to them.
  const finalRules = forbidLowerAllow ? rules.filter((r) => r.behavior !== "allow" || r.layer === "managed") : rules;
  return {
    rules: finalRules,
    inactiveProjectAllows: inactive,
    blocklistAdd,
    blocklistRemove,
    domains,
    additionalDirectories,
    allowTempDir,
    credentialPaths,
    protectedPaths,
    mcp,
    audit,
    problems,
    files,
  };
}

/** `~/x` → home; relative → against the layer's base. Absolute stays. */
export function expandHome(p: string, home: string, base: string): string {
  if (p === "~") return home;
  if (p.startsWith("~/")) return path.join(home, p.slice(2));
  return path.isAbsolute(p) ? p : path.resolve(base, p);
}

export function behaviorRank(b: RuleBehavior): number {
  return b === "deny" ? 3 : b === "ask" ? 2 : 1;
}
