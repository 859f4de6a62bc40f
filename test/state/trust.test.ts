import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  forgetMcpServer,
  isMcpServerKnown,
  isProjectTrusted,
  projectPolicyHash,
  readTrustStore,
  rememberMcpServer,
  trustFile,
  trustProject,
  untrustProject,
} from "../../src/state/trust.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { bundleModule, spawnAll } from "../audit/bundle.js";

const posix = process.platform !== "win32";
let sb: Sandbox;
const settings = () => path.join(sb.project, ".claude", "settings.json");
const policy = () => path.join(sb.project, ".claude", "hookwarden.json");

beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

describe("projectPolicyHash", () => {
  it("is stable with no policy files, and differs from an empty permissions object", () => {
    const none = projectPolicyHash(sb.project);
    expect(none).toMatch(/^[0-9a-f]{64}$/);
    expect(projectPolicyHash(sb.project)).toBe(none);
    sb.write(settings(), { permissions: {} });
    expect(projectPolicyHash(sb.project)).not.toBe(none);
  });

  it("changes when permissions change, not when unrelated settings keys or key order change", () => {
    sb.write(settings(), { model: "a", permissions: { allow: ["Bash(npm test:*)"], deny: [] } });
    const h = projectPolicyHash(sb.project);
    sb.write(settings(), { permissions: { deny: [], allow: ["Bash(npm test:*)"] }, model: "b", hooks: { PreToolUse: [] }, env: { X: "1" } });
    expect(projectPolicyHash(sb.project)).toBe(h);
    fs.writeFileSync(settings(), '{"permissions":{"allow":["Bash(npm test:*)"],"deny":[]}}'); // whitespace
    expect(projectPolicyHash(sb.project)).toBe(h);
    sb.write(settings(), { permissions: { allow: ["Bash(npm test:*)", "Bash(rm:*)"], deny: [] } });
    expect(projectPolicyHash(sb.project)).not.toBe(h);
    sb.write(settings(), { permissions: { allow: ["Bash(npm test:*)"], deny: [], additionalDirectories: ["/"] } });
    expect(projectPolicyHash(sb.project)).not.toBe(h);
  });

  it("a settings file without permissions hashes like no file", () => {
    const none = projectPolicyHash(sb.project);
    sb.write(settings(), { model: "x" });
    expect(projectPolicyHash(sb.project)).toBe(none);
  });

  it("hashes hookwarden.json byte for byte, and an unparsable settings file by its bytes", () => {
    sb.write(policy(), { version: 1 });
    const a = projectPolicyHash(sb.project);
    fs.writeFileSync(policy(), '{ "version": 1 }');
    expect(projectPolicyHash(sb.project)).not.toBe(a);
    fs.writeFileSync(settings(), "{ not json");
    const b = projectPolicyHash(sb.project);
    fs.writeFileSync(settings(), "{ not json ");
    expect(projectPolicyHash(sb.project)).not.toBe(b);
  });

  it("doesn't confuse the two files' contents", () => {
    sb.write(policy(), "null");
    const a = projectPolicyHash(sb.project);
    fs.rmSync(policy());
    sb.write(settings(), { permissions: null });
    expect(projectPolicyHash(sb.project)).not.toBe(a);
  });

  it("survives absurdly deep permissions (falls back to bytes)", () => {
    fs.mkdirSync(path.dirname(settings()), { recursive: true });
    fs.writeFileSync(settings(), `{"permissions":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    expect(projectPolicyHash(sb.project)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("codebase trust", () => {
  it("is untrusted until trusted, and untrusted again when permissions change", () => {
    sb.write(settings(), { permissions: { allow: ["Bash(make:*)"] } });
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
    expect(trustProject(sb.data, sb.project)).toEqual({ ok: true });
    expect(isProjectTrusted(sb.data, sb.project)).toBe(true);
    sb.write(settings(), { permissions: { allow: ["Bash(make:*)"] }, model: "other" });
    expect(isProjectTrusted(sb.data, sb.project)).toBe(true);
    sb.write(settings(), { permissions: { allow: ["Bash(make:*)", "Bash(curl:*)"] } });
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
  });

  it("a changed, added or removed hookwarden.json makes it untrusted", () => {
    trustProject(sb.data, sb.project);
    sb.write(policy(), { version: 1 });
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
    trustProject(sb.data, sb.project);
    expect(isProjectTrusted(sb.data, sb.project)).toBe(true);
    sb.write(policy(), { version: 1, commands: [] });
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
    trustProject(sb.data, sb.project);
    fs.rmSync(policy());
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
  });

  it("is keyed by the real path: a symlink to the project is the same codebase; a sibling is not", () => {
    const link = path.join(sb.root, "link");
    fs.symlinkSync(sb.project, link);
    trustProject(sb.data, link);
    expect(isProjectTrusted(sb.data, sb.project)).toBe(true);
    expect(Object.keys(readTrustStore(sb.data).store.projects)).toEqual([sb.project]);
    fs.mkdirSync(`${sb.project}-sibling`);
    expect(isProjectTrusted(sb.data, `${sb.project}-sibling`)).toBe(false);
  });

  it("untrustProject removes it", () => {
    trustProject(sb.data, sb.project);
    expect(untrustProject(sb.data, sb.project).ok).toBe(true);
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
  });

  it.runIf(posix)("writes the store 0600 in a 0700 dir, in the documented shape", () => {
    trustProject(sb.data, sb.project);
    rememberMcpServer(sb.data, "github", "cli", "npx @github/mcp");
    expect(fs.statSync(trustFile(sb.data)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(sb.data).mode & 0o777).toBe(0o700);
    const json = JSON.parse(fs.readFileSync(trustFile(sb.data), "utf8"));
    expect(json).toEqual({
      version: 1,
      projects: { [sb.project]: { hash: projectPolicyHash(sb.project), trustedAt: expect.any(String) } },
      mcpServers: { github: { approvedAt: expect.any(String), how: "cli", definition: "npx @github/mcp" } },
    });
    expect(fs.readdirSync(sb.data).sort()).toEqual(["trust.json"]); // no lock or temp left behind
  });
});

describe("a store that can't be used: nothing trusted, a problem for doctor, no throw", () => {
  const corrupt = (text: string) => {
    fs.mkdirSync(sb.data, { recursive: true });
    fs.writeFileSync(trustFile(sb.data), text, { mode: 0o600 });
  };

  it.each([
    ["not JSON", "{ this is not json"],
    ["empty", ""],
    ["an array", "[]"],
    ["no version", JSON.stringify({ projects: {} })],
    ["a bad hash", JSON.stringify({ version: 1, projects: { "/x": { hash: "abc", trustedAt: "t" } }, mcpServers: {} })],
    ["a bad mcp entry", JSON.stringify({ version: 1, projects: {}, mcpServers: { gh: { approvedAt: "t", how: "magic" } } })],
  ])("%s", (_name, text) => {
    trustProject(sb.data, sb.project);
    const good = fs.readFileSync(trustFile(sb.data), "utf8");
    corrupt(text.replace("/x", sb.project));
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
    expect(isMcpServerKnown(sb.data, "gh")).toBe(false);
    const read = readTrustStore(sb.data);
    expect(read.problem).toMatch(/trust\.json .*nothing is trusted/);
    expect(Object.keys(read.store.projects)).toEqual([]);
    expect(good).not.toBe(text);
  });

  it("a corrupt store is set aside (kept as evidence) by the next write", () => {
    corrupt("garbage");
    const r = rememberMcpServer(sb.data, "gh", "cli");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.note).toMatch(/moved it to .*trust\.json\.corrupt-/);
    expect(isMcpServerKnown(sb.data, "gh")).toBe(true);
    expect(readTrustStore(sb.data).problem).toBeUndefined();
    const aside = fs.readdirSync(sb.data).find((f) => f.startsWith("trust.json.corrupt-"))!;
    expect(fs.readFileSync(path.join(sb.data, aside), "utf8")).toBe("garbage");
  });

  it("a store from a newer version is read as empty and never overwritten", () => {
    const newer = JSON.stringify({ version: 2, projects: {}, mcpServers: {}, future: true });
    corrupt(newer);
    expect(readTrustStore(sb.data).problem).toMatch(/version 2.*upgrade hookwarden/);
    const r = trustProject(sb.data, sb.project);
    expect(r.ok).toBe(false);
    expect(fs.readFileSync(trustFile(sb.data), "utf8")).toBe(newer);
  });

  it.runIf(posix)("a group- or world-writable store trusts nothing", () => {
    trustProject(sb.data, sb.project);
    fs.chmodSync(trustFile(sb.data), 0o666);
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
    expect(readTrustStore(sb.data).problem).toMatch(/writable by group or others/);
  });

  it.runIf(posix && process.getuid?.() === 0)("a store owned by another user trusts nothing", () => {
    trustProject(sb.data, sb.project);
    fs.chownSync(trustFile(sb.data), 12345, 12345);
    expect(isProjectTrusted(sb.data, sb.project)).toBe(false);
    expect(readTrustStore(sb.data).problem).toMatch(/owned by uid 12345/);
  });

  it("a missing store is empty without a problem", () => {
    expect(readTrustStore(sb.data)).toEqual({ store: { version: 1, projects: {}, mcpServers: {} } });
  });

  it("a write that can't happen is a value, not a throw", () => {
    fs.mkdirSync(path.dirname(sb.data), { recursive: true });
    fs.writeFileSync(sb.data, "a file where the data dir should be");
    const r = trustProject(sb.data, sb.project);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/trust store not updated/);
  });
});

describe("MCP servers", () => {
  it("remembers and forgets", () => {
    expect(isMcpServerKnown(sb.data, "github")).toBe(false);
    rememberMcpServer(sb.data, "github", "approved-call");
    expect(isMcpServerKnown(sb.data, "github")).toBe(true);
    expect(readTrustStore(sb.data).store.mcpServers.github?.how).toBe("approved-call");
    rememberMcpServer(sb.data, "github", "cli");
    expect(readTrustStore(sb.data).store.mcpServers.github?.how).toBe("cli");
    expect(forgetMcpServer(sb.data, "github").ok).toBe(true);
    expect(isMcpServerKnown(sb.data, "github")).toBe(false);
  });

  it("names like __proto__ or toString are entries, not prototype tricks", () => {
    expect(isMcpServerKnown(sb.data, "__proto__")).toBe(false);
    expect(isMcpServerKnown(sb.data, "toString")).toBe(false);
    rememberMcpServer(sb.data, "__proto__", "cli");
    expect(isMcpServerKnown(sb.data, "__proto__")).toBe(true);
    expect(isMcpServerKnown(sb.data, "constructor")).toBe(false);
    expect(Object.keys(readTrustStore(sb.data).store.mcpServers)).toEqual(["__proto__"]);
  });

  it("keeps trust of projects and servers independent", () => {
    trustProject(sb.data, sb.project);
    rememberMcpServer(sb.data, "a", "cli");
    forgetMcpServer(sb.data, "a");
    expect(isProjectTrusted(sb.data, sb.project)).toBe(true);
  });

  it("caps a long definition and refuses an empty name", () => {
    rememberMcpServer(sb.data, "big", "cli", "x".repeat(10_000));
    expect(readTrustStore(sb.data).store.mcpServers.big?.definition).toHaveLength(2_000);
    expect(rememberMcpServer(sb.data, "", "cli").ok).toBe(false);
  });
});

describe("parallel writers (separate processes) lose no entries", () => {
  let bundle: { file: string; dir: string };
  beforeAll(async () => {
    bundle = await bundleModule("src/state/trust.ts");
  });
  afterAll(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));

  it("20 processes each remembering 3 servers: every reported success is in the store", async () => {
    // Under heavy CI load a writer may give up after the lock's bounded wait; that is reported (ok: false), never a
    // silently lost entry, which is what the lock is for (without it, most entries vanish).
    const script = (i: number) => [
      "-e",
      `const t = require(${JSON.stringify(bundle.file)});
       for (let k = 0; k < 3; k++) {
         const name = "s${i}-" + k;
         const r = t.rememberMcpServer(process.argv[1], name, "approved-call");
         if (r.ok) console.log(name);
         else if (!/held by another process/.test(r.problem)) { console.error(r.problem); process.exit(3); }
       }`,
      sb.data,
    ];
    const results = await spawnAll(20, script, 25_000);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    const succeeded = results.flatMap((r) => r.stdout.split("\n").filter(Boolean)).sort();
    expect(succeeded.length).toBeGreaterThan(0);
    const read = readTrustStore(sb.data);
    expect(read.problem).toBeUndefined();
    expect(Object.keys(read.store.mcpServers).sort()).toEqual(succeeded);
    expect(fs.readdirSync(sb.data).sort()).toEqual(["trust.json"]);
  }, 30_000);
});
