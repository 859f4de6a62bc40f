// UserPromptSubmit: a secret pasted into a prompt is blocked before it reaches the model.
import { parseHookInput } from "../protocol/input.js";
import { failureOutput } from "../protocol/run-hook.js";
import { userPromptSubmit } from "../user-prompt-submit.js";

export async function userPromptSubmitHook(raw: string, json?: unknown): Promise<Record<string, unknown>> {
  const parsed = parseHookInput("UserPromptSubmit", raw, json);
  if (!parsed.ok) return failureOutput("UserPromptSubmit", parsed.error);
  const result = await userPromptSubmit(parsed.value);
  return result.output;
}
