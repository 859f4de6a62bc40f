// The one edge every hook executable shares: read stdin (capped), run the handler under a deadline, write exactly
// one JSON object to stdout, exit 0. Every failure of a PreToolUse hook becomes an explicit deny.
import fs from "node:fs";
import type { HookEvent } from "./input.js";

export const MAX_STDIN_BYTES = 32 * 1024 * 1024;
/** Well under the `timeout` registered in hooks.json (30 s): Claude Code runs the tool when a hook times out. */
export const DEADLINE_MS = 10_000;

export type HookHandler = (raw: string, startedAt: number) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** The answer when anything goes wrong: PreToolUse denies (fail closed); other events cannot block a tool call,
 *  so they tell the user instead of failing silently. */
export function failureOutput(event: HookEvent, problem: string): Record<string, unknown> {
  const reason = `hookwarden could not check this call and blocked it to be safe: ${problem}. Try the call again; if it keeps failing, run \`hookwarden doctor\` and show the user this message.`;
  if (event === "PreToolUse") {
    return { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
  }
  return { systemMessage: `hookwarden ${event} hook failed: ${problem}` };
}

let written = false;
function writeOnce(output: Record<string, unknown>): void {
  if (written) return;
  written = true;
  fs.writeSync(1, `${JSON.stringify(output)}\n`);
}

function readStdin(): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stdin = process.stdin;
    stdin.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDIN_BYTES) {
        stdin.pause();
        stdin.removeAllListeners("data");
        resolve({ ok: false, error: `hook input is larger than ${MAX_STDIN_BYTES / 1024 / 1024} MB` });
        return;
      }
      chunks.push(chunk);
    });
    stdin.on("end", () => resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    stdin.on("error", (error) => resolve({ ok: false, error: `could not read stdin: ${error.message}` }));
  });
}

export function runHook(event: HookEvent, handler: HookHandler): void {
  const startedAt = performance.now();
  // Nothing but our one object may reach stdout: a stray console.log would make Claude Code ignore the JSON.
  console.log = console.error;
  console.info = console.error;
  const finish = (output: Record<string, unknown>) => {
    writeOnce(output);
    process.exit(0);
  };
  const timer = setTimeout(() => finish(failureOutput(event, `it took longer than ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  timer.unref?.();
  process.on("uncaughtException", (error) => finish(failureOutput(event, `internal error: ${error.message}`)));
  process.on("unhandledRejection", (error) => finish(failureOutput(event, `internal error: ${String(error)}`)));
  readStdin()
    .then(async (input) => {
      if (!input.ok) return finish(failureOutput(event, input.error));
      const output = await handler(input.text, startedAt);
      finish(output);
    })
    .catch((error: unknown) => finish(failureOutput(event, `internal error: ${error instanceof Error ? error.message : String(error)}`)));
}
