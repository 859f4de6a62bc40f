// The hook loader (scripts/loader.template.cjs → dist/<hook>.cjs): each bundle runs through a V8 code cache in the
// data dir that grows over the first runs to hold every path they took, then is only read. A missing, corrupt or
// unwritable cache never changes an answer.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const DIST = path.resolve(import.meta.dirname, "../../dist");
let sb: Sandbox;
beforeAll(() => {
  sb = makeSandbox();
});
afterAll(() => sb.cleanup());

const cacheDir = () => path.join(sb.data, "cache");
const call = (tool: string, input: object) =>
  JSON.stringify({ session_id: "s1", transcript_path: "/t", cwd: sb.project, permission_mode: "default", hook_event_name: "PreToolUse", tool_name: tool, tool_input: input, tool_use_id: "t1" });

function decide(stdin: string, env: NodeJS.ProcessEnv = sb.env): string {
  const r = spawnSync(process.execPath, [path.join(DIST, "pre-tool-use.cjs")], { input: stdin, env, cwd: sb.project, encoding: "utf8" });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout).hookSpecificOutput.permissionDecision;
}

function cacheOf(bundle: string): { file: string; generation: number; data: Buffer } | undefined {
  if (!fs.existsSync(cacheDir())) return undefined;
  const files = fs.readdirSync(cacheDir()).filter((f) => f.startsWith(`${bundle}-`) && f.endsWith(".v8"));
  expect(files.length).toBeLessThanOrEqual(1);
  if (files.length === 0) return undefined;
  const bytes = fs.readFileSync(path.join(cacheDir(), files[0]!));
  return { file: path.join(cacheDir(), files[0]!), generation: bytes[bytes.length - 1]!, data: bytes.subarray(0, bytes.length - 1) };
}

describe("code cache", () => {
  it("is written by the first run, private to the user, and accepted by V8 for the bundle it names", () => {
    expect(decide(call("Read", { file_path: path.join(sb.project, "README.md") }))).toBe("allow");
    const c = cacheOf("pre-tool-use.main.cjs");
    expect(c?.generation).toBe(0);
    expect(fs.statSync(c!.file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const bundle = path.join(DIST, "pre-tool-use.main.cjs");
    // A loaded bundle is one function expression (scripts/build.mjs): the loader compiles the file's text as it is.
    const script = new vm.Script(fs.readFileSync(bundle, "utf8"), { filename: bundle, cachedData: c!.data });
    expect(script.cachedDataRejected).toBe(false);
  });

  it("grows over the first runs (a Bash call adds the shell analyser's own cache), then stays as it is", () => {
    expect(decide(call("Bash", { command: "ls -la" }))).toBe("allow");
    expect(cacheOf("shell.cjs")?.generation).toBe(0);
    const afterBash = cacheOf("pre-tool-use.main.cjs")!;
    expect(afterBash.generation).toBe(1);
    for (let i = 0; i < 9; i++) decide(call("Write", { file_path: "/usr/local/hookwarden-loader-test.txt", content: "x" }));
    const settled = cacheOf("pre-tool-use.main.cjs")!;
    expect(settled.generation).toBe(8);
    const mtime = fs.statSync(settled.file).mtimeMs;
    expect(decide(call("Write", { file_path: "/usr/local/hookwarden-loader-test.txt", content: "x" }))).toBe("deny");
    expect(fs.statSync(settled.file).mtimeMs).toBe(mtime);
  });

  it("a corrupt cache is replaced, and the answer is the same", () => {
    const c = cacheOf("pre-tool-use.main.cjs")!;
    fs.writeFileSync(c.file, Buffer.from([1, 2, 3, 4, 5, 8]));
    expect(decide(call("Read", { file_path: path.join(sb.project, ".env") }))).toBe("deny");
    const again = cacheOf("pre-tool-use.main.cjs")!;
    expect(again.generation).toBe(0);
    expect(again.data.length).toBeGreaterThan(1000);
  });

  it("an unwritable data dir only costs speed", () => {
    const env = { ...sb.env, HOOKWARDEN_DATA_DIR: "/proc/hookwarden-cannot-write-here" };
    expect(decide(call("Read", { file_path: path.join(sb.project, "README.md") }), env)).toBe("allow");
    expect(decide(call("Bash", { command: "cat ~/.ssh/id_rsa" }), env)).toBe("deny");
  });
});

describe("bundles", () => {
  it("are ASCII, so V8 holds each as a one-byte string (a single non-ASCII character doubles a bundle in memory)", () => {
    const bundles = fs.readdirSync(DIST).filter((f) => f.endsWith(".cjs"));
    expect(bundles.length).toBeGreaterThan(5);
    for (const f of bundles) expect(/[^\x00-\x7f]/.exec(fs.readFileSync(path.join(DIST, f), "utf8"))?.[0], f).toBeUndefined();
  });

  it("start neither node:os nor node:module in a Read call (their start-up is a hook's largest fixed cost after V8's)", () => {
    const probe = path.join(sb.root, "modules-probe.cjs");
    fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList)))");
    const r = spawnSync(process.execPath, ["-r", probe, path.join(DIST, "pre-tool-use.cjs")], { input: call("Read", { file_path: path.join(sb.project, "README.md") }), env: sb.env, cwd: sb.project, encoding: "utf8" });
    const loaded: string[] = JSON.parse(/MODULES (.*)/.exec(r.stderr)![1]!);
    expect(loaded).toContain("NativeModule vm");
    for (const m of ["NativeModule os", "NativeModule module", "NativeModule internal/fs/dir"]) expect(loaded).not.toContain(m);
  });
});
