// `hookwarden check`: run one tool call through the same pipeline as the hook, without running the tool.
import fs from "node:fs";
import { checkToolCall } from "../checks/index.js";
import { loadContext } from "../context.js";
import { decide } from "../decide.js";
import { colour, parseFlags, UsageError, type CliIo } from "./io.js";

const HELP = `usage: hookwarden check [options]
  --tool NAME            the tool (Bash, Read, Write, Edit, WebFetch, mcp__server__tool, …)
  --command TEXT         Bash: the command
  --file PATH            Read/Write/Edit: file_path
  --content TEXT         Write: the new content
  --url URL              WebFetch: the url
  --input FILE|-         a JSON file: a whole PreToolUse hook input, or {tool_name, tool_input}
  --cwd DIR              where the call runs (default: here); the project root is $CLAUDE_PROJECT_DIR or this
  --mode MODE            permission mode: default, plan, acceptEdits, bypassPermissions (default: default)
  --session ID           session id (for taint)
  --json                 print the decision and findings as JSON
Exit code: 0 allow, 1 ask, 2 deny (3 on bad usage).
`;

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const { flags } = parseFlags(argv, ["json", "help"]);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const call = callFromFlags(flags, io);
  const ctx = loadContext({ cwd: call.cwd, session_id: call.session, permission_mode: call.mode }, io.env);
  const decision = decide(await checkToolCall(call.tool, call.input, ctx));
  if (flags.json) {
    io.stdout(`${JSON.stringify({ tool: call.tool, decision: decision.kind, reason: decision.reason ?? null, findings: decision.findings }, null, 2)}\n`);
  } else {
    const c = colour(io);
    const paint = decision.kind === "deny" ? c.red : decision.kind === "ask" ? c.yellow : c.green;
    io.stdout(`${paint(decision.kind.toUpperCase())}  ${call.tool}\n`);
    if (decision.reason) io.stdout(`  ${decision.reason}\n`);
    for (const f of decision.findings) io.stdout(c.dim(`  - ${f.severity.padEnd(5)} ${f.rule} [${f.layer}]${f.reason ? ` ${f.reason}` : ""}\n`));
  }
  return decision.kind === "allow" ? 0 : decision.kind === "ask" ? 1 : 2;
}

interface Call {
  tool: string;
  input: Record<string, unknown>;
  cwd: string;
  mode: string;
  session: string;
}

function callFromFlags(flags: Record<string, string | true>, io: CliIo): Call {
  const str = (k: string) => (typeof flags[k] === "string" ? (flags[k] as string) : undefined);
  let tool = str("tool");
  let input: Record<string, unknown> = {};
  let cwd = str("cwd") ?? io.cwd;
  let mode = str("mode") ?? "default";
  let session = str("session") ?? "cli-check";
  const file = str("input");
  if (file) {
    const json = JSON.parse(fs.readFileSync(file === "-" ? 0 : file, "utf8")) as Record<string, unknown>;
    tool = tool ?? (json.tool_name as string | undefined);
    input = (json.tool_input as Record<string, unknown> | undefined) ?? {};
    if (typeof json.cwd === "string" && !str("cwd")) cwd = json.cwd;
    if (typeof json.permission_mode === "string" && !str("mode")) mode = json.permission_mode;
    if (typeof json.session_id === "string" && !str("session")) session = json.session_id;
  }
  if (str("command") !== undefined) {
    tool = tool ?? "Bash";
    input.command = str("command");
  }
  if (str("file") !== undefined) input.file_path = str("file");
  if (str("content") !== undefined) input.content = str("content");
  if (str("url") !== undefined) {
    tool = tool ?? "WebFetch";
    input.url = str("url");
  }
  if (!tool) throw new UsageError("name the tool with --tool, or pass --command / --url / --input");
  if ((tool === "Write" || tool === "Edit" || tool === "Read") && input.file_path === undefined) throw new UsageError(`${tool} needs --file`);
  if (tool === "Write" && input.content === undefined) input.content = "";
  if (tool === "Edit") {
    input.old_string ??= "";
    input.new_string ??= str("content") ?? "";
  }
  return { tool, input, cwd, mode, session };
}
