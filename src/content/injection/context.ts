// What every injection detector needs to know about the place a match sits: the source's trust, whether the text is
// code or prose, and whether the match is *used* (addressed to the reader) or *mentioned* (quoted, discussed, in a
// comment). Owns those heuristics and nothing else; the families live beside this file.
import { excerptAt } from "../excerpt.js";
import { isAgentInstructionFile, isCodeFile } from "../source.js";
import type { InjectionFamily, InjectionFinding, InjectionSeverity, Source, Trust } from "../types.js";

export interface ScanContext {
  readonly trust: Trust;
  /** The text is code or configuration (a repo's `.ts`, `.json`): injection-looking strings there are data. */
  readonly code: boolean;
  /** The text is a file written to instruct agents (CLAUDE.md, AGENTS.md…): directives are its purpose. */
  readonly agentFile: boolean;
}

export function contextOf(source: Source): ScanContext {
  return { trust: source.trust, code: isCodeFile(source.path), agentFile: isAgentInstructionFile(source.path) };
}

/** Decoded or normalised text is scanned as if it came from at least an external source: hiding is itself a tell. */
export function hardened(ctx: ScanContext): ScanContext {
  return { trust: ctx.trust === "user" ? "user" : ctx.trust === "project" ? "external" : ctx.trust, code: false, agentFile: false };
}

export function finding(family: InjectionFamily, severity: InjectionSeverity, text: string, start: number, end: number): InjectionFinding {
  return { family, severity, excerpt: excerptAt(text, start, end), offset: start };
}

/** Start of the line holding `index`, looking back at most `limit` characters. */
export function lineStart(text: string, index: number, limit = 400): number {
  const from = Math.max(0, index - limit);
  const nl = text.slice(from, index).lastIndexOf("\n"); // bounded: a minified line can be a megabyte long
  return nl === -1 ? from : from + nl + 1;
}

export function lineEnd(text: string, index: number, limit = 400): number {
  const to = Math.min(text.length, index + limit);
  const nl = text.slice(index, to).indexOf("\n");
  return nl === -1 ? to : index + nl;
}

// A comment marker opening the line, after an optional `path:line:` prefix (grep, rg, compiler output).
const COMMENT_LEAD = /^(?:[^\s:]{1,200}:\d+:(?:\d+:)?)?\s*(?:\/\/|\/\*|\*|#(?!#)|--|;|%|'|rem\s|<!--|"""|''')/i;

/** The match sits in a line comment / block-comment line of code. */
export function inCodeComment(text: string, index: number): boolean {
  return COMMENT_LEAD.test(text.slice(lineStart(text, index), index));
}

// Fence positions of the last text asked about: detectors ask many times about one text, so compute once.
let fenceText: string | undefined;
let fences: number[] = [];
const FENCE = /^[ \t]{0,3}(?:```|~~~)/gm;

/** The index sits inside a markdown fenced code block (an odd number of fence lines before it). */
export function inCodeFence(text: string, index: number): boolean {
  if (fenceText !== text) {
    fenceText = text;
    fences = [];
    FENCE.lastIndex = 0;
    for (let m = FENCE.exec(text); m !== null && fences.length < 10_000; m = FENCE.exec(text)) fences.push(m.index);
  }
  let n = 0;
  for (const f of fences) {
    if (f >= index) break;
    n++;
  }
  return n % 2 === 1;
}

// Words that introduce a quotation or an example, not an order: `attacks like "ignore previous instructions"`.
const MENTION_CUE =
  /\b(?:(?<!\b(?:would|['’]d|i|you|we|they)\s)like|such as|e\.?g|i\.?e|for example|for instance|examples?|phrases?|strings?|patterns?|regex(?:es)?|keywords?|attacks?|injections?|jailbreaks?|payloads?|detects?|detected|detecting|detection|flags|flagged|catch(?:es)?|caught|known as|called|dubbed|quotes?|quoted|mentions?|mentioning|benchmarks?|red[- ]team(?:ing)?|adversarial|tokens|markers?|delimiters?|templates?)\b[^.!?\n]{0,80}$/i;
const QUOTE_OPEN = /["'`“‘«„]\s*$/;
const MENTION_AFTER = /^["'`”’»]?\s*(?:and\s+\S+\s+)?(?:tokens?|markers?|delimiters?|separators?|tags?|sequences?|strings?|phrases?|prefix(?:es)?)\b/i;

export type Mention = "cited" | "quoted" | "cited-quoted" | false;

// The document of the last text asked about: does it discuss prompt injection (a research note, a security blog)?
let discussText: string | undefined;
let discussing = false;
const DISCUSSION = /prompt[- ]injections?|jailbreak(?:s|ing)?\b|injection attacks?|red[- ]teaming|adversarial prompts?|llm security|indirect injection/gi;

/**
 * The text is *about* prompt injection (at least three mentions of the topic): its quoted payloads are examples.
 * An attacker can say the words too, but then has to quote the payload, which is how such pages show it.
 */
export function discussesInjection(text: string): boolean {
  if (discussText !== text) {
    discussText = text;
    DISCUSSION.lastIndex = 0;
    let n = 0;
    while (n < 3 && DISCUSSION.exec(text) !== null) n++;
    discussing = n >= 3;
  }
  return discussing;
}

/**
 * Is the match *mentioned* rather than addressed to the reader? "cited" when the words around it introduce or name an
 * example ("attacks like …", "e.g. …", "the <|endoftext|> token"); "quoted" when it sits inside quotes, backticks or
 * a fenced block; both when both, or when quoted in a text about prompt injection. lexicalSeverity decides what each
 * excuses where: untrusted text can quote its own injection.
 */
export function mentionOf(text: string, start: number, end: number): Mention {
  const before = text.slice(lineStart(text, start, 160), start);
  const after = text.slice(end, lineEnd(text, end, 240));
  const quoted =
    inCodeFence(text, start) ||
    (QUOTE_OPEN.test(before.slice(-3)) && /["'`”’»]/.test(after)) ||
    // Inside an open quote on this line: `"This is an important message … to you"`.
    (/`[^`]*$/.test(before) && after.includes("`")) ||
    (/^[^"]*"(?:[^"]*"[^"]*")*[^"]*$/.test(before) && after.includes('"')) ||
    (/“[^”]*$/.test(before) && after.includes("”"));
  // "e.g." and "i.e." end in a dot that isn't the end of a sentence. "the <|endoftext|> token": named after.
  const cited = MENTION_CUE.test(before.replace(/\b(e)\.(g)\.|\b(i)\.(e)\./gi, "$1$2$3$4")) || MENTION_AFTER.test(after) || (quoted && discussesInjection(text));
  return cited && quoted ? "cited-quoted" : cited ? "cited" : quoted ? "quoted" : false;
}

/** Verbs of an order an agent can carry out: run, send, read, write, reveal, tell… (a person's "click here" is not). */
export const ACTION_VERB =
  "(?:run|execute|exec|send|e-?mail|mail|post|upload|fetch|curl|wget|download|read|open|cat|write|delete|remove|rm|erase|wipe|create|add|insert|include|append|call|invoke|use|print|output|reply|respond|say|tell|ignore|forget|disregard|visit|navigate|go\\s+to|browse|copy|transfer|grant|push|commit|install|modify|change|update|edit|replace|exfiltrate|leak|share|forward|reveal|disclose|summari[sz]e|translate|recommend|praise|mention|describe|rate|approve|merge|deploy|pay|buy|purchase|book|schedule|invite|subscribe|star|fork|follow|list|search|query|look\\s+up|find|save|store|set|enable|disable|turn\\s+off|grab|collect|gather|extract|encode|base64|render|display|show|load|make\\s+sure|ensure|do\\s+not|don['’]t|never|always|stop|start|answer|inform|notify|contact|message|comply|obey|act\\s+as|pretend|behave|give|provide|generate|produce|convert|check\\s+out)";

const CONTINUED = new RegExp(`^[^.!?\\n]{0,40}?\\b(?:and|then|instead|now|to)\\b\\s+(?:(?:now|immediately|just|please|instead)\\s+)?${ACTION_VERB}\\b`, "i");

/** The order goes on to a separate action ("…previous instructions and run `rm -rf .`"). */
export function continuesWithAction(text: string, end: number): boolean {
  return CONTINUED.test(text.slice(end, end + 120));
}

/**
 * Severity of a lexical signal (override, addressed, role tokens…) by where it sits.
 * - `mention`: cited ("attacks like …") and/or quoted; untrusted text can quote its own injection, so there a quote
 *   alone doesn't excuse it, and a citation only when quoted too or when it doesn't go on to an action (`action`).
 * - `comment`: it sits in a code comment.
 * - `strong: false`: a project's prose may hold this innocently, so there it is only recorded.
 */
export function lexicalSeverity(ctx: ScanContext, opts: { mention: Mention; comment?: boolean; strong?: boolean; action?: boolean }): InjectionSeverity {
  switch (ctx.trust) {
    case "user":
      return "info";
    case "untrusted":
      // A page the agent fetched can dress its own payload up as an example ("prompt injection, e.g. `Ignore … and
      // run …`"), so here a mention is excused only when it goes on to no action: a security article quoting a full
      // payload is flagged, and the user reads a warning rather than the agent reading an order.
      return opts.mention && !opts.action ? "info" : "medium";
    case "external":
      return (opts.mention || opts.comment) && !opts.action ? "info" : "medium";
    case "project":
      if (ctx.agentFile || ctx.code || opts.mention || opts.comment) return "info";
      return opts.strong === false ? "info" : "medium";
    default: {
      const never: never = ctx.trust;
      return never;
    }
  }
}
