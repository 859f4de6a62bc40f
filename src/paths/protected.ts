// Protected paths (self-protection): files that switch the guard off or run code on their own when changed — Claude
// Code settings, hookwarden policy files, the data dir (trust store, audit log), the managed dir, hookwarden's own
// install, git hooks and git config — plus each layer's `protectedPaths`. Owns the list and the matcher; which
// operations count as writes is decided by the checks.
import path from "node:path";
import type { Context } from "../context-types.js";
import type { Layer } from "../types.js";
import { compileGlob, type CompiledGlob } from "./globs.js";
import { exists, isInside } from "./resolve.js";
import { firstFileUnder } from "./tree-walk.js";

export interface ProtectedMatch {
  readonly id: string;
  readonly layer: Layer;
  readonly glob: string;
  readonly what: string;
  readonly file: string;
}

interface Entry extends ProtectedMatch {
  readonly matcher: CompiledGlob;
}

type ProtectedContext = Pick<Context, "projectRoot" | "home" | "configDir" | "dataDir" | "managedDir" | "installDir" | "policy">;

const SETTINGS_FILES = ["settings.json", "settings.local.json", "hookwarden.json", "hookwarden.local.json"];

/** Names a built-in protected file can have (a filter like `find -name '*.tmp'` that none passes leaves them be). */
export const PROTECTED_NAMES: readonly string[] = [...SETTINGS_FILES, "config", "config.worktree", "trust.json", "managed-settings.json", "pre-commit", "post-checkout"];

/** The built-in list for one context, as data: [id, glob, what]. */
export function builtinProtected(ctx: ProtectedContext): readonly (readonly [string, string, string])[] {
  const j = path.posix.join;
  const rows: [string, string, string][] = [];
  // `.claude` anywhere under the project: Claude Code reads the one at the project root, but a nested project
  // opened later reads its own.
  for (const f of SETTINGS_FILES) rows.push(["self-protect.settings", j(ctx.projectRoot, "**", ".claude", f), `Claude Code / hookwarden settings (.claude/${f})`]);
  for (const dir of new Set([ctx.configDir, j(ctx.home, ".claude")])) {
    for (const f of SETTINGS_FILES) rows.push(["self-protect.settings", j(dir, f), `your user settings (${j(dir, f)})`]);
  }
  rows.push(["self-protect.data", j(ctx.dataDir, "**"), "hookwarden's trust store and audit log"]);
  rows.push(["self-protect.managed", j(ctx.managedDir, "**"), "the organisation's managed settings"]);
  if (ctx.installDir) rows.push(["self-protect.install", j(ctx.installDir, "**"), "hookwarden's own files"]);
  // Git runs these on its own: a hook or a `core.hooksPath` / `core.fsmonitor` line executes on the next commit.
  rows.push(["self-protect.git-hooks", "**/.git/hooks/**", "git hooks"]);
  rows.push(["self-protect.git-hooks", "**/.git/modules/**/hooks/**", "git hooks"]);
  rows.push(["self-protect.git-config", "**/.git/config", "the git config"]);
  rows.push(["self-protect.git-config", "**/.git/config.worktree", "the git config"]);
  rows.push(["self-protect.git-config", "**/.git/modules/**/config", "the git config"]);
  return rows;
}

const cache = new WeakMap<object, { key: string; entries: readonly Entry[] }>();

function entries(ctx: ProtectedContext): readonly Entry[] {
  const key = [ctx.projectRoot, ctx.home, ctx.configDir, ctx.dataDir, ctx.managedDir, ctx.installDir ?? ""].join("\0");
  const hit = cache.get(ctx.policy);
  if (hit && hit.key === key) return hit.entries;
  const out: Entry[] = builtinProtected(ctx).map(([id, glob, what]) => ({ id, glob, what, layer: "builtin", file: "builtin", matcher: compileGlob(glob) }));
  for (const r of ctx.policy.protectedPaths) {
    out.push({ id: "self-protect.policy", glob: r.glob, what: `a protected path listed in ${r.file}`, layer: r.layer, file: r.file, matcher: compileGlob(r.glob) });
  }
  cache.set(ctx.policy, { key, entries: out });
  return out;
}

/** The protected entry `p` (absolute; lexical or real) falls under, if any. */
export function matchProtected(p: string, ctx: ProtectedContext): ProtectedMatch | undefined {
  for (const e of entries(ctx)) if (e.matcher.matches(p)) return strip(e);
  return undefined;
}

/** An existing protected path inside directory `dir`: a recursive delete, move or mode change of `dir` (`rm -rf
 *  .claude`, `mv .git x`, `rm -rf packages` over `packages/app/.claude/settings.json`) changes it too. The fixed
 *  locations first, then a bounded walk of the part of the project below `dir` (nested repositories' `.git` stores
 *  are not walked: deleting a clone is not changing this project's hooks). */
export function protectedBelow(dir: string, ctx: ProtectedContext): ProtectedMatch | undefined {
  return fixedProtectedBelow(dir, ctx) ?? walkedProtectedBelow(dir, ctx);
}

function fixedProtectedBelow(dir: string, ctx: ProtectedContext): ProtectedMatch | undefined {
  const j = path.posix.join;
  const fixed: string[] = [
    ...SETTINGS_FILES.map((f) => j(ctx.projectRoot, ".claude", f)),
    ...SETTINGS_FILES.map((f) => j(ctx.configDir, f)),
    ...SETTINGS_FILES.map((f) => j(ctx.home, ".claude", f)),
    ctx.dataDir, ctx.managedDir, ...(ctx.installDir ? [ctx.installDir] : []),
    j(ctx.projectRoot, ".git", "hooks"), j(ctx.projectRoot, ".git", "config"),
    ...ctx.policy.protectedPaths.map((r) => compileGlob(r.glob).root),
  ];
  for (const f of fixed) {
    if (f !== dir && isInside(f, dir) && exists(f)) {
      const m = matchProtected(f, ctx) ?? matchProtected(j(f, "x"), ctx);
      if (m) return m;
    }
  }
  return undefined;
}

function walkedProtectedBelow(dir: string, ctx: ProtectedContext): ProtectedMatch | undefined {
  const root = isInside(dir, ctx.projectRoot) ? dir : isInside(ctx.projectRoot, dir) ? ctx.projectRoot : undefined;
  if (root === undefined) return undefined;
  const everyFile = ctx.policy.protectedPaths.length > 0;
  let match: ProtectedMatch | undefined;
  firstFileUnder(root, (file, name) => {
    if (!everyFile && !(SETTINGS_FILES.includes(name) && file.endsWith(`/.claude/${name}`))) return false;
    match = matchProtected(file, ctx);
    return match !== undefined;
  });
  return match;
}

function strip(e: Entry): ProtectedMatch {
  return { id: e.id, layer: e.layer, glob: e.glob, what: e.what, file: e.file };
}
