// A scripted Anthropic Messages API on 127.0.0.1 for driving the real Claude Code CLI end to end.
//
// The "main conversation" (a request that offers tools) gets one scripted tool call per turn, streamed as SSE exactly
// the way the real API does (message_start, content_block_start{tool_use}, one input_json_delta, content_block_stop,
// message_delta{stop_reason:"tool_use"}, message_stop). Once the script is used up it answers plain text ("done").
// Any tool-less side request (WebFetch's page summarisation, title generation, …) is answered with the text of its
// last user message echoed back, so a fetched page flows through to the model unchanged. count_tokens, HEAD and any
// other endpoint get a harmless answer. Every request is recorded (method, url, raw body) so a test can assert that
// a secret never reached "the model", and every tool_result Claude Code sent back is exposed in order.
//
// Plain ESM JavaScript on purpose: scripts/demo.mjs uses it without a build step.
import http from "node:http";
import zlib from "node:zlib";

/**
 * @typedef {{ name: string, input: Record<string, unknown> }} ScriptStep
 * @typedef {{ tool_use_id: string, name: string | undefined, input: unknown, text: string, is_error: boolean }} ToolResult
 * @typedef {{ method: string, url: string, headers: import("node:http").IncomingHttpHeaders, body: string, json: any, kind: string }} RecordedRequest
 */

const TOOL_ID_PREFIX = "toolu_e2e_";

/**
 * Start the server. `script` is consumed one step per main-conversation turn; the turn is derived from the
 * conversation itself (how many of our tool_use blocks it already contains), so a client retry of the same turn
 * gets the same answer instead of skipping a step.
 * @param {{ script?: ScriptStep[], finalText?: string, log?: boolean | ((line: string) => void) }} [options]
 */
export async function startScriptedApi(options = {}) {
  const script = options.script ?? [];
  const finalText = options.finalText ?? "done";
  const logFn = typeof options.log === "function" ? options.log : options.log ? (l) => process.stderr.write(`[scripted-api] ${l}\n`) : () => {};

  /** @type {RecordedRequest[]} */
  const requests = [];
  /** @type {Map<string, ToolResult>} */
  const toolResults = new Map();
  /** @type {Error[]} */
  const errors = [];

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let raw = Buffer.concat(chunks);
      try {
        const enc = String(req.headers["content-encoding"] ?? "").toLowerCase();
        if (enc === "gzip") raw = zlib.gunzipSync(raw);
        else if (enc === "br") raw = zlib.brotliDecompressSync(raw);
        else if (enc === "deflate") raw = zlib.inflateSync(raw);
      } catch (e) {
        errors.push(/** @type {Error} */ (e));
      }
      const body = raw.toString("utf8");
      let json;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const url = req.url ?? "/";
      const pathname = url.split("?")[0];
      /** @type {RecordedRequest} */
      const rec = { method: req.method ?? "GET", url, headers: req.headers, body, json, kind: "other" };
      requests.push(rec);
      try {
        handle(rec, pathname, res);
      } catch (e) {
        errors.push(/** @type {Error} */ (e));
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: String(e) } }));
      }
      logFn(`${rec.method} ${url} → ${rec.kind}${rec.kind === "main" ? ` (${describeMain(json)})` : ""}`);
    });
  });

  /** @param {RecordedRequest} rec @param {string} pathname @param {import("node:http").ServerResponse} res */
  function handle(rec, pathname, res) {
    if (rec.method === "HEAD") {
      rec.kind = "head";
      res.writeHead(200);
      res.end();
      return;
    }
    if (rec.method === "POST" && /\/v1\/messages\/count_tokens$/.test(pathname)) {
      rec.kind = "count_tokens";
      sendJson(res, { input_tokens: Math.max(1, Math.ceil(rec.body.length / 4)) });
      return;
    }
    if (rec.method === "POST" && /\/v1\/messages$/.test(pathname) && rec.json && Array.isArray(rec.json.messages)) {
      const req = rec.json;
      const hasTools = Array.isArray(req.tools) && req.tools.length > 0;
      /** @type {any[]} */
      let content;
      let stopReason;
      if (hasTools) {
        rec.kind = "main";
        collectToolResults(req.messages);
        const turn = countOurToolUses(req.messages);
        const step = script[turn];
        if (step) {
          content = [{ type: "tool_use", id: `${TOOL_ID_PREFIX}${turn}`, name: step.name, input: step.input }];
          stopReason = "tool_use";
        } else {
          content = [{ type: "text", text: finalText }];
          stopReason = "end_turn";
        }
      } else {
        rec.kind = "side";
        content = [{ type: "text", text: lastUserText(req.messages) || finalText }];
        stopReason = "end_turn";
      }
      const model = typeof req.model === "string" ? req.model : "claude-scripted";
      if (req.stream) sendStream(res, model, content, stopReason);
      else sendJson(res, message(model, content, stopReason));
      return;
    }
    // Anything else (telemetry, feature flags, other endpoints): an empty success keeps the CLI quiet.
    rec.kind = "other";
    sendJson(res, {});
  }

  /** @param {any[]} messages */
  function collectToolResults(messages) {
    /** @type {Map<string, {name: string, input: unknown}>} */
    const uses = new Map();
    for (const m of messages) {
      if (m.role !== "assistant" || !Array.isArray(m.content)) continue;
      for (const b of m.content) if (b && b.type === "tool_use") uses.set(b.id, { name: b.name, input: b.input });
    }
    for (const m of messages) {
      if (m.role !== "user" || !Array.isArray(m.content)) continue;
      for (const b of m.content) {
        if (!b || b.type !== "tool_result" || toolResults.has(b.tool_use_id)) continue;
        const use = uses.get(b.tool_use_id);
        toolResults.set(b.tool_use_id, {
          tool_use_id: b.tool_use_id,
          name: use?.name,
          input: use?.input,
          text: blockText(b.content),
          is_error: b.is_error === true,
        });
      }
    }
  }

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** every request received, in order */
    requests,
    /** errors raised while handling requests (should stay empty) */
    errors,
    /** the tool_result blocks Claude Code sent back, in the order they first appeared */
    get toolResults() {
      return [...toolResults.values()];
    },
    /** main-conversation requests only */
    get mainRequests() {
      return requests.filter((r) => r.kind === "main");
    },
    /** true when any recorded request body (or URL) contains `needle` */
    sawText(needle) {
      return requests.some((r) => r.body.includes(needle) || r.url.includes(needle));
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      });
    },
  };
}

/** @param {any[]} messages */
function countOurToolUses(messages) {
  let n = 0;
  for (const m of messages) {
    if (m.role !== "assistant" || !Array.isArray(m.content)) continue;
    for (const b of m.content) if (b && b.type === "tool_use" && String(b.id).startsWith(TOOL_ID_PREFIX)) n++;
  }
  return n;
}

/** @param {unknown} content */
function blockText(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((c) => (c && c.type === "text" ? c.text : c && c.type ? `[${c.type}]` : ""))
    .join("\n");
}

/** @param {any[]} messages */
function lastUserText(messages) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== "user") continue;
    if (typeof m.content === "string") return m.content;
    if (Array.isArray(m.content)) return m.content.filter((b) => b && b.type === "text").map((b) => b.text).join("\n");
  }
  return "";
}

/** @param {any} req */
function describeMain(req) {
  const last = req?.messages?.[req.messages.length - 1];
  const results = Array.isArray(last?.content) ? last.content.filter((b) => b?.type === "tool_result").length : 0;
  return `${req?.messages?.length ?? 0} messages, ${req?.tools?.length ?? 0} tools, ${results} tool_result(s) in last`;
}

function message(model, content, stopReason) {
  return {
    id: `msg_e2e_${Math.random().toString(36).slice(2, 10)}`,
    type: "message",
    role: "assistant",
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** @param {import("node:http").ServerResponse} res */
function sendJson(res, obj) {
  const data = JSON.stringify(obj);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(data), "request-id": "req_e2e" });
  res.end(data);
}

/** @param {import("node:http").ServerResponse} res */
function sendStream(res, model, content, stopReason) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "request-id": "req_e2e" });
  const ev = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const start = message(model, [], null);
  start.usage = { input_tokens: 10, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  ev("message_start", { message: start });
  content.forEach((block, index) => {
    if (block.type === "tool_use") {
      ev("content_block_start", { index, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } });
      ev("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) } });
    } else {
      ev("content_block_start", { index, content_block: { type: "text", text: "" } });
      ev("content_block_delta", { index, delta: { type: "text_delta", text: block.text } });
    }
    ev("content_block_stop", { index });
  });
  ev("message_delta", { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 10 } });
  ev("message_stop", {});
  res.end();
}
