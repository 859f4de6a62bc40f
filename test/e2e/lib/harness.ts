// Shared vitest glue for the end-to-end tests: a fresh sandbox per scenario with hookwarden installed one of three
// ways, one scripted `claude -p` run per scenario, and assertions on what the model was told.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { installManaged, installProject, managedInstallEnabled, missingDist, pluginArgs } from "./install.mjs";
import { makeSandbox, runClaude, type RunResult, type Sandbox } from "./run-claude.mjs";
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

export interface Session extends RunResult {
  /** the tool_result for script step `i` (asserted to exist) */
  step(i?: number): ToolResult;
}

export interface World extends Sandbox {
  readonly kind: InstallKind;
  run(script: ScriptStep[], opts?: { permissionMode?: string }): Promise<Session>;
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
      async run(script, opts = {}) {
        const r = await runClaude({
          sandbox: sb,
          script,
          ...extra,
          ...(opts.permissionMode ? { permissionMode: opts.permissionMode } : {}),
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
