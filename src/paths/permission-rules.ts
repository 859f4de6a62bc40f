// Claude Code `Read(...)` / `Edit(...)` path rules from every layer's settings, matched against resolved paths.
// Specifiers are gitignore-style: `//abs`, `~/x` (home), `/x` (relative to the settings source, rule.base), `./x` or
// `x` (relative to the cwd); `*` one level, `**` any depth. Only Read and Edit rules are consulted (Claude Code
// ignores Write/MultiEdit/NotebookEdit/Glob path rules), and a Read deny also blocks writes to that path.
import path from "node:path";
import type { Context } from "../context-types.js";
import type { PermissionRule, RuleBehavior } from "../policy/types.js";
import { compileGlob, type CompiledGlob } from "./globs.js";

export type Access = "read" | "write";

export interface PathRuleMatch {
  readonly behavior: RuleBehavior;
  readonly rule: PermissionRule;
}

/** The absolute glob(s) a specifier stands for. Deny and ask are read widely (a name without a slash matches at any
 *  depth below the cwd, and a directory covers what is below it); allow is read narrowly. */
export function specifierGlobs(spec: string, rule: Pick<PermissionRule, "base" | "behavior">, ctx: { readonly home: string; readonly cwd: string }): string[] {
  const j = path.posix.join;
  let glob: string;
  if (spec.startsWith("//")) glob = spec.slice(1);
  else if (spec === "~" || spec.startsWith("~/")) glob = j(ctx.home, spec.slice(1));
  else if (spec.startsWith("/")) glob = j(rule.base, spec);
  else {
    const rel = spec.startsWith("./") ? spec.slice(2) : spec;
    const anyDepth = rule.behavior !== "allow" && !spec.startsWith("./") && !rel.replace(/\/+$/, "").includes("/");
    glob = anyDepth ? j(ctx.cwd, "**", rel) : j(ctx.cwd, rel);
  }
  const dirOnly = glob.endsWith("/");
  glob = glob.replace(/\/+$/, "") || "/";
  if (rule.behavior === "allow") return dirOnly ? [`${glob}/**`] : [glob];
  return glob.endsWith("/**") ? [glob] : [glob, `${glob}/**`];
}

const cache = new WeakMap<object, { cwd: string; home: string; rules: readonly { rule: PermissionRule; access: Access; globs: CompiledGlob[] }[] }>();

function compiled(ctx: Pick<Context, "home" | "cwd" | "policy">) {
  const hit = cache.get(ctx.policy);
  if (hit && hit.cwd === ctx.cwd && hit.home === ctx.home) return hit.rules;
  const rules: { rule: PermissionRule; access: Access; globs: CompiledGlob[] }[] = [];
  for (const rule of ctx.policy.rules) {
    if ((rule.tool !== "Read" && rule.tool !== "Edit") || rule.specifier === undefined || rule.specifier.trim() === "") continue;
    rules.push({ rule, access: rule.tool === "Read" ? "read" : "write", globs: specifierGlobs(rule.specifier.trim(), rule, ctx).map(compileGlob) });
  }
  cache.set(ctx.policy, { cwd: ctx.cwd, home: ctx.home, rules });
  return rules;
}

/** Every Read/Edit rule that applies to `paths` (the lexical and the real spelling of one target) for `access`. */
/** Does any layer have a Read or Edit rule? (Not by default: then no path needs matching.) */
export function hasPathRules(ctx: Pick<Context, "home" | "cwd" | "policy">): boolean {
  return compiled(ctx).length > 0;
}

export function matchPathRules(access: Access, paths: readonly string[], ctx: Pick<Context, "home" | "cwd" | "policy">): PathRuleMatch[] {
  const rules = compiled(ctx);
  const out: PathRuleMatch[] = [];
  for (const { rule, access: ruleAccess, globs } of rules) {
    const applies = ruleAccess === access || (access === "write" && ruleAccess === "read" && rule.behavior === "deny");
    if (!applies) continue;
    if (paths.some((p) => globs.some((g) => g.matches(p)))) out.push({ behavior: rule.behavior, rule });
  }
  return out;
}
