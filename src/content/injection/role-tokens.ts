// Chat-template and role tokens: text that tries to end the tool result and open a new turn. ChatML and Llama/Gemma
// special tokens (`<|im_start|>`, `[INST]`, `<<SYS>>`, `<|endoftext|>`), Claude Code's own framing
// (`<system-reminder>`, `</function_results>`), Guidance and Bing role markers, and fake `Human:` / `Assistant:`
// turns at the start of a line. Owns those tokens and one exception: a *template* (the tokens next to `{{ … }}` or
// `{content}` placeholders, as in a model card) is documentation, not a turn.
import type { InjectionFinding, InjectionSeverity } from "../types.js";
import { finding, inCodeComment, lexicalSeverity, mentionOf, type ScanContext } from "./context.js";

type Token = { readonly id: string; readonly re: RegExp; readonly framing: boolean };

const TOKENS: readonly Token[] = [
  // `<|im_start|>`, `<|eot_id|>`, `<｜begin▁of▁sentence｜>` (DeepSeek's full-width bars).
  { id: "special-token", re: /<[|｜][a-z_▁]{2,30}[|｜]>/gi, framing: false },
  { id: "inst", re: /\[\/?INST\]|<<\/?SYS>>|<\/?start_of_turn>|<\/?end_of_turn>/g, framing: false },
  // Claude Code wraps tool results and reminders in these; text that closes or opens one impersonates the harness.
  {
    id: "harness-tag",
    re: /<\/?(?:system-reminder|function_results|function_calls|tool_result|tool_use|antml:[a-z_]+|user_query|system_prompt|system-prompt|system_message|admin_instructions|developer_instructions)\b[^>\n]{0,80}>/gi,
    framing: true,
  },
  { id: "guidance", re: /\{\{[#~/]\s*(?:system|user|assistant)~?\}\}|\[(?:system|assistant)\]\(#(?:context|instructions|prompt)\)/gi, framing: false },
  { id: "alpaca", re: /^[ \t]{0,3}#{2,4}\s*(?:System|Instruction|System Prompt)\s*:/gm, framing: false },
];

// A fake turn: `Human:` or `Assistant:` opening a line (checked in code: a `^` with /m is tried at every position)
// and followed by words.
const FAKE_TURN = /(Human|Assistant)[ \t]*:[ \t]*\S/g;
/** What may stand before the label on its line: up to 4 spaces or `>`, from the line start (5 characters looked at). */
const TURN_LINE_LEAD = /(?:^|\n)[ \t>]{0,4}$/;
// A template shows where content goes: `{{ message['content'] }}`, `{% for %}`, `{system_message}`, `$prompt`.
const TEMPLATE_NEAR = /\{\{(?![#~/]\s*(?:system|user|assistant))[^}]{0,80}\}\}|\{%[^%]{0,80}%\}|\{[a-z_]{2,30}\}|\$\{?[a-z_]{3,30}\}?|<\|?[a-z_]{2,20}\|?>\s*\{/i;

function isTemplate(text: string, index: number): boolean {
  return TEMPLATE_NEAR.test(text.slice(Math.max(0, index - 240), index + 240));
}

/** Chat-template tokens and fake turns, one finding per token kind (the first), so a page of tokens is one line. */
export function detectRoleTokens(text: string, ctx: ScanContext): InjectionFinding[] {
  const out: InjectionFinding[] = [];
  for (const token of TOKENS) {
    token.re.lastIndex = 0;
    let best: InjectionFinding | undefined;
    for (let m = token.re.exec(text); m !== null; m = token.re.exec(text)) {
      const start = m.index + (/^\s*/.exec(m[0])?.[0].length ?? 0);
      const end = m.index + m[0].length;
      let severity: InjectionSeverity;
      if (isTemplate(text, start)) severity = "info";
      else {
        // A project's files document templates and tokens (this repo's own tests do): recorded, never acted on.
        severity = lexicalSeverity(ctx, { mention: mentionOf(text, start, end), comment: inCodeComment(text, start), strong: false });
        // Closing the harness's own tags is the sharpest form: a carrier, wherever untrusted text holds it.
        if (token.framing && severity === "medium" && ctx.trust === "untrusted") severity = "high";
      }
      const f = finding("role-token", severity, text, start, end);
      if (!best || rank(severity) > rank(best.severity)) best = f;
      if (severity !== "info") break;
    }
    if (best) out.push(best);
  }
  const turns = fakeTurns(text, ctx);
  if (turns) out.push(turns);
  return out;
}

function fakeTurns(text: string, ctx: ScanContext): InjectionFinding | undefined {
  FAKE_TURN.lastIndex = 0;
  let first: { start: number; end: number } | undefined;
  let human = false;
  let assistant = false;
  for (let m = FAKE_TURN.exec(text); m !== null; m = FAKE_TURN.exec(text)) {
    if (!TURN_LINE_LEAD.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (m[1] === "Human") human = true;
    else assistant = true;
    const start = m.index;
    first ??= { start, end: m.index + m[0].length };
    if (human && assistant) break;
  }
  if (!first) return undefined;
  if (isTemplate(text, first.start)) return finding("role-token", "info", text, first.start, first.end);
  // A whole exchange is a forgery anywhere outside the project. One `Human:` line in untrusted text opens a turn; one
  // `Assistant:` line is as likely a staff directory ("Assistant: Mary Jones") and is only recorded.
  const exchange = human && assistant;
  let severity: InjectionSeverity = lexicalSeverity(ctx, { mention: mentionOf(text, first.start, first.end), comment: inCodeComment(text, first.start), strong: false });
  if (!exchange && !(human && ctx.trust === "untrusted")) severity = "info";
  return finding("role-token", severity, text, first.start, first.end);
}

function rank(s: InjectionSeverity): number {
  return s === "high" ? 2 : s === "medium" ? 1 : 0;
}
