// Path resolution: `..` after symlinks, dangling links (last and intermediate), chains, loops, relative targets.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { absolutePath, isInside, physicalPath, realPath, resolveAgainst, resolvePath } from "../../src/paths/resolve.js";
import { makeWorld } from "./context.js";

const w = makeWorld();
afterAll(() => w.cleanup());

w.link("vendor", w.outside); // repo/vendor → repo-sibling (absolute)
w.link("rel", "../repo-sibling"); // relative target
w.link("chain1", "chain2");
w.link("chain2", "chain3");
w.link("chain3", w.outside);
w.link("dangling", path.join(w.outside, "new-file")); // target does not exist yet
w.link("dangling-dir", path.join(w.outside, "no-dir")); // an intermediate that does not exist
w.link("loop1", "loop2");
w.link("loop2", "loop1");
w.link("inward", "src"); // a link that stays inside
w.dir(path.join(w.outside, "deep"));
w.link(path.join(w.outside, "back"), w.project);

const at = (p: string) => {
  const r = resolveAgainst(p, w.project);
  return r.kind === "path" ? r.path : `unknown: ${r.reason}`;
};

describe("resolveAgainst", () => {
  it.each([
    ["README.md", "repo/README.md"],
    ["./src/../README.md", "repo/README.md"],
    ["new/dir/file", "repo/new/dir/file"],
    ["../f", "f"],
    ["vendor/x", "repo-sibling/x"],
    ["rel/x", "repo-sibling/x"],
    ["chain1/x", "repo-sibling/x"],
    ["dangling", "repo-sibling/new-file"],
    ["dangling-dir/x", "repo-sibling/no-dir/x"],
    ["inward/index.ts", "repo/src/index.ts"],
    // The kernel resolves `..` after following the link: vendor/.. is the parent of repo-sibling, not repo.
    ["vendor/../f", "f"],
    ["vendor/deep/../../repo/x", "repo/x"],
    ["vendor/back/x", "repo/x"],
    ["/", "/"],
  ])("%s → %s", (p, expected) => {
    expect(at(p)).toBe(expected === "/" ? "/" : path.join(w.root, expected));
  });

  it("reports a symlink loop as unknown", () => {
    expect(at("loop1/x")).toMatch(/^unknown: too many symbolic links/);
  });

  it("rejects empty and NUL paths", () => {
    expect(resolveAgainst("", w.project).kind).toBe("unknown");
    expect(resolveAgainst("a\0b", w.project).kind).toBe("unknown");
  });

  it("keeps the lexical spelling beside the real one", () => {
    const r = resolveAgainst("vendor/x", w.project);
    expect(r.kind === "path" && r.lexical).toBe(path.join(w.project, "vendor/x"));
  });

  it("agrees with the OS for every existing path", () => {
    for (const p of ["README.md", "vendor", "rel", "chain1", "inward/index.ts", "vendor/back/src"]) {
      expect(at(p)).toBe(fs.realpathSync(path.join(w.project, p)));
    }
  });
});

describe("legacy names keep working", () => {
  it("absolutePath is lexical, realPath and resolvePath follow links", () => {
    expect(absolutePath("vendor/../x", w.project)).toBe(path.join(w.project, "x"));
    expect(realPath(absolutePath("vendor/x", w.project))).toBe(path.join(w.outside, "x"));
    expect(resolvePath("vendor/../x", w.project)).toBe(path.join(w.root, "x"));
  });
  it("physicalPath refuses relative input", () => {
    expect(physicalPath("x").kind).toBe("unknown");
  });
});

describe("isInside", () => {
  it.each([
    ["/repo", "/repo", true],
    ["/repo/a/b", "/repo", true],
    ["/repo-sibling", "/repo", false],
    ["/repo-sibling/x", "/repo", false],
    ["/rep", "/repo", false],
    ["/", "/repo", false],
    ["/repo/", "/repo", true],
    ["/anything", "/", true],
  ])("%s inside %s: %s", (child, parent, expected) => {
    expect(isInside(child, parent)).toBe(expected);
  });
});
