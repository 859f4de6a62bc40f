// File-system facts (lstat, readlink, stat, readdir) memoised for one decision. A Bash call asks about the same
// directories again and again — every word of `ls -la src | grep x; …` resolves `/`, `/home`, `/home/u/project`
// component by component, twice (credentials, then Read rules) — and the tree does not change while we decide, so
// inside one `withFsCache` scope each look-up reaches the disk once. Outside a scope nothing is cached: a long-lived
// process (the tests, the CLI) always sees the tree as it is now. Does not decide anything: resolve.ts, fs-glob.ts
// and credentials.ts do.
import fs from "node:fs";

/** What lstat says about one path: missing (or unreadable), a symlink and its target, or something else. */
type Lstat = { readonly kind: "missing" } | { readonly kind: "link"; readonly target: string | undefined } | { readonly kind: "other" };

/** The memos of one scope, each made on first use (most calls touch one or two). */
interface Scope {
  lstat?: Map<string, Lstat>;
  isDirectory?: Map<string, boolean>;
  entries?: Map<string, readonly fs.Dirent[] | undefined>;
  /** physicalPath results for lookups without a link overlay (resolve.ts). */
  resolved?: Map<string, unknown>;
  /** Paths known not to be symlinks (see withFsCache). */
  notLink?: Set<string>;
}

let scope: Scope | undefined;
const MISSING: Lstat = { kind: "missing" };
const OTHER: Lstat = { kind: "other" };

/** Run `fn` with file-system look-ups memoised; nested calls share the outer scope. `physical`: directories already
 *  resolved through the file system in this call (the context's cwd): none of their components is a link. */
export function withFsCache<T>(fn: () => T, physical: readonly string[] = []): T {
  if (scope) return fn();
  scope = {};
  for (const dir of physical) {
    if (!dir.startsWith("/")) continue;
    const notLink = (scope.notLink ??= new Set());
    for (let p = dir; p.length > 1 && !notLink.has(p); p = p.slice(0, p.lastIndexOf("/")) || "/") notLink.add(p);
  }
  try {
    return fn();
  } finally {
    scope = undefined;
  }
}

/** The memo for resolve.ts's physicalPath, when a scope is open. */
export function resolvedMemo(): Map<string, unknown> | undefined {
  return scope && (scope.resolved ??= new Map());
}

function lstatOf(p: string): Lstat {
  const hit = scope?.lstat?.get(p);
  if (hit) return hit;
  let r: Lstat;
  try {
    // throwIfNoEntry: a missing path (the usual case for a file a command creates) costs no exception.
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (st === undefined) r = MISSING;
    else if (!st.isSymbolicLink()) r = OTHER;
    else {
      let target: string | undefined;
      try {
        target = fs.readlinkSync(p);
      } catch {
        target = undefined; // raced away or unreadable: not a link we can follow
      }
      r = { kind: "link", target };
    }
  } catch {
    r = MISSING; // any other error (ENOTDIR, EACCES, ELOOP): not a path we can follow
  }
  if (scope) (scope.lstat ??= new Map()).set(p, r);
  return r;
}

/** The link's target when `p` is a symlink; undefined for anything else, including a missing path. */
export function linkTarget(p: string): string | undefined {
  if (scope?.notLink?.has(p)) return undefined;
  const s = lstatOf(p);
  return s.kind === "link" ? s.target : undefined;
}

/** Does a path (file or directory) exist, without following a final symlink? */
export function pathExists(p: string): boolean {
  return lstatOf(p).kind !== "missing";
}

/** Is `p` a directory, following symlinks? */
export function isDirectoryPath(p: string): boolean {
  const hit = scope?.isDirectory?.get(p);
  if (hit !== undefined) return hit;
  let r: boolean;
  try {
    r = fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    r = false;
  }
  if (scope) (scope.isDirectory ??= new Map()).set(p, r);
  return r;
}

/** The entries of directory `p`; undefined when it is not a readable directory. Callers must not mutate the list. */
export function directoryEntries(p: string): readonly fs.Dirent[] | undefined {
  if (scope?.entries?.has(p)) return scope.entries.get(p);
  let r: fs.Dirent[] | undefined;
  try {
    r = fs.readdirSync(p, { withFileTypes: true });
  } catch {
    r = undefined;
  }
  if (scope) (scope.entries ??= new Map()).set(p, r);
  return r;
}
