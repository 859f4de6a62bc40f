// Path flavours: POSIX and Windows spelling rules (drive letters, backslashes, UNC, case-insensitive compare) as pure
// string functions. No file system here; resolve.ts does the I/O and picks the flavour of the running platform.
import path from "node:path";

export type PathFlavor = "posix" | "win32";

/** The flavour of the running platform. */
export function hostFlavor(platform: NodeJS.Platform = process.platform): PathFlavor {
  return platform === "win32" ? "win32" : "posix";
}

/** File systems that compare names without case by default (NTFS, APFS/HFS+): glob matches use `nocase` there. */
export function caseInsensitiveHost(platform: NodeJS.Platform = process.platform): boolean {
  return platform === "win32" || platform === "darwin";
}

/** `C:\x`, `C:/x`, `\\server\share\x`, `\\?\C:\x`. A bare `C:x` is drive-relative, not absolute. */
export function isWindowsAbsolute(p: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(p) || /^[\\/]{2}[^\\/]/.test(p);
}

/** MSYS / Git Bash spelling of a drive path: `/c/Users/x` → `C:\Users\x`; anything else unchanged. */
export function fromMsysPath(p: string): string {
  const m = /^\/([A-Za-z])(\/.*)?$/.exec(p);
  if (!m) return p;
  return `${m[1]!.toUpperCase()}:${(m[2] ?? "/").replace(/\//g, "\\")}`;
}

/** Canonical Windows spelling: backslashes, `.`/`..` folded, upper-case drive, no `\\?\` prefix, no trailing `\`. */
export function normaliseWindowsPath(p: string): string {
  let s = p.replace(/\//g, "\\");
  // "\\?\C:\x" and "\\.\C:\x" are the same file as "C:\x"; "\\?\UNC\srv\share" is "\\srv\share".
  if (/^\\\\[?.]\\UNC\\/i.test(s)) s = `\\\\${s.slice(8)}`;
  else if (/^\\\\[?.]\\[A-Za-z]:/.test(s)) s = s.slice(4);
  s = path.win32.normalize(s);
  if (/^[a-z]:/.test(s)) s = s[0]!.toUpperCase() + s.slice(1);
  if (s.length > 3 && s.endsWith("\\")) s = s.slice(0, -1);
  return s;
}

/** Normalise for the flavour without touching the file system. */
export function normaliseFor(flavor: PathFlavor, p: string): string {
  return flavor === "win32" ? normaliseWindowsPath(p) : path.posix.normalize(p);
}

export function isAbsoluteFor(flavor: PathFlavor, p: string): boolean {
  return flavor === "win32" ? isWindowsAbsolute(p) : p.startsWith("/");
}

/** `child` is `parent` or below it, by the flavour's rules: Windows compares case-insensitively and treats `/` and
 *  `\` alike. `/repo-sibling` is never inside `/repo`. Both paths must be absolute in that flavour. */
export function isInsideFor(flavor: PathFlavor, child: string, parent: string): boolean {
  if (flavor === "win32") {
    const c = normaliseWindowsPath(child).toLowerCase();
    const p = normaliseWindowsPath(parent).toLowerCase();
    if (c === p) return true;
    const prefix = p.endsWith("\\") ? p : `${p}\\`;
    return c.startsWith(prefix);
  }
  const c = normalPosix(child);
  const p = normalPosix(parent);
  if (c === p) return true;
  const prefix = p.endsWith("/") ? p : `${p}/`;
  return c.startsWith(prefix);
}

/** `//`, a `.` or `..` component, or a trailing slash: what path.posix.normalize would change in an absolute path. */
const NOT_NORMAL = /\/\/|\/\.\.?(\/|$)|.\/$/;

/** path.posix.normalize, without the work for the usual absolute path that is already normal (`/home/u/x`). */
function normalPosix(p: string): string {
  return p.charCodeAt(0) === 47 && !NOT_NORMAL.test(p) ? p : path.posix.normalize(p);
}

/** Join a relative path onto an absolute base without folding `..` (resolve.ts folds it physically). */
export function joinRaw(flavor: PathFlavor, base: string, rel: string): string {
  if (isAbsoluteFor(flavor, rel)) return rel;
  const sep = flavor === "win32" ? "\\" : "/";
  return base.endsWith("/") || base.endsWith("\\") ? `${base}${rel}` : `${base}${sep}${rel}`;
}
