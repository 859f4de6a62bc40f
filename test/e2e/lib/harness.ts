// Shared vitest glue for the end-to-end tests: a fresh sandbox per scenario with hookwarden installed one of three
// ways, one scripted `claude -p` run per scenario, and assertions on what the model was told.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { hookwardenCli, installManaged, installProject, managedInstallEnabled, missingDist, pluginArgs } from "./install.mjs";
import { makeSandbox, runClaude, type RunResult, type Sandbox, type StreamEvent } from "./run-claude.mjs";
import type { ScriptStep, ToolResult } from "./scripted-api.mjs";

export type InstallKind = "project" | "plugin" | "managed";
export const INSTALL_KINDS: readonly InstallKind[] = ["project", "plugin", "managed"];
export const MANAGED_SKIP_NAME = "managed-settings install: skipped (needs root and HOOKWARDEN_E2E_MANAGED=1; it writes /etc/claude-code)";

/** Per-test timeout for files that start the CLI (a run takes a few seconds; a cold first start can take longer). */
export const E2E_TIMEOUT_MS = 120_000;

// Script steps, as the model would emit them.
export const write = (file_path: string, content: string): ScriptStep => ({ name: "Write", input: { file_path, content } });
export const read = (file_path: string): ScriptStep => ({ name: "Read", input: { file_path } });
export const bash = (command: string, description = "scripted e2e step"): ScriptStep => ({ name: "Bash", input: { command, description } });
export const webFetch = (url: string, prompt = "Summarise the page"): ScriptStep => ({ name: "WebFetch", input: { url, prompt } });
/** A call of MCP tool `tool` on server `server`, by the name Claude Code gives it (`mcp__<server>__<tool>`). */
export const mcp = (server: string, tool: string, input: Record<string, unknown> = {}): ScriptStep => ({ name: `mcp__${server}__${tool}`, input });

export interface Session extends RunResult {
  /** the tool_result for script step `i` (asserted to exist) */
  step(i?: number): ToolResult;
}

export interface World extends Sandbox {
  readonly kind: InstallKind;
  /** hookwarden's data dir as the hooks see it for project/managed installs (`~/.claude/hookwarden`). */
  readonly dataDir: string;
  /** `env`: extra environment for the CLI only (undefined removes a variable), e.g. NODE_EXTRA_CA_CERTS. */
  run(script: ScriptStep[], opts?: { permissionMode?: string; env?: Record<string, string | undefined> }): Promise<Session>;
  /**
   * `node dist/cli.cjs …args` in the project dir with the environment the hooks get (HOME, CLAUDE_CONFIG_DIR, TMPDIR,
   * HOOKWARDEN_MANAGED_DIR); returns stdout, throws with stderr on a non-zero exit. Not for plugin installs, whose
   * hooks get a CLAUDE_PLUGIN_DATA the CLI can't know.
   */
  cli(args: string[]): string;
}

/**
 * Register the lifecycle for one install kind inside a `describe` and return a factory for per-scenario worlds.
 * Call `world()` inside each test. `managed` installs into /etc/claude-code once for the block and restores it after.
 */
export function useInstall(kind: InstallKind): () => World {
  const live: Sandbox[] = [];
  let managed: { restore(): void } | undefined;
  beforeAll(() => {
    const missing = missingDist();
    if (missing.length) throw new Error(`hookwarden is not built: missing ${missing.join(", ")} (run \`npm run build\`)`);
    if (kind === "managed") managed = installManaged();
  });
  afterAll(() => managed?.restore());
  afterEach(() => {
    for (const sb of live.splice(0)) {
      if (process.env.HOOKWARDEN_E2E_KEEP === "1") process.stderr.write(`[e2e] kept sandbox ${sb.root}\n`);
      else sb.cleanup();
    }
  });
  return () => {
    const sb = makeSandbox({ prefix: `hw-e2e-${kind}-` });
    live.push(sb);
    assertOutsideTemp(sb.root);
    if (kind === "project") installProject(sb);
    const extra = kind === "plugin" ? pluginArgs() : {};
    return {
      ...sb,
      kind,
      dataDir: path.join(sb.home, ".claude", "hookwarden"),
      cli(args) {
        const env: Record<string, string> = { PATH: process.env.PATH ?? "", LANG: process.env.LANG ?? "C.UTF-8", HOME: sb.home, CLAUDE_CONFIG_DIR: sb.configDir, TMPDIR: sb.tmp, NO_COLOR: "1" };
        if (kind !== "managed") env.HOOKWARDEN_MANAGED_DIR = sb.managed;
        return hookwardenCli(args, { cwd: sb.project, env });
      },
      async run(script, opts = {}) {
        const r = await runClaude({
          sandbox: sb,
          script,
          ...extra,
          ...(opts.permissionMode ? { permissionMode: opts.permissionMode } : {}),
          ...(opts.env ? { env: opts.env } : {}),
          // a managed install must read the real managed dir, everything else reads the sandbox's empty one
          managedDirOverride: kind !== "managed",
        });
        expect(r.timedOut, r.describe()).toBe(false);
        expect(r.exitCode, r.describe()).toBe(0);
        expect(r.apiErrors, r.describe()).toEqual([]);
        expect(r.toolResults.map((t) => t.tool_use_id), `every scripted step got a tool_result\n${r.describe()}`).toEqual(
          script.map((_, i) => `toolu_e2e_${i}`),
        );
        return Object.assign(r, {
          step(i = 0) {
            const t = r.toolResults[i];
            if (!t) throw new Error(`no tool_result for step ${i}\n${r.describe()}`);
            return t;
          },
        });
      },
    };
  };
}

/** hookwarden's write scope includes the temp dirs, so a sandbox inside one would make "outside" writes legal. */
function assertOutsideTemp(root: string): void {
  if (process.platform === "win32") return;
  for (const t of new Set([os.tmpdir(), "/tmp"])) {
    let real: string;
    try {
      real = fs.realpathSync(t);
    } catch {
      continue;
    }
    if (root === real || root.startsWith(real + path.sep)) {
      throw new Error(`e2e sandbox ${root} is inside the temp dir ${real}, which is in hookwarden's write scope; set HOOKWARDEN_E2E_TMP to another directory`);
    }
  }
}

/** Whether the managed install can run here; the caller registers MANAGED_SKIP_NAME as a skipped test otherwise. */
export const managedAvailable = managedInstallEnabled;

const DENY_FORMAT = (tool: string) => new RegExp(`^(?:<tool_use_error>)?PreToolUse:${tool} hook error: ([\\s\\S]*?)(?:</tool_use_error>)?$`);

/**
 * A PreToolUse `deny` as the model receives it: an error tool_result `PreToolUse:<Tool> hook error: <reason>`
 * (wrapped in <tool_use_error>…</tool_use_error> for some install paths). Returns the reason.
 */
export function expectDenied(s: Session, i = 0): string {
  const t = s.step(i);
  expect(t.is_error, `step ${i} should be refused\n${s.describe()}`).toBe(true);
  const m = DENY_FORMAT(String(t.name)).exec(t.text);
  expect(m, `step ${i} should carry a PreToolUse hook denial\n${s.describe()}`).not.toBeNull();
  const meta = toolResultMeta(s, t.tool_use_id);
  expect(meta?.permission_decision, `stream metadata for step ${i}`).toMatchObject({ decision: "reject", source: "hook" });
  // A fail-closed deny (hookwarden crashed or could not load a part of itself) is not the behaviour under test.
  expect(m![1], `step ${i} was denied for the wrong reason (fail-closed)\n${s.describe()}`).not.toMatch(FAIL_CLOSED);
  return m![1]!;
}

/** hookwarden's fail-closed answer when it cannot decide (see src/protocol/run-hook.ts). */
const FAIL_CLOSED = /could not check this call|internal error/;

/**
 * An `ask` in -p mode as the model receives it: nothing runs, the hook's reason comes back verbatim as an error
 * tool_result, and the stream reports a permission_denied whose reason came from a hook (not Claude Code's own
 * "you haven't granted it yet"). Returns the reason.
 */
export function expectAskRefused(s: Session, i = 0): string {
  const t = s.step(i);
  expect(t.is_error, `step ${i} should be refused\n${s.describe()}`).toBe(true);
  const reason = t.text.replace(/^<tool_use_error>([\s\S]*)<\/tool_use_error>$/, "$1");
  const denied = s.events.find((e) => e.type === "system" && e.subtype === "permission_denied" && e.tool_use_id === t.tool_use_id);
  expect(denied, `a permission_denied event for step ${i}\n${s.describe()}`).toBeDefined();
  expect(denied).toMatchObject({ decision_reason_type: "hook", message: reason });
  expect(reason).not.toMatch(/haven't granted/);
  return reason;
}

/** The tool ran: a non-error tool_result. Returns what the model got. */
export function expectRan(s: Session, i = 0): string {
  const t = s.step(i);
  expect(t.is_error, `step ${i} should have run\n${s.describe()}`).toBe(false);
  return t.text;
}

/** The stream-json `tool_result_meta` entry Claude Code attaches to a tool_result (permission source etc.). */
export function toolResultMeta(s: RunResult, toolUseId: string): { permission_decision?: Record<string, unknown>; [k: string]: unknown } | undefined {
  for (const e of s.events) {
    if (e.type !== "user" || !Array.isArray(e.tool_result_meta)) continue;
    const m = e.tool_result_meta.find((x: { id?: string }) => x.id === toolUseId);
    if (m) return m;
  }
  return undefined;
}

export const exists = (p: string): boolean => {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** Claude Code's `session_id` for a run (from the stream's init event). */
export function sessionIdOf(s: RunResult): string {
  const init = s.events.find((e) => e.type === "system" && e.subtype === "init");
  if (typeof init?.session_id !== "string") throw new Error(`no init event with a session_id\n${s.describe()}`);
  return init.session_id;
}

/** The parsed JSON output of each `hook_response` event for `event` (e.g. "SessionStart"), as the stream reports it. */
export function hookOutputs(s: RunResult, event: string): Record<string, any>[] {
  return s.events
    .filter((e: StreamEvent) => e.type === "system" && e.subtype === "hook_response" && e.hook_event === event)
    .map((e) => {
      try {
        return JSON.parse(String(e.output ?? e.stdout ?? "").trim() || "{}");
      } catch {
        return { unparsed: e.output };
      }
    });
}

/** Text of a message's content (string, or text blocks joined by newlines). */
function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((b) => (b && typeof b === "object" && b.type === "text" ? String(b.text) : "")).join("\n");
}

/**
 * What the model was told right after step `i`'s tool_result, besides the result itself, in the next main-conversation
 * request: the text of every message between the user message carrying that tool_result and the next assistant turn
 * (Claude Code 2.1.331 puts PostToolUse `reason` and `additionalContext` there, as a `role: "system"` message), plus
 * any text blocks in the tool_result's own user message. Also returns that request's raw body.
 */
export function contextAfter(s: RunResult, i = 0): { text: string; body: string } {
  const id = `toolu_e2e_${i}`;
  for (const req of s.requests) {
    if (req.kind !== "main" || !Array.isArray(req.json?.messages)) continue;
    const msgs: any[] = req.json.messages;
    const at = msgs.findIndex((m) => m.role === "user" && Array.isArray(m.content) && m.content.some((b: any) => b?.type === "tool_result" && b.tool_use_id === id));
    if (at === -1) continue;
    const parts = [messageText(msgs[at].content)];
    for (const m of msgs.slice(at + 1)) {
      if (m.role === "assistant") break;
      parts.push(messageText(m.content));
    }
    return { text: parts.filter(Boolean).join("\n"), body: req.body };
  }
  throw new Error(`no main request carries the tool_result ${id}\n${s.describe()}`);
}

/** The messages of the first main-conversation request (what the model saw before its first turn). */
export function firstMainMessages(s: RunResult): { role: string; text: string }[] {
  const req = s.requests.find((r) => r.kind === "main" && Array.isArray(r.json?.messages));
  if (!req) throw new Error(`no main request\n${s.describe()}`);
  return req.json.messages.map((m: any) => ({ role: String(m.role), text: messageText(m.content) }));
}

/** `n` random alphanumerics (a fresh fake secret per run, so no fixture can leak into a result by accident). */
export function randomAlnum(n: number): string {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  const bytes = crypto.getRandomValues(new Uint8Array(n * 2));
  for (const b of bytes) {
    if (b < 248) out += abc[b % 62];
    if (out.length === n) break;
  }
  while (out.length < n) out += abc[Math.floor(Math.random() * 62)];
  return out;
}

/** Unix permission bits of a file or directory. */
export const modeOf = (p: string): number => fs.statSync(p).mode & 0o777;
