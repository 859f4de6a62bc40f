// Path resolution: the one place an AbsolutePath is minted. Scope and credential tests live beside it.
import fs from "node:fs";
import path from "node:path";
import type { AbsolutePath } from "../types.js";

/** Normalise `p` against `base` (`..`, `.`, duplicate slashes), without touching the file system. */
export function absolutePath(p: string, base: string): AbsolutePath {
  return path.resolve(base, p) as AbsolutePath;
}

/** Resolve symlinks through the deepest existing ancestor, so a file that does not exist yet behind a symlinked
 *  directory lands where the write would really go. */
export function realPath(p: AbsolutePath): AbsolutePath {
  let head = p as string;
  const tail: string[] = [];
  for (;;) {
    try {
      const real = fs.realpathSync.native(head);
      return (tail.length ? path.join(real, ...tail.reverse()) : real) as AbsolutePath;
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return p;
      tail.push(path.basename(head));
      head = parent;
    }
  }
}

export function resolvePath(p: string, base: string): AbsolutePath {
  return realPath(absolutePath(p, base));
}

/** `child` is `parent` or below it (`/repo-sibling` is not inside `/repo`). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
