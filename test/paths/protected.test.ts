// Protected paths: Claude Code settings, hookwarden policy files, data/managed/install dirs, git hooks and config.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { matchProtected, protectedBelow } from "../../src/paths/protected.js";
import { makeWorld, pathRule } from "./context.js";

const w = makeWorld();
afterAll(() => w.cleanup());
const ctx = w.ctx({ policy: { protectedPaths: [pathRule(path.join(w.project, "ci/**"), "project")] } });
const r = (p: string) => path.join(w.project, p);

describe("matchProtected", () => {
  it.each([
    [r(".claude/settings.json"), "self-protect.settings"],
    [r(".claude/settings.local.json"), "self-protect.settings"],
    [r(".claude/hookwarden.json"), "self-protect.settings"],
    [r(".claude/hookwarden.local.json"), "self-protect.settings"],
    [r("packages/app/.claude/settings.json"), "self-protect.settings"],
    [path.join(w.home, ".claude/settings.json"), "self-protect.settings"],
    [path.join(w.home, ".claude/hookwarden.json"), "self-protect.settings"],
    [path.join(w.home, ".claude/hookwarden/trust.json"), "self-protect.data"],
    [path.join(w.home, ".claude/hookwarden"), "self-protect.data"],
    [path.join(w.managed, "managed-settings.json"), "self-protect.managed"],
    [path.join(w.install, "dist/pre-tool-use.cjs"), "self-protect.install"],
    [r(".git/hooks/pre-commit"), "self-protect.git-hooks"],
    [r(".git/hooks"), "self-protect.git-hooks"],
    [r(".git/config"), "self-protect.git-config"],
    [r(".git/modules/sub/hooks/post-checkout"), "self-protect.git-hooks"],
    [r("ci/deploy.yml"), "self-protect.policy"],
  ])("%s → %s", (p, id) => {
    expect(matchProtected(p, ctx)?.id).toBe(id);
  });

  it.each([r(".claude/commands/x.md"), r(".claude/agents/a.md"), r(".git/HEAD"), r(".git/objects/ab/cd"), r("src/settings.json"), r(".github/workflows/ci.yml"), path.join(w.home, ".claude/projects/x.jsonl")])(
    "%s is not protected", (p) => {
      expect(matchProtected(p, ctx)).toBeUndefined();
    },
  );

  it("sees existing protected files below a directory (rm -r, mv)", () => {
    w.file(".claude/settings.json", "{}");
    w.file(".git/hooks/pre-commit", "#!/bin/sh");
    expect(protectedBelow(r(".claude"), ctx)?.id).toBe("self-protect.settings");
    expect(protectedBelow(r(".git"), ctx)?.id).toBe("self-protect.git-hooks");
    expect(protectedBelow(w.project, ctx)).toBeDefined();
    expect(protectedBelow(r("src"), ctx)).toBeUndefined();
    expect(protectedBelow(r(".claude/settings.json"), ctx)).toBeUndefined(); // the file itself is matchProtected's job
  });

  it("finds nested settings below a directory by walking the project part of it", () => {
    w.file("packages/app/.claude/settings.local.json", "{}");
    w.file("packages/lib/x.ts", "x");
    w.file("clone/.git/config", "[core]");
    expect(protectedBelow(r("packages"), ctx)?.id).toBe("self-protect.settings");
    expect(protectedBelow(r("packages/app/.claude"), ctx)?.id).toBe("self-protect.settings");
    expect(protectedBelow(path.dirname(w.project), ctx)).toBeDefined(); // above the project: the project is walked
    expect(protectedBelow(r("packages/lib"), ctx)).toBeUndefined();
    expect(protectedBelow(r("clone"), ctx)).toBeUndefined(); // a nested repository's .git is not walked
    expect(protectedBelow(w.outside, ctx)).toBeUndefined();
  });

  it("walks every file when a policy protects its own paths", () => {
    w.file("ci/deploy.yml", "x");
    expect(protectedBelow(r("ci"), ctx)?.id).toBe("self-protect.policy");
    expect(protectedBelow(r("ci"), w.ctx())).toBeUndefined();
  });
});
