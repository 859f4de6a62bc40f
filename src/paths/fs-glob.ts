// Glob words as the shell expands them at run time: component by component against the file system, `*` not
// matching a leading dot unless the pattern spells it. Bounded: a huge tree is cut off, and callers also test the
// pattern itself against known credential / protected locations, so a cut-off never turns into an allow.
import path from "node:path";
import { Minimatch } from "minimatch";
import { caseInsensitiveHost } from "./flavor.js";
import { directoryEntries, pathExists } from "./fs-cache.js";

const MAX_MATCHES = 256;
/** No path on Linux or macOS is longer (PATH_MAX); minimatch refuses patterns over 64 KB. */
export const MAX_GLOB = 4096;
const MAGIC = /(?<!\\)[*?[]/;

/** Matches of `pattern` (minimatch syntax from word.ts; relative to `cwd` unless absolute), spelled as the shell
 *  would pass them (relative stays relative). Empty when nothing matches. */
export function expandGlob(pattern: string, cwd: string): string[] {
  if (pattern.length > MAX_GLOB) return []; // argv.ts makes such a word unknown before it gets here
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/").filter((p, i) => p !== "" || i === 0);
  let current: { fs: string; shown: string }[] = [{ fs: absolute ? "/" : cwd, shown: absolute ? "/" : "" }];
  for (const part of absolute ? parts.slice(1) : parts) {
    const next: { fs: string; shown: string }[] = [];
    if (!MAGIC.test(part)) {
      const name = part.replace(/\\(.)/g, "$1");
      for (const c of current) next.push({ fs: path.join(c.fs, name), shown: join(c.shown, name) });
    } else {
      const mm = shellGlob(part, part.startsWith(".") || part.startsWith("\\."));
      for (const c of current) {
        const entries = directoryEntries(c.fs);
        if (entries === undefined) continue; // not a directory / not readable: the shell finds nothing there either
        for (const n of entries.map((e) => e.name).sort()) {
          if (n === "." || n === "..") continue;
          if (mm.match(n)) next.push({ fs: path.join(c.fs, n), shown: join(c.shown, n) });
          if (next.length > MAX_MATCHES) break;
        }
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current.filter((c) => pathExists(c.fs)).map((c) => c.shown).slice(0, MAX_MATCHES);
}

function join(shown: string, name: string): string {
  if (shown === "") return name;
  return shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}`;
}

/** Could the glob `pattern` (absolute) match `candidate` (absolute)? Bash rules: no leading-dot match by `*`. */
export function globCouldMatch(pattern: string, candidate: string): boolean {
  if (pattern.length > MAX_GLOB) return true; // too long to compile cheaply: assume the worst
  return shellGlob(pattern, false).match(candidate);
}

/** Compiled shell-glob matchers, reused: the same few patterns are tested against many candidates (every protected
 *  or credential location) and compiling one costs more than matching it. A matcher holds no state between calls. */
const compiledGlobs = new Map<string, Minimatch>();
const MAX_COMPILED = 512;

function shellGlob(pattern: string, dot: boolean): Minimatch {
  const key = `${dot ? 1 : 0}${pattern}`;
  let mm = compiledGlobs.get(key);
  if (mm === undefined) {
    if (compiledGlobs.size >= MAX_COMPILED) compiledGlobs.clear();
    mm = new Minimatch(pattern, { dot, nobrace: true, noext: true, nocase: caseInsensitiveHost(), nonegate: true, nocomment: true });
    compiledGlobs.set(key, mm);
  }
  return mm;
}
