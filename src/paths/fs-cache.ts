// File-system facts (lstat, readlink, stat, readdir) memoised for one decision. A Bash call asks about the same
// directories again and again — every word of `ls -la src | grep x; …` resolves `/`, `/home`, `/home/u/project`
// component by component, twice (credentials, then Read rules) — and the tree does not change while we decide, so
// inside one `withFsCache` scope each look-up reaches the disk once. Outside a scope nothing is cached: a long-lived
// process (the tests, the CLI) always sees the tree as it is now. Does not decide anything: resolve.ts, fs-glob.ts
// and credentials.ts do.
import fs from "node:fs";

/** What lstat says about one path: missing (or unreadable), a symlink and its target, or something else. */
type Lstat = { readonly kind: "missing" } | { readonly kind: "link"; readonly target: string | undefined } | { readonly kind: "other" };

interface Scope {
  readonly lstat: Map<string, Lstat>;
  readonly isDirectory: Map<string, boolean>;
  readonly entries: Map<string, readonly fs.Dirent[] | undefined>;
  /** physicalPath results for lookups without a link overlay (resolve.ts). */
  readonly resolved: Map<string, unknown>;
}

let scope: Scope | undefined;

/** Run `fn` with file-system look-ups memoised; nested calls share the outer scope. */
export function withFsCache<T>(fn: () => T): T {
  if (scope) return fn();
  scope = { lstat: new Map(), isDirectory: new Map(), entries: new Map(), resolved: new Map() };
  try {
    return fn();
  } finally {
    scope = undefined;
  }
}

/** The memo for resolve.ts's physicalPath, when a scope is open. */
export function resolvedMemo(): Map<string, unknown> | undefined {
  return scope?.resolved;
}

function lstatOf(p: string): Lstat {
  const hit = scope?.lstat.get(p);
  if (hit) return hit;
  let r: Lstat;
  try {
    if (!fs.lstatSync(p).isSymbolicLink()) r = { kind: "other" };
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
    r = { kind: "missing" }; // ENOENT / ENOTDIR / EACCES
  }
  scope?.lstat.set(p, r);
  return r;
}

/** The link's target when `p` is a symlink; undefined for anything else, including a missing path. */
export function linkTarget(p: string): string | undefined {
  const s = lstatOf(p);
  return s.kind === "link" ? s.target : undefined;
}

/** Does a path (file or directory) exist, without following a final symlink? */
export function pathExists(p: string): boolean {
  return lstatOf(p).kind !== "missing";
}

/** Is `p` a directory, following symlinks? */
export function isDirectoryPath(p: string): boolean {
  const hit = scope?.isDirectory.get(p);
  if (hit !== undefined) return hit;
  let r: boolean;
  try {
    r = fs.statSync(p).isDirectory();
  } catch {
    r = false;
  }
  scope?.isDirectory.set(p, r);
  return r;
}

/** The entries of directory `p`; undefined when it is not a readable directory. Callers must not mutate the list. */
export function directoryEntries(p: string): readonly fs.Dirent[] | undefined {
  if (scope?.entries.has(p)) return scope.entries.get(p);
  let r: fs.Dirent[] | undefined;
  try {
    r = fs.readdirSync(p, { withFileTypes: true });
  } catch {
    r = undefined;
  }
  scope?.entries.set(p, r);
  return r;
}
