// Property: whatever arrives on stdin, the PreToolUse hook answers one valid JSON object, exits 0, and never allows
// bad input. Bounded: a fixed number of runs, each a real hook process.
import { spawnSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const HOOK = path.resolve(import.meta.dirname, "../../dist/pre-tool-use.cjs");
let sb: Sandbox;
beforeAll(() => {
  sb = makeSandbox();
});
afterAll(() => sb.cleanup());

function answer(stdin: string | Buffer): { decision: string; code: number | null } {
  const r = spawnSync(process.execPath, [HOOK], { input: stdin, env: sb.env, cwd: sb.project, encoding: "utf8", timeout: 15_000 });
  const text = r.stdout.trim();
  expect(text.split("\n")).toHaveLength(1);
  const j = JSON.parse(text);
  expect(j.hookSpecificOutput.hookEventName).toBe("PreToolUse");
  return { decision: j.hookSpecificOutput.permissionDecision, code: r.status };
}

// Inputs that are not a valid PreToolUse call for a known tool.
const badShape = fc.oneof(
  fc.json({ depthSize: "small" }),
  fc.string({ maxLength: 200 }).map((s) => s),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.record({ session_id: fc.anything(), cwd: fc.anything(), hook_event_name: fc.constant("PreToolUse"), tool_name: fc.anything(), tool_input: fc.anything() }).map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 400 }).map((s) => `{"session_id":"s","cwd":"/","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":${JSON.stringify(s)}`),
);

describe("hook stdin fuzz", () => {
  it("never allows malformed input, always answers one JSON object", () => {
    fc.assert(
      fc.property(badShape, (stdin) => {
        const r = answer(stdin);
        expect(r.code).toBe(0);
        // A generated object can accidentally be a well-formed call; the schema guarantees tool_input is an object.
        let wellFormed = false;
        try {
          const j = JSON.parse(stdin);
          wellFormed = typeof j?.session_id === "string" && typeof j?.cwd === "string" && j.cwd !== "" && typeof j?.tool_name === "string" && j.tool_name !== "" && typeof j?.tool_input === "object" && j.tool_input !== null && !Array.isArray(j.tool_input);
        } catch {
          wellFormed = false;
        }
        if (!wellFormed) expect(r.decision).toBe("deny");
        else expect(["deny", "ask", "allow"]).toContain(r.decision);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  }, 300_000);

  it("never allows a well-formed Bash call whose command is deep, huge or binary garbage", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 200, max: 3000 }).map((n) => "$(".repeat(n) + "ls" + ")".repeat(n)),
          fc.integer({ min: 300_000, max: 400_000 }).map((n) => `echo ${"a".repeat(n)}`),
          fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => `ls ${Buffer.from(b).toString("latin1")}`).filter((s) => /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(s)),
        ),
        (command) => {
          const stdin = JSON.stringify({ session_id: "s", cwd: sb.project, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command } });
          expect(answer(stdin).decision).not.toBe("allow");
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  }, 300_000);
});
