// The built hook executables fail closed: whatever arrives on stdin, the answer is one JSON object, exit 0, and a
// PreToolUse hook never allows what it could not check.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const DIST = path.resolve(import.meta.dirname, "../../dist");
let sb: Sandbox;
beforeAll(() => {
  sb = makeSandbox();
});
afterAll(() => sb.cleanup());

function runHook(file: string, stdin: string | Buffer, env: NodeJS.ProcessEnv = sb.env): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(DIST, file)], { env, cwd: sb.project });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.on("error", () => {}); // the hook may stop reading an oversized input early
    child.stdin.end(stdin);
  });
}

function onlyObject(out: string): Record<string, any> {
  const text = out.trim();
  expect(text.startsWith("{")).toBe(true);
  expect(text.split("\n")).toHaveLength(1);
  return JSON.parse(text);
}

const pre = (tool: string, input: object) =>
  JSON.stringify({ session_id: "s1", transcript_path: "/t", cwd: sb.project, permission_mode: "default", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input, tool_use_id: "t1" });

describe("PreToolUse hook process", () => {
  it.each([
    ["not json", "not json"],
    ["empty stdin", ""],
    ["a JSON array", "[1,2,3]"],
    ["truncated JSON", '{"session_id":"s","tool_name":"Bash","tool_input":{"command":"ls"'],
    ["a wrong type", JSON.stringify({ session_id: "s", cwd: "/", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: "ls" })],
    ["binary", Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80])],
  ])("denies %s with a reason, exit 0", async (_name, stdin) => {
    const r = await runHook("pre-tool-use.cjs", stdin);
    expect(r.code).toBe(0);
    const j = onlyObject(r.out);
    expect(j.hookSpecificOutput.hookEventName).toBe("PreToolUse");
    expect(j.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(j.hookSpecificOutput.permissionDecisionReason).toMatch(/hookwarden could not check this call/);
  });

  it("denies a 40 MB input without reading it all", async () => {
    const huge = Buffer.alloc(40 * 1024 * 1024, 0x61);
    const r = await runHook("pre-tool-use.cjs", huge);
    expect(r.code).toBe(0);
    const j = onlyObject(r.out);
    expect(j.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(j.hookSpecificOutput.permissionDecisionReason).toMatch(/larger than 32 MB/);
  });

  it("answers a policy file with a typo fail-closed, naming the file and the field", async () => {
    const file = sb.write(path.join(sb.home, ".claude", "hookwarden.json"), { domians: { allow: ["x.org"] } });
    try {
      const r = await runHook("pre-tool-use.cjs", pre("Read", { file_path: path.join(sb.project, "README.md") }));
      const j = onlyObject(r.out);
      expect(["deny", "ask"]).toContain(j.hookSpecificOutput.permissionDecision);
      expect(j.hookSpecificOutput.permissionDecisionReason).toContain(file);
      expect(j.hookSpecificOutput.permissionDecisionReason).toContain("domians");
      expect(j.hookSpecificOutput.permissionDecisionReason).toContain('did you mean "domains"');
    } finally {
      sb.write(path.join(sb.home, ".claude", "hookwarden.json"), {});
    }
  });

  it("assembles input that arrives in pieces, and reads a file as stdin", async () => {
    const whole = pre("Read", { file_path: path.join(sb.project, "README.md") });
    const child = spawn(process.execPath, [path.join(DIST, "pre-tool-use.cjs")], { env: sb.env, cwd: sb.project });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const closed = new Promise((resolve) => child.on("close", resolve));
    for (const piece of [whole.slice(0, 10), whole.slice(10, 60), whole.slice(60)]) {
      child.stdin.write(piece);
      await new Promise((r) => setTimeout(r, 150));
    }
    child.stdin.end();
    await closed;
    expect(onlyObject(out).hookSpecificOutput.permissionDecision).toBe("allow");
    const file = path.join(sb.root, "input.json");
    fs.writeFileSync(file, whole);
    const fd = fs.openSync(file, "r");
    try {
      const r = spawnSync(process.execPath, [path.join(DIST, "pre-tool-use.cjs")], { env: sb.env, cwd: sb.project, stdio: [fd, "pipe", "pipe"], encoding: "utf8" });
      expect(onlyObject(r.stdout).hookSpecificOutput.permissionDecision).toBe("allow");
    } finally {
      fs.closeSync(fd);
    }
  });

  it("denies at its own deadline when stdin never ends (before Claude Code's timeout lets the tool run)", async () => {
    const child = spawn(process.execPath, [path.join(DIST, "pre-tool-use.cjs")], { env: sb.env, cwd: sb.project });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const started = Date.now();
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.stdin.write(pre("Read", { file_path: "/etc/hostname" }).slice(0, 40)); // and never end
    const code = await closed;
    child.stdin.destroy();
    expect(code).toBe(0);
    const j = onlyObject(out);
    expect(j.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(j.hookSpecificOutput.permissionDecisionReason).toMatch(/took longer than 10 s/);
    expect(Date.now() - started).toBeLessThan(25_000); // the registered timeout is 30 s
  }, 40_000);

  it("allows a plain Read and writes nothing else to stdout", async () => {
    const r = await runHook("pre-tool-use.cjs", pre("Read", { file_path: path.join(sb.project, "README.md") }));
    expect(r.code).toBe(0);
    expect(onlyObject(r.out).hookSpecificOutput.permissionDecision).toBe("allow");
  });
});

describe("other hook processes on bad input", () => {
  it.each(["post-tool-use.cjs", "session-start.cjs", "user-prompt-submit.cjs"])("%s answers one object and exits 0", async (file) => {
    const r = await runHook(file, "{oops");
    expect(r.code).toBe(0);
    expect(onlyObject(r.out).systemMessage).toMatch(/hookwarden .* hook failed/);
  });
});
