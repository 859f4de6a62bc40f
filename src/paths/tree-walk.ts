// A bounded walk of a directory tree, for "does a recursive operation on this directory reach a file we guard?" —
// credential files under a tree a command reads (credentials.ts), protected files under a tree it deletes or moves
// (protected.ts). It stops after a few thousand entries and skips dependency and VCS stores, so it answers for the
// files a person keeps, not for every file on disk. Reads the tree through fs-cache.ts; decides nothing itself.
import { directoryEntries } from "./fs-cache.js";

/** Directories the walk does not enter: dependency and VCS stores, large and never where guarded files are kept. */
const WALK_SKIP = new Set(["node_modules", ".git", ".hg", ".svn", ".venv", "venv", "__pycache__", ".next", ".cache", ".tox", ".gradle", "target"]);
const WALK_MAX_ENTRIES = 5000;
const WALK_MAX_DEPTH = 8;

/** The first file below `dir` (not following links) for which `found(path, name)` holds; undefined when there is none
 *  within the bounds. `skipHidden`: leave out dot-files and dot-directories (a reader that skips them). */
export function firstFileUnder(dir: string, found: (file: string, name: string) => boolean, opts: { readonly skipHidden?: boolean } = {}): string | undefined {
  let seen = 0;
  const root = dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
  const stack: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (stack.length > 0) {
    const { dir: d, depth } = stack.pop()!;
    const entries = directoryEntries(d);
    if (entries === undefined) continue; // not a directory or not readable: the operation cannot reach it either
    // `${d}/${name}` without re-normalising: `d` is normal and an entry's name has no slash and is never `.` or `..`.
    const prefix = d.endsWith("/") ? d : `${d}/`;
    for (const e of entries) {
      if (++seen > WALK_MAX_ENTRIES) return undefined;
      if (opts.skipHidden && e.name.startsWith(".")) continue;
      const p = prefix + e.name;
      if (e.isDirectory()) {
        if (!WALK_SKIP.has(e.name) && depth < WALK_MAX_DEPTH) stack.push({ dir: p, depth: depth + 1 });
        continue;
      }
      if (found(p, e.name)) return p;
    }
  }
  return undefined;
}
