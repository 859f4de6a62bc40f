// File tools: credential reads, write scope, self-protection, Read/Edit rules, modes, secrets in new content.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFileTool, findSecret } from "../../src/checks/file-tools.js";
import type { Context } from "../../src/context-types.js";
import type { PermissionMode } from "../../src/types.js";
import { makeWorld, pathRule, permissionRule } from "../paths/context.js";

const w = makeWorld();
afterAll(() => w.cleanup());
w.file(".env", "A=1");
w.file(".claude/settings.json", "{}");
w.file(path.join(w.home, ".ssh/id_rsa"), "K");
w.file(path.join(w.home, ".aws/config"), "[default]");
w.link("vendor", w.outside);
w.link("keylink", path.join(w.home, ".ssh/id_rsa"));
w.dir(path.join(w.root, "extra"));

const ctx = w.ctx();
const P = (p: string) => path.join(w.project, p);
const H = (p: string) => path.join(w.home, p);

/** The strictest finding: deny > ask > allow. */
function verdict(tool: string, input: Record<string, unknown>, c: Context = ctx): string {
  const f = checkFileTool(tool, input, c);
  for (const s of ["deny", "ask", "allow"]) if (f.some((x) => x.severity === s)) return s;
  return "none";
}
function rules(tool: string, input: Record<string, unknown>, c: Context = ctx): string[] {
  return checkFileTool(tool, input, c).filter((f) => f.severity === "deny" || f.severity === "ask").map((f) => f.rule);
}

describe("reads", () => {
  it.each([
    ["Read", { file_path: P("README.md") }, "allow"],
    ["Read", { file_path: path.join(w.outside, "notes.txt") }, "allow"], // reading outside is fine
    ["Read", { file_path: P(".env.example") }, "allow"],
    ["Read", { file_path: P(".env") }, "deny"],
    ["Read", { file_path: `${w.project}/sub/../.env` }, "deny"],
    ["Read", { file_path: H(".aws/config") }, "deny"],
    ["Read", { file_path: "~/.ssh/id_rsa" }, "deny"],
    ["Read", { file_path: P("keylink") }, "deny"], // a link to a key is the key
    ["NotebookRead", { notebook_path: P(".env.local") }, "deny"],
    ["LS", { path: H(".ssh") }, "deny"],
    ["LS", { path: P("src") }, "allow"],
    ["Grep", { pattern: "KEY", path: H(".ssh") }, "deny"],
    ["Grep", { pattern: "KEY", path: P(".env") }, "deny"],
    ["Grep", { pattern: "KEY", glob: ".env*" }, "deny"],
    ["Grep", { pattern: "KEY", glob: "*.ts" }, "allow"],
    ["Grep", { pattern: "KEY" }, "allow"],
    ["Grep", { pattern: "token", path: H(".config") }, "deny"], // holds ~/.config/gh
    ["Grep", { pattern: "x", path: w.home }, "deny"],
    ["Glob", { pattern: "*", path: w.home }, "allow"], // names only, and not inside a credential tree
    ["Glob", { pattern: "**/*.md" }, "allow"],
    ["Glob", { pattern: "*", path: H(".aws") }, "deny"],
    ["Glob", { pattern: `${H(".ssh")}/*` }, "deny"],
    ["Glob", { pattern: "**/id_rsa*" }, "allow"], // Glob lists names; reading them is what is denied
    ["Grep", { pattern: "x", glob: "**/id_rsa*" }, "deny"],
  ])("%s %o → %s", (tool, input, expected) => {
    expect(verdict(tool, input)).toBe(expected);
  });

  it("says which credential rule and what to do", () => {
    const [f] = checkFileTool("Read", { file_path: P(".env") }, ctx);
    expect(f).toMatchObject({ severity: "deny", rule: "credentials.read", layer: "builtin" });
    expect(f!.reason).toMatch(/environment file.*Ask the user/);
  });

  it("applies policy credential paths with their layer", () => {
    const c = w.ctx({ policy: { credentialPaths: [pathRule(P("config/*.secret"), "managed")] } });
    const [f] = checkFileTool("Read", { file_path: P("config/db.secret") }, c);
    expect(f).toMatchObject({ severity: "deny", rule: "credentials.read", layer: "managed" });
  });

  it("applies Claude Code Read rules", () => {
    const c = w.ctx({ policy: { rules: [permissionRule("Read(./private/**)", "deny", w.project), permissionRule("Read(notes.md)", "ask", w.project)] } });
    expect(verdict("Read", { file_path: P("private/a.txt") }, c)).toBe("deny");
    expect(verdict("Grep", { pattern: "x", path: P("private") }, c)).toBe("deny");
    expect(verdict("Read", { file_path: P("docs/notes.md") }, c)).toBe("ask");
    expect(verdict("Read", { file_path: P("README.md") }, c)).toBe("allow");
  });
});

describe("writes", () => {
  it.each([
    ["Write", { file_path: P("src/b.ts"), content: "export {}" }, "ask"],
    ["Edit", { file_path: P("README.md"), old_string: "a", new_string: "b" }, "ask"],
    ["MultiEdit", { file_path: P("README.md"), edits: [{ old_string: "a", new_string: "b" }] }, "ask"],
    ["NotebookEdit", { notebook_path: P("n.ipynb"), new_source: "x" }, "ask"],
    ["Write", { file_path: path.join(w.outside, "notes.md"), content: "x" }, "deny"],
    ["Edit", { file_path: H(".profile"), old_string: "a", new_string: "b" }, "deny"],
    ["Write", { file_path: `${w.project}/out/../../x.md`, content: "x" }, "deny"],
    ["Write", { file_path: P("vendor/x.txt"), content: "x" }, "deny"], // symlinked directory
    ["Write", { file_path: `${w.project}/vendor/../x.txt`, content: "x" }, "deny"], // `..` after the link
    ["Write", { file_path: `${w.project}/src/../README.md`, content: "x" }, "ask"],
    ["Write", { file_path: `${w.project}-sibling/x`, content: "x" }, "deny"], // prefix trick
    ["Write", { file_path: "/etc/motd", content: "x" }, "deny"],
    ["Write", { file_path: "~/x", content: "x" }, "deny"],
    ["Write", { file_path: path.join(w.tmp, "scratch.txt"), content: "x" }, "ask"], // temp dir is in scope
    ["Write", { file_path: "src/rel.ts", content: "x" }, "ask"], // relative: against the cwd
  ])("%s %o → %s", (tool, input, expected) => {
    expect(verdict(tool, input)).toBe(expected);
  });

  it.each([
    [P(".claude/settings.json")], [P(".claude/settings.local.json")], [P(".claude/hookwarden.json")], [P("pkg/.claude/settings.json")],
    [H(".claude/settings.json")], [H(".claude/hookwarden/trust.json")], [P(".git/hooks/pre-commit")], [P(".git/config")],
    [path.join(w.managed, "managed-settings.json")], [path.join(w.install, "hooks/hooks.json")],
  ])("protects %s in every mode", (file) => {
    for (const mode of ["default", "acceptEdits", "bypassPermissions"] as PermissionMode[]) {
      expect(rules("Write", { file_path: file, content: "{}" }, w.ctx({ mode }))).toEqual(["self-protect.write"]);
    }
  });

  it.each([
    ["default", "ask"], ["plan", "ask"], ["auto", "ask"], ["dontAsk", "ask"], ["acceptEdits", "allow"], ["bypassPermissions", "allow"],
  ] as const)("inside the scope in %s mode → %s", (mode, expected) => {
    expect(verdict("Write", { file_path: P("src/b.ts"), content: "x" }, w.ctx({ mode }))).toBe(expected);
  });

  it("denies outside the scope in every mode", () => {
    for (const mode of ["acceptEdits", "bypassPermissions"] as PermissionMode[]) {
      expect(rules("Write", { file_path: "/etc/x", content: "x" }, w.ctx({ mode }))).toEqual(["scope.write-outside"]);
    }
  });

  it("widens the scope with additional directories", () => {
    const extra = path.join(w.root, "extra");
    const c = w.ctx({ writeScope: [...ctx.writeScope, extra as never] });
    expect(verdict("Write", { file_path: path.join(extra, "a.md"), content: "x" }, c)).toBe("ask");
    expect(verdict("Write", { file_path: `${extra}2/a.md`, content: "x" }, c)).toBe("deny");
  });

  it("asks before writing a credential file, in any mode", () => {
    const f = checkFileTool("Write", { file_path: P(".env"), content: "A=2" }, w.ctx({ mode: "acceptEdits" }));
    expect(f.filter((x) => x.severity === "ask").map((x) => x.rule)).toEqual(["credentials.write"]);
  });

  it("asks when the new content holds a secret, in any mode", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
    for (const mode of ["default", "acceptEdits", "bypassPermissions"] as PermissionMode[]) {
      expect(rules("Write", { file_path: P("k.txt"), content: key }, w.ctx({ mode }))).toContain("secrets.content");
      expect(rules("Edit", { file_path: P("a.ts"), old_string: "x", new_string: `const t = "ghp_${"a1B2c3D4e5".repeat(4)}"` }, w.ctx({ mode }))).toContain("secrets.content");
      expect(rules("MultiEdit", { file_path: P("a.ts"), edits: [{ old_string: "x", new_string: "AKIAZ7Q3L4M5N6P7R8S9" }] }, w.ctx({ mode }))).toContain("secrets.content");
    }
  });

  it("applies Edit rules and Read denies to writes; an Edit allow rule answers the inside ask", () => {
    const c = w.ctx({ policy: { rules: [permissionRule("Edit(/generated/**)", "deny", w.project), permissionRule("Read(./private/**)", "deny", w.project), permissionRule("Edit(docs/**)", "allow", w.project), permissionRule("Edit(//etc/**)", "allow", w.project)] } });
    expect(verdict("Write", { file_path: P("generated/a.ts"), content: "x" }, c)).toBe("deny");
    expect(verdict("Write", { file_path: P("private/a.ts"), content: "x" }, c)).toBe("deny");
    expect(verdict("Write", { file_path: P("docs/a.md"), content: "x" }, c)).toBe("allow");
    expect(verdict("Write", { file_path: "/etc/hosts", content: "x" }, c)).toBe("deny"); // allow never beats scope
  });

  it.each([
    ["Write", { content: "x" }], ["Write", { file_path: "", content: "x" }], ["Edit", { file_path: 42 }], ["Read", {}],
    ["NotebookEdit", { file_path: P("n.ipynb") }], ["Write", { file_path: "a\0b", content: "x" }], ["LS", { path: ["a"] }],
  ])("denies a missing or invalid path: %s %o", (tool, input) => {
    const f = checkFileTool(tool, input as Record<string, unknown>, ctx);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "deny", rule: "file-tools.bad-input" });
  });
});

describe("findSecret (minimal detector)", () => {
  it.each([
    ["-----BEGIN RSA PRIVATE KEY-----", "a private key block"],
    ["-----BEGIN PRIVATE KEY-----", "a private key block"],
    ["-----BEGIN PGP PRIVATE KEY BLOCK-----", "a private key block"],
    ["token: ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6", "a GitHub token"],
    [`github_pat_11ABCDEFG0${"aB3".repeat(10)}`, "a GitHub token"],
    ["aws_access_key_id = AKIAZ7Q3L4M5N6P7R8S9", "an AWS access key id"],
    ["xoxb-123456789012-abcdefghijk", "a Slack token"],
    ["sk_live_51HaBcDeFgHiJkLmNoPqRsTu", "a Stripe secret key"],
    ["OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t", "an API secret key"],
  ])("%s → %s", (text, what) => {
    expect(findSecret(text)).toBe(what);
  });

  it.each([
    "AKIAIOSFODNN7EXAMPLE", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-your-api-key-goes-here-please", "xoxb-your-token-here",
    "-----BEGIN PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----", "const sk = 1; task-manager", "sk_live_0000000000000000000000",
    "export const x = 1;", "",
  ])("%s is not a secret", (text) => {
    expect(findSecret(text)).toBeUndefined();
  });
});
