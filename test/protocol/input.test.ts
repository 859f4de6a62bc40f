import { describe, expect, it } from "vitest";
import { parseHookInput, parseToolInput } from "../../src/protocol/input.js";

const pre = { session_id: "s", transcript_path: "/t", cwd: "/p", permission_mode: "default", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "ls" }, tool_use_id: "t1" };

describe("hook input", () => {
  it("accepts a PreToolUse input and keeps fields Claude Code adds later", () => {
    const r = parseHookInput("PreToolUse", JSON.stringify({ ...pre, prompt_id: "p", effort: { level: "high" }, brand_new: 1 }));
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as Record<string, unknown>).brand_new).toBe(1);
  });

  it("takes a value the stdin reader already parsed instead of parsing the text again", () => {
    const r = parseHookInput("PreToolUse", "(the text is not read again)", { ...pre });
    expect(r.ok).toBe(true);
    const bad = parseHookInput("PreToolUse", JSON.stringify(pre), [1, 2]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/not a JSON object/);
  });

  it("does not depend on fields it never reads: a new type for one of them still parses", () => {
    const r = parseHookInput("PreToolUse", JSON.stringify({ ...pre, transcript_path: null, tool_use_id: 7, agent_id: { id: 1 }, prompt_id: ["p"] }));
    expect(r.ok).toBe(true);
    const post = parseHookInput("PostToolUse", JSON.stringify({ ...pre, hook_event_name: "PostToolUse", tool_response: "x", duration_ms: "12" }));
    expect(post.ok).toBe(true);
  });

  it.each([
    ["not json", /not valid JSON/],
    ["[1,2]", /not a JSON object/],
    ["null", /not a JSON object/],
    [JSON.stringify({ ...pre, tool_name: 3 }), /tool_name/],
    [JSON.stringify({ ...pre, tool_input: "ls" }), /tool_input/],
    [JSON.stringify({ ...pre, hook_event_name: "PostToolUse" }), /hook_event_name/],
    [JSON.stringify({ ...pre, cwd: "" }), /cwd/],
  ])("rejects %s with a reason", (raw, pattern) => {
    const r = parseHookInput("PreToolUse", raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(pattern);
  });

  it("types tool inputs and names the bad field", () => {
    expect(parseToolInput("Write", { file_path: "/a", content: "x" }).ok).toBe(true);
    const bad = parseToolInput("Edit", { file_path: "/a", old_string: 1, new_string: "b" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/old_string/);
  });

  it("parses the other events", () => {
    const base = { session_id: "s", cwd: "/p" };
    expect(parseHookInput("UserPromptSubmit", JSON.stringify({ ...base, hook_event_name: "UserPromptSubmit", prompt: "hi" })).ok).toBe(true);
    expect(parseHookInput("SessionStart", JSON.stringify({ ...base, hook_event_name: "SessionStart", source: "startup" })).ok).toBe(true);
    expect(parseHookInput("PostToolUse", JSON.stringify({ ...pre, hook_event_name: "PostToolUse", tool_response: { stdout: "" } })).ok).toBe(true);
  });
});
