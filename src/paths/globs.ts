// Compiled path globs for deny-type lists (credentials, protected paths, Read/Edit rules). minimatch's own limits
// turn a pathological pattern into a non-match, and in a deny list a non-match is an allow: so every pattern is
// compiled once with explicit options, length-capped, and an over-long pattern matches everything under its fixed
// prefix instead of nothing.
import { Minimatch } from "minimatch";
import { caseInsensitiveHost } from "./flavor.js";

const MAX_GLOB_LENGTH = 1024;
/** What minimatch treats as special (globs are compiled with noext, so `+(…)`-style groups are not). */
const MAGIC = /[*?[\]{}\\]/;
/** A path that `path.posix.normalize` would change: `//`, `.` or `..` components, a trailing slash. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

export interface CompiledGlob {
  readonly glob: string;
  /** The fixed directory part before the first glob character (`/home/u/.ssh` for `/home/u/.ssh/**`). */
  readonly root: string;
  /** The pattern names a whole tree (`dir/**`): the directory itself counts as matched. */
  readonly tree: boolean;
  matches(p: string): boolean;
}

export function compileGlob(glob: string): CompiledGlob {
  const tree = glob.endsWith("/**");
  if (glob.length > MAX_GLOB_LENGTH) {
    // Fail closed: an over-long pattern protects its whole fixed prefix.
    const root = staticPrefix(glob);
    return { glob, root, tree: true, matches: (p) => p === root || p.startsWith(root.endsWith("/") ? root : `${root}/`) };
  }
  let root: string | undefined;
  let matches: ((p: string) => boolean) | undefined;
  // Both made on first use: a hook call consults a few dozen globs, cold, and most answer from a string test.
  return {
    glob,
    tree,
    get root() {
      return (root ??= staticPrefix(glob));
    },
    matches: (p) => (matches ??= matcher(glob, tree))(p),
  };
}

function matcher(glob: string, tree: boolean): (p: string) => boolean {
  const nocase = caseInsensitiveHost();
  // No glob character at all (a settings file, the data dir's `dir/**`): a string comparison says it all.
  const exact = tree ? glob.slice(0, -3) : glob;
  if (!nocase && exact.startsWith("/") && !MAGIC.test(exact) && !NOT_NORMAL.test(exact)) {
    const below = `${exact}/`;
    return (p) => p === exact || (tree && p.startsWith(below));
  }
  const needle = nocase ? undefined : fixedText(glob, tree);
  // minimatch is built on the first path the fixed-text test cannot rule out: most globs are never compiled at all.
  // Most paths are tested against every entry of a list (a directory walk tests each file against every credential
  // glob): a path that lacks the pattern's fixed text cannot match, and minimatch need not run.
  let mm: ((p: string) => boolean) | undefined;
  const compile = (): ((p: string) => boolean) => {
    const options = { dot: true, nonegate: true, nocomment: true, nocase, noext: true };
    const full = new Minimatch(glob, options);
    const rootMm = tree ? new Minimatch(exact, options) : undefined;
    return (p) => full.match(p) || (rootMm?.match(p) ?? false);
  };
  return (p) => (needle === undefined || (tree ? p : lastComponent(p)).includes(needle)) && (mm ??= compile())(p);
}

// For a basename glob (`**/*.pem`, `**/.env.*`): text every matching file name contains, else undefined.
export function basenameHint(glob: string): string | undefined {
  if (!glob.startsWith("**/") || glob.slice(3).includes("/")) return undefined;
  return caseInsensitiveHost() ? undefined : fixedText(glob, false);
}

/** Text every path the glob matches contains, or undefined when we cannot be sure. Not a tree (`x/*.pem`): the
 *  longest fixed run of the last component (`.pem`), found in the path's last component. A tree (`~/.ssh/**`): its
 *  directory's last component (`.ssh`), found anywhere in the path. Only plain components count: no classes,
 *  escapes or braces, not `.`/`..` (minimatch folds those), not a globstar. */
function fixedText(glob: string, tree: boolean): string | undefined {
  if (/[[\]\\{}]/.test(glob)) return undefined;
  const body = tree ? glob.slice(0, -3) : glob;
  const last = body.slice(body.lastIndexOf("/") + 1);
  if (last === "" || last === "." || last === ".." || last.includes("**")) return undefined;
  const runs = last.split(/[*?!@+()|]+/);
  if (tree) return runs.length === 1 ? last : undefined;
  let best = "";
  for (const run of runs) if (run.length > best.length) best = run;
  return best === "" ? undefined : best;
}

/** The last non-empty component of a path, as minimatch splits it (several slashes are one separator). The same
 *  path is usually tested against a whole list of globs in a row: the last answer is kept. */
let lastPath = "";
let lastPathComponent = "";
function lastComponent(p: string): string {
  if (p === lastPath) return lastPathComponent;
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
  lastPath = p;
  lastPathComponent = p.slice(p.lastIndexOf("/", end - 1) + 1, end);
  return lastPathComponent;
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
