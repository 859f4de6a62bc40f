// compileGlob's shortcuts (a literal path or `dir/**` compared as strings, a fixed-text prefilter before minimatch)
// must answer exactly as minimatch with the same options does, including for near misses.
import path from "node:path";
import fc from "fast-check";
import { Minimatch } from "minimatch";
import { describe, expect, it } from "vitest";
import { compileGlob } from "../../src/paths/globs.js";

const OPTIONS = { dot: true, nonegate: true, nocomment: true, noext: true };
/** The reference: minimatch on the glob, and for `x/**` also on `x` itself (the directory counts as matched). */
function reference(glob: string, p: string): boolean {
  if (new Minimatch(glob, OPTIONS).match(p)) return true;
  return glob.endsWith("/**") && new Minimatch(glob.slice(0, -3), OPTIONS).match(p);
}

const GLOBS = [
  "/home/u/.claude/settings.json",
  "/home/u/.claude/hookwarden/**",
  "/etc/claude-code/**",
  "/repo/**/.claude/settings.local.json",
  "**/.git/hooks/**",
  "**/.git/config",
  "**/.env.*",
  "**/*.pem",
  "/home/u/.ssh/**",
  "/srv/app/config.{json,yaml}",
];
const PATHS = [
  "/home/u/.claude/settings.json", "/home/u/.claude/settings.json.bak", "/home/u/.claude/hookwarden", "/home/u/.claude/hookwarden/audit.jsonl",
  "/home/u/.claude/hookwarden-other/x", "/etc/claude-code", "/etc/claude-code-x", "/etc/claude-code/managed-settings.json", "/repo/.claude/settings.local.json",
  "/repo/a/b/.claude/settings.local.json", "/repo-sibling/.claude/settings.local.json", "/repo/.git/hooks/pre-commit", "/x/.git/config", "/x/.git/configs",
  "/x/.env.local", "/x/.env", "/x/key.pem", "/x/key.pem.txt", "/home/u/.ssh", "/home/u/.sshx/id", "/home/u/.ssh/id_rsa", "/srv/app/config.json", "/srv/app/config.toml",
];

describe("compileGlob", () => {
  it("agrees with minimatch on the table", () => {
    for (const glob of GLOBS) for (const p of PATHS) expect(compileGlob(glob).matches(p), `${glob} vs ${p}`).toBe(reference(glob, p));
  });
  // Callers pass resolved paths (no `.`, `..` or `//`); the globs may be written any way.
  it("agrees with minimatch on random literal trees and resolved paths built from the same pieces", () => {
    const seg = fc.constantFrom("a", "b", ".claude", "hookwarden", "x.json", "ab", ".");
    const abs = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join("/")}`);
    fc.assert(
      fc.property(abs, fc.boolean(), abs, (base, tree, raw) => {
        const glob = tree ? `${base}/**` : base;
        const p = path.posix.normalize(raw);
        return compileGlob(glob).matches(p) === reference(glob, p);
      }),
      { numRuns: 3000 },
    );
  });
});
