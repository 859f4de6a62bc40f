// Path resolution: the one place an AbsolutePath is minted. Walks a path component by component the way the kernel
// does, so `..` after a symlink goes to the link target's parent, dangling links land at their target, and a file that
// does not exist yet behind a symlinked directory lands where the write would really go. Scope, credential and
// protected-path tests live beside it; shell words (`~`, `$HOME`) are expanded in word.ts, not here.
import fs from "node:fs";
import path from "node:path";
import type { AbsolutePath } from "../types.js";
import { hostFlavor, isInsideFor, joinRaw } from "./flavor.js";
import { isDirectoryPath, linkTarget, pathExists, resolvedMemo } from "./fs-cache.js";

/** Where a path leads, or why we cannot know (a dynamic shell word, a symlink loop): callers ask. */
export type Resolution =
  | { readonly kind: "path"; readonly path: AbsolutePath; readonly lexical: AbsolutePath }
  | { readonly kind: "unknown"; readonly reason: string };

/** Symlinks that a command creates before it writes through them (`ln -s /etc x && echo > x/f`): path → target. */
export type LinkOverlay = ReadonlyMap<string, string>;

/** Linux gives up after 40 links in one lookup (ELOOP). */
const MAX_LINK_HOPS = 40;

/** Normalise `p` against `base` (`..`, `.`, duplicate slashes), without touching the file system. */
export function absolutePath(p: string, base: string): AbsolutePath {
  return path.resolve(base, p) as AbsolutePath;
}

/** Follow `abs` (absolute, `..` not yet folded) through the file system. Each component is lstat-ed: a symlink is
 *  replaced by its target (relative targets against the link's directory), existing or not; `..` goes to the parent
 *  of what the path has become so far. A missing component is kept as written, as is everything below it. */
export function physicalPath(abs: string, overlay?: LinkOverlay): Resolution {
  if (hostFlavor() === "win32") return deepestAncestor(abs);
  if (!path.isAbsolute(abs)) return { kind: "unknown", reason: `"${abs}" is not an absolute path` };
  // Within one decision the same path is resolved many times; links a command creates (the overlay) change the
  // answer, so only overlay-free look-ups are remembered.
  const memo = overlay === undefined || overlay.size === 0 ? resolvedMemo() : undefined;
  const hit = memo?.get(abs) as Resolution | undefined;
  if (hit) return hit;
  const r = followLinks(abs, overlay);
  memo?.set(abs, r);
  return r;
}

function followLinks(abs: string, overlay: LinkOverlay | undefined): Resolution {
  const lexical = path.resolve(abs) as AbsolutePath;
  const pending = abs.split("/").filter((c) => c !== "");
  let current = "/";
  let hops = 0;
  while (pending.length > 0) {
    const component = pending.shift()!;
    if (component === ".") continue;
    if (component === "..") {
      current = path.dirname(current);
      continue;
    }
    const next = current === "/" ? `/${component}` : `${current}/${component}`;
    const target = overlay?.get(next) ?? linkTarget(next);
    if (target === undefined) {
      current = next;
      continue;
    }
    if (++hops > MAX_LINK_HOPS) return { kind: "unknown", reason: `too many symbolic links (a loop?) in ${abs}` };
    pending.unshift(...target.split("/").filter((c) => c !== ""));
    if (target.startsWith("/")) current = "/";
  }
  return { kind: "path", path: current as AbsolutePath, lexical };
}

/** Windows: junctions and links are followed by realpath of the deepest existing ancestor. */
function deepestAncestor(abs: string): Resolution {
  const lexical = path.resolve(abs) as AbsolutePath;
  let head: string = lexical;
  const tail: string[] = [];
  for (;;) {
    try {
      const real = fs.realpathSync.native(head);
      return { kind: "path", path: (tail.length ? path.join(real, ...tail.reverse()) : real) as AbsolutePath, lexical };
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return { kind: "path", path: lexical, lexical };
      tail.push(path.basename(head));
      head = parent;
    }
  }
}

/** Resolve symlinks through every existing component; a path we cannot follow (loop) stays lexical. */
export function realPath(p: AbsolutePath): AbsolutePath {
  // The context's directories (home, project, data dir…) nearly always exist: realpath(3) resolves one in a single
  // call, where the walk below costs an lstat per component. Linux only, where it keeps the case as written (macOS's
  // may not). A path it cannot resolve (missing, a loop, no permission) is walked: the walk says which.
  if (process.platform === "linux") {
    try {
      return fs.realpathSync.native(p) as AbsolutePath;
    } catch {
      // walked below
    }
  }
  const r = physicalPath(p);
  return r.kind === "path" ? r.path : p;
}

/** `p` against `base`, physically: `base/link/../x` is the link target's sibling, as the kernel sees it. */
export function resolveAgainst(p: string, base: string, overlay?: LinkOverlay): Resolution {
  if (p === "") return { kind: "unknown", reason: "an empty path" };
  if (p.includes("\0")) return { kind: "unknown", reason: "a path with a NUL byte" };
  return physicalPath(joinRaw("posix", base, p), overlay);
}

export function resolvePath(p: string, base: string): AbsolutePath {
  const r = resolveAgainst(p, base);
  return r.kind === "path" ? r.path : absolutePath(p, base);
}

/** `child` is `parent` or below it (`/repo-sibling` is not inside `/repo`), by the host's path rules. */
export function isInside(child: string, parent: string): boolean {
  return isInsideFor(hostFlavor(), child, parent);
}

/** Does a path (file or directory) exist, without following a final symlink? */
export function exists(p: string): boolean {
  return pathExists(p);
}

export function isDirectory(p: string): boolean {
  return isDirectoryPath(p);
}
