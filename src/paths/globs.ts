// Compiled path globs for deny-type lists (credentials, protected paths, Read/Edit rules). minimatch's own limits
// turn a pathological pattern into a non-match, and in a deny list a non-match is an allow: so every pattern is
// compiled once with explicit options, length-capped, and an over-long pattern matches everything under its fixed
// prefix instead of nothing.
import { Minimatch } from "minimatch";
import { caseInsensitiveHost } from "./flavor.js";

const MAX_GLOB_LENGTH = 1024;

export interface CompiledGlob {
  readonly glob: string;
  /** The fixed directory part before the first glob character (`/home/u/.ssh` for `/home/u/.ssh/**`). */
  readonly root: string;
  /** The pattern names a whole tree (`dir/**`): the directory itself counts as matched. */
  readonly tree: boolean;
  matches(p: string): boolean;
}

export function compileGlob(glob: string): CompiledGlob {
  const root = staticPrefix(glob);
  const tree = glob.endsWith("/**");
  if (glob.length > MAX_GLOB_LENGTH) {
    // Fail closed: an over-long pattern protects its whole fixed prefix.
    return { glob, root, tree: true, matches: (p) => p === root || p.startsWith(root.endsWith("/") ? root : `${root}/`) };
  }
  const mm = new Minimatch(glob, { dot: true, nonegate: true, nocomment: true, nocase: caseInsensitiveHost(), noext: true });
  const treeRoot = tree ? glob.slice(0, -3) : undefined;
  const rootMm = treeRoot !== undefined ? new Minimatch(treeRoot, { dot: true, nonegate: true, nocomment: true, nocase: caseInsensitiveHost(), noext: true }) : undefined;
  return {
    glob,
    root,
    tree,
    matches: (p) => mm.match(p) || (rootMm?.match(p) ?? false),
  };
}

/** The directory part of a glob before its first component with a glob character. */
export function staticPrefix(glob: string): string {
  const parts = glob.split("/");
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[\]{}]/.test(part)) break;
    fixed.push(part);
  }
  const joined = fixed.join("/");
  return joined === "" ? "/" : joined;
}
