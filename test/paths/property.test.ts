// Property tests against the operating system as the oracle: random paths made of `..`, `.`, symlink chains, dangling
// links and look-alike prefixes (`/repo` vs `/repo-sibling`). We write a file through each path in a sandbox, see
// where the kernel put it, and require (1) the resolver names exactly that place and (2) the scope test agrees with
// it — so nothing that lands outside is ever called inside. A second property runs real bash commands (cd, pushd,
// subshells, redirections, touch) and requires that a file created outside the project was denied or asked.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkShellPaths } from "../../src/checks/shell-paths.js";
import { isInside, resolveAgainst } from "../../src/paths/resolve.js";
import { inWriteScope } from "../../src/paths/scope.js";
import type { AbsolutePath } from "../../src/types.js";
import { emptyPolicy, sandboxBase } from "./context.js";
import { commands } from "./fixtures.js";

const top = fs.realpathSync(fs.mkdtempSync(path.join(sandboxBase(), "prop-")));
afterAll(() => fs.rmSync(top, { recursive: true, force: true }));
// Nested deep enough that no generated chain of `..` climbs out of the sandbox: bash really runs these commands.
const root = path.join(top, "n1/n2/n3/n4/n5/n6/n7/n8/n9/n10/n11/n12");
const repo = path.join(root, "repo");
const sibling = path.join(root, "repo-sibling");
const out = path.join(root, "out");
for (const d of [repo, path.join(repo, "sub", "deep"), sibling, path.join(out, "o")]) fs.mkdirSync(d, { recursive: true });
const links: [string, string][] = [
  ["repo/l-out", "../out"], // relative, leaves the scope
  ["repo/l-sib", sibling], // absolute, to the look-alike prefix
  ["repo/l-in", "sub"], // stays inside
  ["repo/c1", "c2"], ["repo/c2", "c3"], ["repo/c3", "../repo-sibling"], // a chain
  ["repo/dangle", "../out/new-file"], // dangling: a write creates the target
  ["repo/dangle-in", "sub/new-file"],
  ["repo/sub/up", ".."], // back to repo
  ["repo/sub/far", "../../out/o"],
  ["out/back", "../repo"], // outside → inside
  ["out/o/loop", "loop"],
];
for (const [l, t] of links) fs.symlinkSync(t, path.join(root, l));

/** Every regular file under `dir`, not following links. */
function files(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) found.add(p);
    }
  };
  walk(dir);
  return found;
}
const before = files(top);
function created(): string[] {
  return [...files(top)].filter((f) => !before.has(f));
}
function cleanCreated(): void {
  for (const f of created()) fs.rmSync(f);
}

const component = fc.constantFrom("..", ".", "sub", "deep", "l-out", "l-sib", "l-in", "c1", "dangle", "dangle-in", "up", "far", "back", "o", "loop", "repo", "repo-sibling", "out", "new");
const base = fc.constantFrom(root, repo, path.join(repo, "sub"), out);

describe("resolver vs the kernel", () => {
  it("names exactly where a write lands, and never calls an outside landing inside", () => {
    fc.assert(
      fc.property(base, fc.array(component, { minLength: 1, maxLength: 7 }), fc.constantFrom("f", "new-name"), (b, parts, leaf) => {
        const rel = [...parts, leaf].join("/");
        const r = resolveAgainst(rel, b);
        // The raw string, not path.join: join folds `..` lexically, the kernel does not.
        try {
          fs.writeFileSync(`${b}/${rel}`, "x", { flag: "w" });
        } catch {
          /* ENOENT / ELOOP / EISDIR / ENOTDIR: the kernel refused */
        }
        const landed = created()[0];
        cleanCreated();
        if (landed === undefined) return; // ENOENT/ELOOP/EISDIR: no write happened; any answer is safe
        expect(r.kind).toBe("path");
        if (r.kind !== "path") return;
        // A write through an existing file or a dangling link lands at the link's real target.
        expect(r.path).toBe(landed);
        expect(inWriteScope(r.path, { writeScope: [repo as AbsolutePath] }) !== undefined).toBe(isInside(landed, repo));
      }),
      { numRuns: 600 },
    );
  });

  it("never puts a /repo-sibling path inside /repo", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "..", "."), { maxLength: 5 }), fc.constantFrom("-sibling", "2", ".bak", "_x", ""), (parts, suffix) => {
        const p = `${repo}${suffix}/${parts.join("/")}`;
        const lexical = path.resolve(p);
        const expected = lexical === repo || lexical.startsWith(`${repo}/`);
        expect(isInside(lexical, repo)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

const hasBash = spawnSync("bash", ["-c", "true"]).status === 0;

describe.skipIf(!hasBash)("shell paths vs real bash", () => {
  const ctx = {
    projectRoot: repo, cwd: repo, home: path.join(root, "out"), tmpDir: path.join(root, "no-tmp"), mode: "default", sessionId: "p",
    writeScope: [repo], policy: emptyPolicy(), trusted: false, dataDir: path.join(root, "data"), configDir: path.join(root, "cfg"),
    managedDir: path.join(root, "managed"), knownMcpServers: [],
  } as unknown as Parameters<typeof checkShellPaths>[1];

  const dir = fc.constantFrom("..", "sub", "l-out", "l-sib", "l-in", "c1", "sub/up", "sub/far", "out", "../out/back", "~", root, "nope", "sub/deep", "-");
  const target = fc.tuple(fc.array(fc.constantFrom("..", ".", "sub", "l-out", "l-in", "up", "c1", "dangle", "back", "far"), { maxLength: 4 }), fc.constantFrom("t1", "t2"))
    .map(([p, leaf]) => [...p, leaf].join("/"));
  const step = fc.oneof(
    dir.map((d) => `cd ${d}`),
    dir.map((d) => `(cd ${d})`),
    dir.map((d) => `pushd ${d} >/dev/null`),
    fc.constant("popd >/dev/null"),
    target.map((t) => `echo x > ${t}`),
    target.map((t) => `touch ${t}`),
    fc.tuple(dir, target).map(([d, t]) => `(cd ${d} && echo x > ${t})`),
  );
  const script = fc.array(step, { minLength: 1, maxLength: 4 }).map((s) => s.join("; "));

  it("a file bash creates outside the project was denied or asked", () => {
    fc.assert(
      fc.property(script, fc.constantFrom("; ", " && "), (src, sep) => {
        const source = src.split("; ").join(sep);
        const findings = checkShellPaths(commands(source), ctx).filter((f) => f.severity === "deny" || f.severity === "ask");
        spawnSync("bash", ["-c", source], { cwd: repo, env: { PATH: process.env.PATH, HOME: path.join(root, "out") }, stdio: "ignore" });
        const made = created();
        cleanCreated();
        const outsideMade = made.filter((f) => !isInside(f, repo));
        if (outsideMade.length > 0) expect(findings.length, `${source} created ${outsideMade.join(", ")}`).toBeGreaterThan(0);
        // The converse is not a property: a deny is right when a command would write outside but fails at run time
        // (a missing directory), so bash creating nothing outside does not make a deny wrong.
      }),
      { numRuns: 150 },
    );
  }, 180_000); // each run starts bash
});
