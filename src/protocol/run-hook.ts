// The one edge every hook executable shares: read stdin (capped), run the handler under a deadline, write exactly
// one JSON object to stdout, exit 0. Every failure of a PreToolUse hook becomes an explicit deny.
import fs from "node:fs";
import type { HookEvent } from "./input.js";

export const MAX_STDIN_BYTES = 32 * 1024 * 1024;
/** Well under the `timeout` registered in hooks.json (30 s): Claude Code runs the tool when a hook times out. */
export const DEADLINE_MS = 10_000;

/** `json`: stdin already parsed, when the reader had to parse it to know it was whole (parseHookInput takes it). */
export type HookHandler = (raw: string, json?: unknown) => Promise<Record<string, unknown>> | Record<string, unknown>;

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

type StdinResult = { ok: true; text: string; json?: unknown } | { ok: false; error: string };

/** Bytes the first read may take: more than any hook input but a large Write or a long transcript excerpt. */
const FIRST_READ_BYTES = 1 << 20;

/**
 * All of stdin, capped. Claude Code writes one JSON object to a socket and closes it, so the first read nearly always
 * holds the whole object: a synchronous read takes it without building `process.stdin` (net, stream… ~7 ms of
 * module start-up per tool call) or starting libuv's thread pool (~1.5 ms; and a thread blocked in read() keeps the
 * process from exiting at the deadline). Anything else — a partial object, more chunks, bad JSON, a non-blocking fd —
 * is read on through the stream, where the deadline timer still fires if the writer stalls. Known limit: a writer
 * that keeps stdin open without sending a single byte blocks the first read (Claude Code always writes first).
 */
function readStdin(): Promise<StdinResult> {
  const buffer = Buffer.allocUnsafe(FIRST_READ_BYTES);
  let n: number;
  try {
    n = fs.readSync(0, buffer, 0, buffer.length, null);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EOF") return Promise.resolve({ ok: true, text: "" }); // Windows: end of a pipe
    if (code === "EAGAIN") return readStdinStream([]);
    return Promise.resolve({ ok: false, error: `could not read stdin: ${(error as Error).message}` });
  }
  if (n === 0) return Promise.resolve({ ok: true, text: "" });
  const first = buffer.subarray(0, n);
  const text = first.toString("utf8");
  // One complete JSON value: nothing more can follow it in a valid input, so there is no need to wait for the end.
  // The parsed value goes on to parseHookInput, which then does not parse the text again.
  try {
    return Promise.resolve({ ok: true, text, json: JSON.parse(text) as unknown });
  } catch {
    return readStdinStream([first]);
  }
}

const tooLarge = (): StdinResult => ({ ok: false, error: `hook input is larger than ${MAX_STDIN_BYTES / 1024 / 1024} MB` });

function readStdinStream(chunks: Buffer[]): Promise<StdinResult> {
  return new Promise((resolve) => {
    let size = chunks.reduce((sum, c) => sum + c.length, 0);
    const stdin = process.stdin;
    stdin.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDIN_BYTES) {
        stdin.pause();
        stdin.removeAllListeners("data");
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    stdin.on("end", () => resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    stdin.on("error", (error) => resolve({ ok: false, error: `could not read stdin: ${error.message}` }));
  });
}

const started = process.hrtime.bigint();

/** Milliseconds since the hook process started its work (hrtime: the `performance` global loads perf_hooks). */
export function elapsedMs(): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function runHook(event: HookEvent, handler: HookHandler): void {
  // Nothing but our one object may reach stdout: a stray console.log would make Claude Code ignore the JSON.
  console.log = console.error;
  console.info = console.error;
  const finish = (output: Record<string, unknown>) => {
    writeOnce(output);
    process.exit(0);
  };
  // The deadline can only fire once the event loop runs (stdin still arriving, a handler waiting on I/O): a call
  // answered within this turn has exited by then, and never starts the timer machinery (~1 ms of start-up).
  setImmediate(() => {
    const timer = setTimeout(() => finish(failureOutput(event, `it took longer than ${DEADLINE_MS / 1000} s`)), Math.max(0, DEADLINE_MS - elapsedMs()));
    timer.unref?.();
  });
  process.on("uncaughtException", (error) => finish(failureOutput(event, `internal error: ${error.message}`)));
  process.on("unhandledRejection", (error) => finish(failureOutput(event, `internal error: ${String(error)}`)));
  readStdin()
    .then(async (input) => {
      if (!input.ok) return finish(failureOutput(event, input.error));
      const output = await handler(input.text, input.json);
      finish(output);
    })
    .catch((error: unknown) => finish(failureOutput(event, `internal error: ${error instanceof Error ? error.message : String(error)}`)));
}
