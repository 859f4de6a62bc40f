// Hook input: parse and normalise what Claude Code sends on stdin. Unknown fields pass through (Claude Code adds
// fields often: prompt_id, effort, agent_id…). Output shapes live in output.ts.
import * as z from "zod/mini";
import "../zod-config.js";

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

// Every schema is built on first use: a hook process validates one event and at most one tool input, and building
// the others (zod objects are not cheap to make) would be wasted start-up on every tool call. Only the fields
// hookwarden reads are typed: the rest (transcript_path, tool_use_id, agent_id, prompt_id, model…) pass through
// untouched, so a change in one of them can never make a hook fail.
const base = () => ({
  session_id: z.string(),
  cwd: z.string().check(z.minLength(1)),
  permission_mode: z.optional(z.string()),
  hook_event_name: z.string(),
});

const toolEvent = () => ({
  ...base(),
  tool_name: z.string().check(z.minLength(1)),
  tool_input: z.record(z.string(), z.unknown()),
});

const EVENT_SCHEMAS = {
  PreToolUse: () => z.looseObject({ ...toolEvent(), hook_event_name: z.literal("PreToolUse") }),
  PostToolUse: () => z.looseObject({ ...toolEvent(), hook_event_name: z.literal("PostToolUse"), tool_response: z.unknown() }),
  PostToolUseFailure: () => z.looseObject({ ...toolEvent(), hook_event_name: z.literal("PostToolUseFailure") }),
  UserPromptSubmit: () => z.looseObject({ ...base(), hook_event_name: z.literal("UserPromptSubmit"), prompt: z.string() }),
  SessionStart: () => z.looseObject({ ...base(), hook_event_name: z.literal("SessionStart") }),
};

export type HookEvent = keyof typeof EVENT_SCHEMAS;
export type InputOf<E extends HookEvent> = z.infer<ReturnType<(typeof EVENT_SCHEMAS)[E]>>;
export type PreToolUseInput = InputOf<"PreToolUse">;
export type PostToolUseInput = InputOf<"PostToolUse">;
export type PostToolUseFailureInput = InputOf<"PostToolUseFailure">;
export type UserPromptSubmitInput = InputOf<"UserPromptSubmit">;
export type SessionStartInput = InputOf<"SessionStart">;

const builtEvents = new Map<HookEvent, ReturnType<(typeof EVENT_SCHEMAS)[HookEvent]>>();
function eventSchema(event: HookEvent): ReturnType<(typeof EVENT_SCHEMAS)[HookEvent]> {
  let schema = builtEvents.get(event);
  if (schema === undefined) builtEvents.set(event, (schema = EVENT_SCHEMAS[event]()));
  return schema;
}

/** Parse raw stdin for the event this executable serves; `json` when the stdin reader has parsed it already. Never
 *  throws. */
export function parseHookInput<E extends HookEvent>(event: E, raw: string, json?: unknown): Result<InputOf<E>> {
  if (json === undefined) {
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return { ok: false, error: `stdin is not valid JSON (${(error as Error).message.slice(0, 120)})` };
    }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, error: "stdin is not a JSON object" };
  }
  const parsed = eventSchema(event).safeParse(json);
  if (!parsed.success) return { ok: false, error: `hook input does not match the ${event} shape: ${describeIssues(parsed.error.issues)}` };
  return { ok: true, value: parsed.data as InputOf<E> };
}

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.code ?? ""} ${i.message}`.replace(/\s+/g, " ").trim())
    .join("; ");
}

// Typed tool inputs: the fields each tool's check relies on. Loose: extra fields pass through.
const str = z.string();
const TOOL_SCHEMAS = {
  Bash: () => z.looseObject({ command: str, description: z.optional(str), timeout: z.optional(z.number()), run_in_background: z.optional(z.boolean()) }),
  Write: () => z.looseObject({ file_path: str, content: str }),
  Edit: () => z.looseObject({ file_path: str, old_string: str, new_string: str, replace_all: z.optional(z.boolean()) }),
  MultiEdit: () => z.looseObject({ file_path: str, edits: z.array(z.looseObject({ old_string: str, new_string: str })) }),
  NotebookEdit: () => z.looseObject({ notebook_path: str, new_source: z.optional(str), cell_id: z.optional(str) }),
  Read: () => z.looseObject({ file_path: str }),
  NotebookRead: () => z.looseObject({ notebook_path: str }),
  Glob: () => z.looseObject({ pattern: str, path: z.optional(str) }),
  Grep: () => z.looseObject({ pattern: str, path: z.optional(str), glob: z.optional(str) }),
  LS: () => z.looseObject({ path: str }),
  WebFetch: () => z.looseObject({ url: str, prompt: z.optional(str) }),
  WebSearch: () => z.looseObject({ query: str, allowed_domains: z.optional(z.array(str)), blocked_domains: z.optional(z.array(str)) }),
  Agent: () => z.looseObject({ prompt: z.optional(str), description: z.optional(str), subagent_type: z.optional(str) }),
  Task: () => z.looseObject({ prompt: z.optional(str), description: z.optional(str), subagent_type: z.optional(str) }),
};
type ToolInputs = { [T in keyof typeof TOOL_SCHEMAS]: ReturnType<(typeof TOOL_SCHEMAS)[T]> };
const builtTools = new Map<ToolName, ToolInputs[ToolName]>();

export type ToolName = keyof ToolInputs;
export type ToolInputOf<T extends ToolName> = z.infer<ToolInputs[T]>;

export function isKnownTool(name: string): name is ToolName {
  return Object.hasOwn(TOOL_SCHEMAS, name);
}

/** Validate a known tool's input. MCP and unknown tools have free-form inputs and are not checked here. */
export function parseToolInput<T extends ToolName>(tool: T, input: unknown): Result<ToolInputOf<T>> {
  let schema = builtTools.get(tool);
  if (schema === undefined) builtTools.set(tool, (schema = TOOL_SCHEMAS[tool]()));
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `${tool} input is malformed: ${describeIssues(parsed.error.issues)}` };
  return { ok: true, value: parsed.data as ToolInputOf<T> };
}
