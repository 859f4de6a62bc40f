import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { layerFiles } from "../../src/policy/files.js";
import { loadPolicy } from "../../src/policy/load.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

function load(trusted = false) {
  return loadPolicy({
    layers: layerFiles({ managedDir: sb.managed, configDir: path.join(sb.home, ".claude"), projectRoot: sb.project, managedDropIns: [] }),
    trusted,
    home: sb.home,
  });
}

describe("policy layers", () => {
  it("reads Claude Code permission rules from every layer, remembering layer and file", () => {
    sb.write(path.join(sb.managed, "managed-settings.json"), { permissions: { deny: ["Bash(npm publish:*)"] } });
    sb.write(path.join(sb.home, ".claude", "settings.json"), { permissions: { allow: ["Bash(npm test:*)"], ask: ["WebSearch"] } });
    const p = load();
    expect(p.problems).toEqual([]);
    expect(p.rules.map((r) => [r.behavior, r.tool, r.specifier, r.layer])).toEqual([
      ["deny", "Bash", "npm publish:*", "managed"],
      ["ask", "WebSearch", undefined, "user"],
      ["allow", "Bash", "npm test:*", "user"],
    ]);
    expect(p.rules[0]!.file).toBe(path.join(sb.managed, "managed-settings.json"));
  });

  it("holds back project and local allow rules until the codebase is trusted; their deny rules always apply", () => {
    sb.write(path.join(sb.project, ".claude", "settings.json"), { permissions: { allow: ["Bash(cargo build:*)"], deny: ["Bash(rm:*)"] } });
    sb.write(path.join(sb.project, ".claude", "settings.local.json"), { permissions: { allow: ["Bash(make:*)"] } });
    const untrusted = load(false);
    expect(untrusted.rules.map((r) => r.raw)).toEqual(["Bash(rm:*)"]);
    expect(untrusted.inactiveProjectAllows.map((r) => r.raw)).toEqual(["Bash(cargo build:*)", "Bash(make:*)"]);
    const trusted = load(true);
    expect(trusted.rules.map((r) => r.raw).sort()).toEqual(["Bash(cargo build:*)", "Bash(make:*)", "Bash(rm:*)"]);
    expect(trusted.inactiveProjectAllows).toEqual([]);
  });

  it("lets the managed layer switch off every lower allow rule", () => {
    sb.write(path.join(sb.managed, "managed-settings.json"), { allowManagedPermissionRulesOnly: true, permissions: { allow: ["Bash(make:*)"] } });
    sb.write(path.join(sb.home, ".claude", "settings.json"), { permissions: { allow: ["Bash(npm test:*)"], deny: ["Bash(git push:*)"] } });
    const p = load(true);
    expect(p.rules.map((r) => `${r.behavior} ${r.raw} ${r.layer}`)).toEqual(["allow Bash(make:*) managed", "deny Bash(git push:*) user"]);
  });

  it("reports a typo in hookwarden.json with the file, the field and the nearest valid name", () => {
    const file = sb.write(path.join(sb.home, ".claude", "hookwarden.json"), { blocklst: { add: ["rsync"] } });
    const p = load();
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ file, path: "blocklst", hint: 'did you mean "blocklist"?' });
  });

  it("reports invalid JSON, wrong types and bad rule syntax without throwing", () => {
    sb.write(path.join(sb.project, ".claude", "settings.json"), "{ not json");
    sb.write(path.join(sb.home, ".claude", "settings.json"), { permissions: { allow: ["Bash(npm test"] } });
    sb.write(path.join(sb.managed, "hookwarden.json"), { domains: { allow: "example.com" } });
    const p = load();
    const byFile = Object.fromEntries(p.problems.map((x) => [path.basename(path.dirname(x.file)) + "/" + path.basename(x.file), x]));
    expect(byFile[".claude/settings.json"]?.message ?? "").toMatch(/not valid JSON/);
    expect(p.problems.find((x) => x.path === "permissions.allow[0]")?.message).toMatch(/does not end with "\)"/);
    expect(p.problems.find((x) => x.path === "domains.allow")?.message).toMatch(/expected array/);
  });

  it("merges hookwarden policy: blocklist removal only from managed/user, temp dir switch, domains, commands", () => {
    sb.write(path.join(sb.home, ".claude", "hookwarden.json"), { blocklist: { add: ["rsync"], remove: ["telnet"] }, domains: { allow: ["Docs.Example.com"] } });
    sb.write(path.join(sb.project, ".claude", "hookwarden.json"), {
      blocklist: { remove: ["curl"] },
      writeScope: { allowTempDir: false },
      commands: [{ id: "no-deploy", behavior: "deny", pattern: "make deploy", match: ["make deploy"] }],
      domains: { allow: ["evil.example"] },
    });
    const p = load(false);
    expect(p.blocklistAdd.map((b) => b.program)).toEqual(["rsync"]);
    expect(p.blocklistRemove.map((b) => b.program)).toEqual(["telnet"]);
    expect(p.allowTempDir).toBe(false);
    expect(p.domains.map((d) => d.domain)).toEqual(["docs.example.com"]);
    expect(p.rules.find((r) => r.id === "commands.no-deploy")).toMatchObject({ behavior: "deny", tool: "Bash", specifier: "make deploy", layer: "project" });
  });

  it("takes audit settings only from the managed and user layers", () => {
    sb.write(path.join(sb.project, ".claude", "hookwarden.json"), { audit: { enabled: false } });
    expect(load(true).audit.enabled).toBe(true);
    sb.write(path.join(sb.home, ".claude", "hookwarden.json"), { audit: { retentionDays: 7 } });
    expect(load(true).audit.retentionDays).toBe(7);
  });
});
