// A test Context: a temp project, HOME, outside dir, temp dir, data/config/managed/install dirs, and an empty policy.
// Everything lives under one directory in ~/.cache (not the system temp dir, which is always in the write scope);
// the context's temp dir is a sibling of the project, so HOME and "outside" are outside the write scope.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Context } from "../../src/context-types.js";
import type { EffectivePolicy, PathRule, PermissionRule } from "../../src/policy/types.js";
import type { AbsolutePath, PermissionMode } from "../../src/types.js";

export interface TestWorld {
  readonly root: string;
  readonly project: string;
  readonly home: string;
  readonly outside: string;
  readonly tmp: string;
  readonly install: string;
  readonly managed: string;
  ctx(overrides?: Omit<Partial<Context>, "policy"> & { policy?: Partial<EffectivePolicy> }): Context;
  /** Create a file (parents too) and return its path. */
  file(p: string, content?: string): string;
  dir(p: string): string;
  link(p: string, target: string): string;
  cleanup(): void;
}

export function emptyPolicy(overrides: Partial<EffectivePolicy> = {}): EffectivePolicy {
  return {
    rules: [], inactiveProjectAllows: [], blocklistAdd: [], blocklistRemove: [], domains: [], additionalDirectories: [],
    allowTempDir: true, credentialPaths: [], protectedPaths: [], mcp: [],
    audit: { enabled: false, retentionDays: 30, maxBytes: 1_000_000 }, problems: [], files: [],
    ...overrides,
  };
}

export function pathRule(glob: string, layer: PathRule["layer"] = "user"): PathRule {
  return { glob, layer, file: `/test/${layer}.json` };
}

export function permissionRule(raw: string, behavior: PermissionRule["behavior"], base: string, layer: PermissionRule["layer"] = "project"): PermissionRule {
  const m = /^(\w+)\((.*)\)$/.exec(raw);
  return { behavior, tool: m ? m[1]! : raw, ...(m ? { specifier: m[2]! } : {}), raw, id: `settings.${behavior}`, layer, file: `/test/${layer}/settings.json`, base };
}

/** Not under the system temp dir: /tmp is in every write scope, and "outside" must be outside. */
export function sandboxBase(): string {
  const base = path.join(os.homedir(), ".cache", "hookwarden-tests");
  fs.mkdirSync(base, { recursive: true });
  return base;
}

export function makeWorld(): TestWorld {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(sandboxBase(), "paths-")));
  const project = path.join(root, "repo");
  const home = path.join(root, "home");
  const outside = path.join(root, "repo-sibling");
  const tmp = path.join(root, "tmp");
  const install = path.join(root, "plugin");
  const managed = path.join(root, "managed");
  for (const d of [project, home, outside, tmp, install, managed, path.join(project, ".git"), path.join(project, "src"), path.join(home, ".claude")]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(project, "README.md"), "# demo\n");
  fs.writeFileSync(path.join(project, "src", "index.ts"), "export const x = 1;\n");
  const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(project, p));
  return {
    root, project, home, outside, tmp, install, managed,
    ctx(overrides = {}) {
      const { policy, ...rest } = overrides;
      const base: Context = {
        projectRoot: project as AbsolutePath,
        cwd: project as AbsolutePath,
        home: home as AbsolutePath,
        tmpDir: tmp as AbsolutePath,
        mode: "default" as PermissionMode,
        sessionId: "test",
        writeScope: [project as AbsolutePath, tmp as AbsolutePath],
        policy: emptyPolicy(policy),
        trusted: false,
        dataDir: path.join(home, ".claude", "hookwarden") as AbsolutePath,
        configDir: path.join(home, ".claude") as AbsolutePath,
        managedDir: managed as AbsolutePath,
        installDir: install as AbsolutePath,
        knownMcpServers: [],
      };
      return { ...base, ...rest };
    },
    file(p, content = "x") {
      const f = abs(p);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, content);
      return f;
    },
    dir(p) {
      const d = abs(p);
      fs.mkdirSync(d, { recursive: true });
      return d;
    },
    link(p, target) {
      const l = abs(p);
      fs.mkdirSync(path.dirname(l), { recursive: true });
      fs.symlinkSync(target, l);
      return l;
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
