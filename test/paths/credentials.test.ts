// Credential paths: the DESIGN.md list, exceptions, directory roots, policy additions with their layer.
import path from "node:path";
import fc from "fast-check";
import { Minimatch } from "minimatch";
import { afterAll, describe, expect, it } from "vitest";
import { credentialBelow, credentialFileUnder, CREDENTIAL_PATHS, matchCredential } from "../../src/paths/credentials.js";
import { makeWorld, pathRule } from "./context.js";

const w = makeWorld();
afterAll(() => w.cleanup());
const ctx = w.ctx({ policy: { credentialPaths: [pathRule("/srv/secrets/**", "managed"), pathRule(path.join(w.project, "config/master.key*"), "project")] } });
const h = (p: string) => path.join(w.home, p);
const r = (p: string) => path.join(w.project, p);

describe("matchCredential", () => {
  it.each([
    [h(".ssh/id_rsa"), "credentials.ssh"],
    [h(".ssh/config"), "credentials.ssh"],
    [h(".ssh"), "credentials.ssh"], // a search rooted at the folder reads it all
    [h(".aws/credentials"), "credentials.aws"],
    [h(".gnupg/private-keys-v1.d/x.key"), "credentials.gnupg"],
    [h(".netrc"), "credentials.netrc"],
    [h(".git-credentials"), "credentials.git-credentials"],
    [h(".npmrc"), "credentials.npmrc"],
    [h(".pypirc"), "credentials.pypirc"],
    [h(".docker/config.json"), "credentials.docker"],
    [h(".kube/config"), "credentials.kube"],
    [h(".config/gh/hosts.yml"), "credentials.gh"],
    [h(".config/gcloud/application_default_credentials.json"), "credentials.gcloud"],
    [h(".azure/accessTokens.json"), "credentials.azure"],
    [r(".env"), "credentials.env"],
    [r(".env.local"), "credentials.env"],
    [r("packages/api/.env.production"), "credentials.env"],
    ["/etc/app/.env", "credentials.env"],
    [r(".dev.vars"), "credentials.env"],
    [r("deploy/id_rsa"), "credentials.private-key"],
    [r("id_ed25519_deploy"), "credentials.private-key"],
    [r("certs/server.pem"), "credentials.key-file"],
    [r("tls.key"), "credentials.key-file"],
    [r("store.p12"), "credentials.key-file"],
    [r("store.pfx"), "credentials.key-file"],
    ["/srv/secrets/db/password", "credentials.policy"],
    [r("config/master.key"), "credentials.key-file"],
    [h(".claude/.credentials.json"), "credentials.claude"],
    [h(".pgpass"), "credentials.pgpass"],
    [h(".vault-token"), "credentials.vault"],
    ["/var/run/secrets/kubernetes.io/serviceaccount/token", "credentials.secrets-mount"],
    ["/run/secrets/db_password", "credentials.secrets-mount"],
    ["/proc/self/environ", "credentials.environ"],
    ["/proc/1/task/1/environ", "credentials.environ"],
  ])("%s → %s", (p, id) => {
    expect(matchCredential(p, ctx)?.id).toBe(id);
  });

  it.each([
    r(".env.example"), r(".env.sample"), r(".env.template"), r("src/env.ts"), r(".envrc"), r("deploy/id_rsa.pub"),
    h(".ssh-agent.sock"), h(".sshrc"), h(".aws-notes"), h(".config/ghostty/config"), r("README.md"), r("environment.md"),
    h(".bashrc"), r("keys.md"), r("pem.txt"), h(".claude/settings.json"), "/proc/cpuinfo", "/proc/self/status", r("environ.md"),
  ])("%s is not a credential", (p) => {
    expect(matchCredential(p, ctx)).toBeUndefined();
  });

  it("names the layer and file of policy entries", () => {
    const m = matchCredential("/srv/secrets/x", ctx);
    expect(m).toMatchObject({ id: "credentials.policy", layer: "managed", file: "/test/managed.json" });
    expect(matchCredential(r(".env"), ctx)).toMatchObject({ layer: "builtin", file: "builtin" });
  });

  it("finds home credential trees under an ancestor (tree reads)", () => {
    expect(credentialBelow(w.home, ctx)?.id).toBe("credentials.ssh");
    expect(credentialBelow("/", ctx)).toBeDefined();
    expect(credentialBelow(w.project, ctx)).toBeUndefined();
    expect(credentialBelow(h("projects"), ctx)).toBeUndefined();
  });

  it("every built-in entry has an id in the credentials family", () => {
    for (const e of CREDENTIAL_PATHS) expect(e.id).toMatch(/^credentials\.[a-z-]+$/);
  });

  it("a walk finds the credential files in a tree, by name and by policy glob, and nothing in a clean one", () => {
    const tree = r("walk");
    w.file(path.join(tree, "a/b/readme.md"));
    w.file(path.join(tree, "a/c/main.ts"));
    expect(credentialFileUnder(tree, ctx)).toBeUndefined();
    w.file(path.join(tree, "a/c/server.pem"));
    expect(credentialFileUnder(tree, ctx)?.match.id).toBe("credentials.key-file");
    // A policy entry of another shape than `**/name` turns the name shortcut off: it is still found.
    const deep = r("walk2");
    w.file(path.join(deep, "x/y/token.txt"));
    const policyCtx = w.ctx({ policy: { credentialPaths: [pathRule(path.join(deep, "**/y/token.txt"), "user")] } });
    expect(credentialFileUnder(deep, policyCtx)?.file).toBe(path.join(deep, "x/y/token.txt"));
    expect(credentialFileUnder(deep, ctx)).toBeUndefined();
  });

  it("answers like every built-in entry tried with minimatch, shortcuts and all (random paths in and out of home)", () => {
    const plain = w.ctx();
    const mm = (g: string, p: string) => new Minimatch(g, { dot: true, nonegate: true, nocomment: true, noext: true }).match(p);
    const reference = (p: string): string | undefined => {
      for (const e of CREDENTIAL_PATHS) {
        const glob = e.glob.startsWith("~/") ? path.posix.join(w.home, e.glob.slice(2)) : e.glob;
        const hit = mm(glob, p) || (glob.endsWith("/**") && mm(glob.slice(0, -3), p));
        if (hit && !(e.except ?? []).some((x) => mm(x, path.posix.basename(p)))) return e.id;
      }
      return undefined;
    };
    const seg = fc.constantFrom(".ssh", ".aws", "src", ".env", ".env.local", ".env.example", "id_rsa", "id_rsa.pub", "key.pem", "a.key", ".config", "gh", "hosts.yml", ".netrc", "x");
    const start = fc.constantFrom(w.home, w.project, "/etc", "/");
    fc.assert(
      fc.property(start, fc.array(seg, { minLength: 1, maxLength: 4 }), (from, parts) => {
        const p = path.posix.join(from, ...parts);
        return matchCredential(p, plain)?.id === reference(p);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the quick test before any glob", () => {
  it("still finds entries rooted outside home, the root directory itself included", () => {
    expect(matchCredential("/run/secrets", ctx)?.id).toBe("credentials.secrets-mount");
    expect(matchCredential("/proc/42/environ", ctx)?.id).toBe("credentials.environ");
    expect(matchCredential("/srv/secrets", ctx)?.id).toBe("credentials.policy");
    expect(matchCredential("/srv/secretsX/a", ctx)).toBeUndefined();
    expect(matchCredential("/runx/secrets/a", ctx)).toBeUndefined();
  });
});
