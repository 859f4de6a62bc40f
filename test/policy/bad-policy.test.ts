// Every kind of policy-file error: the hook answers fail-closed naming the file and the field, and `doctor` explains
// it. Runs the built hook, as Claude Code would.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDoctor } from "../../src/cli/doctor.js";
import type { CliIo } from "../../src/cli/io.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const HOOK = path.resolve(import.meta.dirname, "../../dist/pre-tool-use.cjs");
let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

function hook(tool: string, input: object): { decision: string; reason: string } {
  const stdin = JSON.stringify({ session_id: "s", cwd: sb.project, permission_mode: "acceptEdits", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input });
  const r = spawnSync(process.execPath, [HOOK], { input: stdin, env: sb.env, cwd: sb.project, encoding: "utf8" });
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  return { decision: j.hookSpecificOutput.permissionDecision, reason: j.hookSpecificOutput.permissionDecisionReason ?? "" };
}

function doctor(): { code: number; out: string } {
  let out = "";
  const io: CliIo = { stdout: (s) => void (out += s), stderr: (s) => void (out += s), isTTY: false, env: sb.env, cwd: sb.project, home: sb.home };
  return { code: runDoctor([], io), out };
}

const user = () => path.join(sb.home, ".claude", "hookwarden.json");
const userSettings = () => path.join(sb.home, ".claude", "settings.json");
const READ = ["Read", { file_path: "README.md" }] as const;

const KINDS: { name: string; file: () => string; content: string | object; field: string; call?: readonly [string, object] }[] = [
  { name: "invalid JSON", file: user, content: '{ "commands": [ }', field: "(file)" },
  { name: "unknown key (typo)", file: user, content: { domans: { allow: ["x.org"] } }, field: "domans" },
  { name: "wrong type", file: user, content: { domains: { allow: "x.org" } }, field: "domains.allow" },
  { name: "bad enum", file: user, content: { commands: [{ id: "a", behavior: "block", pattern: "x" }] }, field: "commands[0].behavior" },
  { name: "over-long pattern", file: user, content: { credentialPaths: ["*".repeat(600)] }, field: "credentialPaths[0]" },
  { name: "bad rule id", file: user, content: { commands: [{ id: "Has Spaces", behavior: "deny", pattern: "x" }] }, field: "commands[0].id" },
  { name: "Claude Code rule syntax", file: userSettings, content: { permissions: { deny: ["Bash(npm publish"] } }, field: "permissions.deny[0]" },
  { name: "Claude Code wrong type", file: userSettings, content: { permissions: { allow: "Bash(ls)" } }, field: "permissions.allow" },
  { name: "a directory where the file should be", file: user, content: "DIR", field: "(file)" },
  {
    name: "a failing rule example",
    file: user,
    content: { commands: [{ id: "deploy", behavior: "deny", pattern: "make deploy", match: ["make deploy-prod"] }] },
    field: "make deploy-prod",
    call: ["Bash", { command: "ls" }],
  },
];

describe("a broken policy file fails closed and doctor explains it", () => {
  it.each(KINDS.map((k) => [k.name, k] as const))("%s", (_name, k) => {
    const file = k.file();
    if (k.content === "DIR") fs.mkdirSync(file, { recursive: true });
    else sb.write(file, k.content);
    const [tool, input] = k.call ?? READ;
    const r = hook(tool, input);
    expect(r.decision).toBe("ask");
    expect(r.reason).toContain(file);
    expect(r.reason).toContain(k.field);
    if (!k.call) {
      const d = doctor();
      expect(d.code).toBe(1);
      expect(d.out).toContain(file);
      expect(d.out).toContain(k.field);
    }
  });

  it("a broken managed file denies every call", () => {
    const file = sb.write(path.join(sb.managed, "hookwarden.json"), { blocklist: { ad: ["rsync"] } });
    const r = hook(...READ);
    expect(r.decision).toBe("deny");
    expect(r.reason).toContain(file);
    expect(r.reason).toContain('did you mean "add"?');
  });

  it("a valid file does not trip anything", () => {
    sb.write(user(), { commands: [{ id: "deploy", behavior: "deny", pattern: "make deploy", match: ["make deploy", "sudo make deploy"], notMatch: ["make deploy-prod"] }] });
    expect(hook(...READ).decision).toBe("allow");
    expect(hook("Bash", { command: "ls" }).decision).toBe("allow");
    expect(hook("Bash", { command: "make deploy" }).decision).toBe("deny");
  });
});

describe("user-supplied patterns cannot hang the hook", () => {
  // Each call is bounded by the test timeout: a catastrophic pattern would blow it.
  it.each([
    ["a glob with many stars", { credentialPaths: [`${"*a".repeat(60)}b`] }, "Read", { file_path: `${"a".repeat(400)}.txt` }],
    ["nested braces", { protectedPaths: [`${"{a,".repeat(40)}b${"}".repeat(40)}`] }, "Write", { file_path: "x/y.txt", content: "" }],
    ["a rule pattern with many wildcards", { commands: [{ id: "w", behavior: "deny", pattern: `${"* a ".repeat(60)}z` }] }, "Bash", { command: `echo ${"a ".repeat(3000)}` }],
    ["a domain glob against a long host", { domains: { deny: [`*.${"a.".repeat(100)}example`] } }, "WebFetch", { url: `https://${"a.".repeat(120)}example.org/`, prompt: "p" }],
  ])("%s", (_name, policy, tool, input) => {
    sb.write(user(), policy);
    const r = hook(tool, input);
    expect(["allow", "ask", "deny"]).toContain(r.decision);
  }, 15_000);
});
