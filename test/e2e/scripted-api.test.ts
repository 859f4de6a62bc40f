// The scripted Messages API on its own (no CLI): the stream shape, turn-taking, side requests, recording.
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedApi, type ScriptedApi } from "./lib/scripted-api.mjs";

let api: ScriptedApi | undefined;
afterEach(async () => api?.close());

const post = (path: string, body: unknown) =>
  fetch(`${api!.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const TOOLS = [{ name: "Write", input_schema: { type: "object" } }];
const sse = (text: string) =>
  text.split("\n\n").filter(Boolean).map((chunk) => {
    const [ev, data] = chunk.split("\n");
    return { event: ev!.replace("event: ", ""), data: JSON.parse(data!.replace("data: ", "")) };
  });

describe("scripted Messages API", () => {
  it("streams one scripted tool call per turn, then plain text, and records the tool_results", async () => {
    api = await startScriptedApi({ script: [{ name: "Write", input: { file_path: "/p/a", content: "x" } }] });
    const first = sse(await (await post("/v1/messages?beta=true", { stream: true, model: "m", tools: TOOLS, messages: [{ role: "user", content: "go" }] })).text());
    expect(first.map((e) => e.event)).toEqual(["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"]);
    expect(first[1]!.data.content_block).toEqual({ type: "tool_use", id: "toolu_e2e_0", name: "Write", input: {} });
    expect(JSON.parse(first[2]!.data.delta.partial_json)).toEqual({ file_path: "/p/a", content: "x" });
    expect(first[4]!.data.delta.stop_reason).toBe("tool_use");

    const history = [
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_e2e_0", name: "Write", input: { file_path: "/p/a", content: "x" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_e2e_0", content: [{ type: "text", text: "denied: outside" }], is_error: true }] },
    ];
    const second = sse(await (await post("/v1/messages", { stream: true, model: "m", tools: TOOLS, messages: history })).text());
    expect(second[1]!.data.content_block.type).toBe("text");
    expect(second[2]!.data.delta).toEqual({ type: "text_delta", text: "done" });
    expect(second[4]!.data.delta.stop_reason).toBe("end_turn");
    expect(api.toolResults).toEqual([{ tool_use_id: "toolu_e2e_0", name: "Write", input: { file_path: "/p/a", content: "x" }, text: "denied: outside", is_error: true }]);
    expect(api.mainRequests).toHaveLength(2);
  });

  it("answers a retried turn with the same step instead of skipping ahead", async () => {
    api = await startScriptedApi({ script: [{ name: "Read", input: { file_path: "/a" } }, { name: "Read", input: { file_path: "/b" } }] });
    const body = { model: "m", tools: TOOLS, messages: [{ role: "user", content: "go" }] };
    const a = await (await post("/v1/messages", body)).json();
    const b = await (await post("/v1/messages", body)).json();
    expect(a.content).toEqual(b.content);
    expect(a).toMatchObject({ type: "message", stop_reason: "tool_use", content: [{ type: "tool_use", name: "Read", input: { file_path: "/a" } }] });
  });

  it("echoes a tool-less side request's user text, counts tokens, and records everything", async () => {
    api = await startScriptedApi({ script: [{ name: "Read", input: { file_path: "/a" } }] });
    const side = await (await post("/v1/messages", { model: "m", messages: [{ role: "user", content: [{ type: "text", text: "page SECRET-PAGE-TEXT" }] }] })).json();
    expect(side).toMatchObject({ stop_reason: "end_turn", content: [{ type: "text", text: "page SECRET-PAGE-TEXT" }] });
    expect(await (await post("/v1/messages/count_tokens", { messages: [] })).json()).toHaveProperty("input_tokens");
    expect((await fetch(api.url, { method: "HEAD" })).status).toBe(200);
    expect(api.requests.map((r) => r.kind)).toEqual(["side", "count_tokens", "head"]);
    expect(api.sawText("SECRET-PAGE-TEXT")).toBe(true);
    expect(api.sawText("never-sent")).toBe(false);
    expect(api.toolResults).toEqual([]);
  });
});
