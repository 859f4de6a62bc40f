// Glob words as the shell expands them at run time: component by component against the file system, `*` not
// matching a leading dot unless the pattern spells it. Bounded: a huge tree is cut off, and callers also test the
// pattern itself against known credential / protected locations, so a cut-off never turns into an allow.
import fs from "node:fs";
import path from "node:path";
import { Minimatch } from "minimatch";
import { caseInsensitiveHost } from "./flavor.js";

const MAX_MATCHES = 256;
const MAGIC = /(?<!\\)[*?[]/;

/** Matches of `pattern` (minimatch syntax from word.ts; relative to `cwd` unless absolute), spelled as the shell
 *  would pass them (relative stays relative). Empty when nothing matches. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/").filter((p, i) => p !== "" || i === 0);
  let current: { fs: string; shown: string }[] = [{ fs: absolute ? "/" : cwd, shown: absolute ? "/" : "" }];
  for (const part of absolute ? parts.slice(1) : parts) {
    const next: { fs: string; shown: string }[] = [];
    if (!MAGIC.test(part)) {
      const name = part.replace(/\\(.)/g, "$1");
      for (const c of current) next.push({ fs: path.join(c.fs, name), shown: join(c.shown, name) });
    } else {
      const mm = new Minimatch(part, { dot: part.startsWith(".") || part.startsWith("\\."), nobrace: true, noext: true, nocase: caseInsensitiveHost(), nonegate: true, nocomment: true });
      for (const c of current) {
        let names: string[];
        try {
          names = fs.readdirSync(c.fs);
        } catch {
          continue; // not a directory / not readable: the shell finds nothing there either
        }
        for (const n of names.sort()) {
          if (n === "." || n === "..") continue;
          if (mm.match(n)) next.push({ fs: path.join(c.fs, n), shown: join(c.shown, n) });
          if (next.length > MAX_MATCHES) break;
        }
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current.filter((c) => exists(c.fs)).map((c) => c.shown).slice(0, MAX_MATCHES);
}

function join(shown: string, name: string): string {
  if (shown === "") return name;
  return shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}`;
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Could the glob `pattern` (absolute) match `candidate` (absolute)? Bash rules: no leading-dot match by `*`. */
export function globCouldMatch(pattern: string, candidate: string): boolean {
  return new Minimatch(pattern, { dot: false, nobrace: true, noext: true, nocase: caseInsensitiveHost(), nonegate: true, nocomment: true }).match(candidate);
}
