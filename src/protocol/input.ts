// Hook input: parse and normalise what Claude Code sends on stdin. Unknown fields pass through (Claude Code adds
// fields often: prompt_id, effort, agent_id…). Output shapes live in output.ts.
import * as z from "zod/mini";

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const base = {
  session_id: z.string(),
  transcript_path: z.optional(z.string()),
  cwd: z.string().check(z.minLength(1)),
  permission_mode: z.optional(z.string()),
  hook_event_name: z.string(),
  prompt_id: z.optional(z.string()),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
};

const toolEvent = {
  ...base,
  tool_name: z.string().check(z.minLength(1)),
  tool_input: z.record(z.string(), z.unknown()),
  tool_use_id: z.optional(z.string()),
};

export const PreToolUseInput = z.looseObject({ ...toolEvent, hook_event_name: z.literal("PreToolUse") });
export const PostToolUseInput = z.looseObject({
  ...toolEvent,
  hook_event_name: z.literal("PostToolUse"),
  tool_response: z.unknown(),
  duration_ms: z.optional(z.number()),
});
export const PostToolUseFailureInput = z.looseObject({
  ...toolEvent,
  hook_event_name: z.literal("PostToolUseFailure"),
  error: z.optional(z.string()),
  is_interrupt: z.optional(z.boolean()),
});
export const UserPromptSubmitInput = z.looseObject({ ...base, hook_event_name: z.literal("UserPromptSubmit"), prompt: z.string() });
export const SessionStartInput = z.looseObject({
  ...base,
  hook_event_name: z.literal("SessionStart"),
  source: z.optional(z.string()),
  model: z.optional(z.string()),
});

export type PreToolUseInput = z.infer<typeof PreToolUseInput>;
export type PostToolUseInput = z.infer<typeof PostToolUseInput>;
export type PostToolUseFailureInput = z.infer<typeof PostToolUseFailureInput>;
export type UserPromptSubmitInput = z.infer<typeof UserPromptSubmitInput>;
export type SessionStartInput = z.infer<typeof SessionStartInput>;

export type HookEvent = "PreToolUse" | "PostToolUse" | "PostToolUseFailure" | "UserPromptSubmit" | "SessionStart";

const SCHEMAS = {
  PreToolUse: PreToolUseInput,
  PostToolUse: PostToolUseInput,
  PostToolUseFailure: PostToolUseFailureInput,
  UserPromptSubmit: UserPromptSubmitInput,
  SessionStart: SessionStartInput,
} as const;

export type InputOf<E extends HookEvent> = z.infer<(typeof SCHEMAS)[E]>;

/** Parse raw stdin for the event this executable serves. Never throws. */
export function parseHookInput<E extends HookEvent>(event: E, raw: string): Result<InputOf<E>> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, error: `stdin is not valid JSON (${(error as Error).message.slice(0, 120)})` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, error: "stdin is not a JSON object" };
  }
  const parsed = SCHEMAS[event].safeParse(json);
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
// Built on first use: a call validates one tool's input, so building the other thirteen schemas is wasted start-up.
const toolInputs = () => ({
  Bash: z.looseObject({ command: str, description: z.optional(str), timeout: z.optional(z.number()), run_in_background: z.optional(z.boolean()) }),
  Write: z.looseObject({ file_path: str, content: str }),
  Edit: z.looseObject({ file_path: str, old_string: str, new_string: str, replace_all: z.optional(z.boolean()) }),
  MultiEdit: z.looseObject({ file_path: str, edits: z.array(z.looseObject({ old_string: str, new_string: str })) }),
  NotebookEdit: z.looseObject({ notebook_path: str, new_source: z.optional(str), cell_id: z.optional(str) }),
  Read: z.looseObject({ file_path: str }),
  NotebookRead: z.looseObject({ notebook_path: str }),
  Glob: z.looseObject({ pattern: str, path: z.optional(str) }),
  Grep: z.looseObject({ pattern: str, path: z.optional(str), glob: z.optional(str) }),
  LS: z.looseObject({ path: str }),
  WebFetch: z.looseObject({ url: str, prompt: z.optional(str) }),
  WebSearch: z.looseObject({ query: str, allowed_domains: z.optional(z.array(str)), blocked_domains: z.optional(z.array(str)) }),
  Agent: z.looseObject({ prompt: z.optional(str), description: z.optional(str), subagent_type: z.optional(str) }),
  Task: z.looseObject({ prompt: z.optional(str), description: z.optional(str), subagent_type: z.optional(str) }),
});
type ToolInputs = ReturnType<typeof toolInputs>;
let TOOL_INPUTS: ToolInputs | undefined;

export type ToolName = keyof ToolInputs;
export type ToolInputOf<T extends ToolName> = z.infer<ToolInputs[T]>;

const TOOL_NAMES: ReadonlySet<string> = new Set(["Bash", "Write", "Edit", "MultiEdit", "NotebookEdit", "Read", "NotebookRead", "Glob", "Grep", "LS", "WebFetch", "WebSearch", "Agent", "Task"]);
export function isKnownTool(name: string): name is ToolName {
  return TOOL_NAMES.has(name);
}

/** Validate a known tool's input. MCP and unknown tools have free-form inputs and are not checked here. */
export function parseToolInput<T extends ToolName>(tool: T, input: unknown): Result<ToolInputOf<T>> {
  TOOL_INPUTS ??= toolInputs();
  const parsed = (TOOL_INPUTS[tool] as ToolInputs[ToolName]).safeParse(input);
  if (!parsed.success) return { ok: false, error: `${tool} input is malformed: ${describeIssues(parsed.error.issues)}` };
  return { ok: true, value: parsed.data as ToolInputOf<T> };
}
