// Text addressed to the agent with a directive: the indirect-injection tell. "AI assistant: …", "Note to Claude: …",
// "If you are an AI reading this, …", "the user wants you to …", AgentDojo's "This is an important message from me,
// … to you" / "Before you can solve the task …", tool-poisoning `<IMPORTANT>` blocks, "do not tell the user".
// Owns the address forms and the rule that an address only counts with an agent action after it. Does not own:
// override phrases (override.ts) or where the text came from (context.ts).
import type { InjectionFinding } from "../types.js";
import { ACTION_VERB, finding, inCodeComment, lexicalSeverity, mentionOf, type ScanContext } from "./context.js";
import { compileShapes, forEachShape, type Shape, type ShapeGroup } from "./shapes.js";

const AGENT =
  "(?:ai|a\\.i\\.|llm|llms|large\\s+language\\s+models?|language\\s+models?|ai\\s+(?:assistant|agent|model|system|tool)s?|assistants?|agents?|coding\\s+(?:assistant|agent)s?|models?|chat-?bots?|claude(?:\\s+code)?|chatgpt|gpt(?:-?\\d[\\w.-]*)?|copilot|gemini|cursor|bard|automated\\s+(?:systems?|agents?|tools?|assistants?))";

type Address = Shape & {
  readonly id: string;
  /** Needs an agent action within the same paragraph after it (the address alone is harmless). */
  readonly needsAction: boolean;
  /** Counts only when the paragraph names something worth stealing or breaking (SENSITIVE). */
  readonly sensitiveOnly?: boolean;
};

const AGENT_LEAD = "ai|a\\.i\\.|llms?|large|language|assistants?|agents?|coding|models?|chat-?bots?|claude|chatgpt|gpt|copilot|gemini|cursor|bard|automated";

// Shapes grouped by the word they start with (see shapes.ts). Lookbehinds hold the words before the lead.
const GROUPS: readonly ShapeGroup<Address>[] = [
  {
    lead: "note|message|instructions?|attention|reminder|memo|notice|warning|request|directive|p\\.?s|hint|tip|dear|hey|hi|hello|listen|ok|okay|yo|greetings|important|urgent|critical|official|priority|high[- ]priority|confidential|special",
    shapes: [
      {
        id: "note-to-agent",
        re: new RegExp(`(?:note|message|instructions?|attention|reminder|memo|notice|warning|request|directive|p\\.?s\\.?|hint|tip)\\s+(?:to|for)\\s+(?:the\\s+|any\\s+|all\\s+|every\\s+)?${AGENT}\\b`, "i"),
        needsAction: true,
      },
      {
        id: "hey-agent",
        re: new RegExp(`(?<=(?:^|[.!?>\\n])\\s{0,4})(?:dear|hey|hi|hello|attention|listen(?:\\s+up)?|ok(?:ay)?|yo|greetings),?\\s+(?:the\\s+|my\\s+|fellow\\s+)?${AGENT}\\s*[,.:!—–-]`, "im"),
        needsAction: true,
      },
      {
        // AgentDojo's "important_instructions" wrapper and its relatives.
        id: "important-message",
        re: /(?<=\bthis\s+is\s+an?\s+(?:very\s+)?)(?:important|urgent|critical|official|priority|high[- ]priority|confidential|special)\s+(?:message|note|instructions?|notice|update|request|directive)s?\s+from\b[^.\n]{0,80}?\bto\s+you\b/i,
        needsAction: false,
      },
      { id: "important-bang", re: /(?:IMPORTANT|URGENT|ATTENTION|WARNING|CRITICAL)\s*!{3,}/, needsAction: true },
    ],
  },
  {
    lead: AGENT_LEAD,
    shapes: [
      {
        // "Claude, when you read this, …" / "Assistant, as part of this task you need to …": a name, a comma, an order.
        id: "agent-comma",
        re: /(?<=(?:^|[.!?>\n]|<!--)\s{0,4})(?:claude|assistant|ai|ai\s+(?:assistant|agent)|agent|chatgpt|copilot|gemini|llm|model)\s*,\s/im,
        needsAction: true,
      },
      {
        id: "agent-colon",
        re: /(?<=^[ \t>*_#-]{0,6})(?:ai|a\.i\.|ai\s+(?:assistant|agent|model)|llm|claude|chatgpt|gpt-?\d?|copilot|language\s+model)s?\s*[:,]\s/im,
        needsAction: true,
      },
      {
        // "When an LLM reads this, it should …"
        id: "when-agent-reads",
        re: new RegExp(`${AGENT}\\s+(?:reads|sees|processes|parses|summari[sz]es|encounters|ingests|is\\s+reading|is\\s+processing)\\s+(?:this|these)\\b`, "i"),
        needsAction: true,
      },
      {
        id: "agents-reading-this",
        re: new RegExp(`${AGENT}\\s+(?:that\\s+(?:is|are)\\s+|who\\s+(?:is|are)\\s+)?(?:reading|processing|parsing|summari[sz]ing|analy[sz]ing|browsing|scraping|viewing|seeing|ingesting|crawling|reviewing)\\s+(?:this|these)\\b`, "i"),
        needsAction: true,
      },
      {
        // "AI agents must email the key to …": agents as the subject of an order. Docs say "the assistant should respond
        // politely" all the time, so only the nouns that name the reader count, and only with a sensitive target.
        id: "agents-must",
        re: /(?:ai\s+(?:agents?|assistants?|models?|systems?)|llms|language\s+models|claude|chatgpt|copilot)\s+(?:must|should|shall|need\s+to|have\s+to|are\s+(?:required|instructed|expected)\s+to)\s+(?=(?:now\s+|immediately\s+|always\s+|first\s+)?\w)/i,
        needsAction: true,
        sensitiveOnly: true,
      },
    ],
  },
  {
    lead: "you\\s*(?:are|['’]re)",
    shapes: [
      {
        id: "if-you-are-ai",
        // The agent noun ends the phrase: "if you are an AI, …" / "… an LLM reading this", not "a model trainer".
        re: new RegExp(`(?<=\\b(?:if|when|since|as)\\s+)you\\s*(?:\\s+are|['’]re)\\s+(?:an?\\s+|the\\s+)?(?:${AGENT}|robot|crawler|scraper|machine)\\b(?=\\s*[,.;:!?)—–-]|\\s+(?:reading|processing|parsing|seeing|browsing|summari[sz]ing|and|or|that|who|then|like)\\b)`, "i"),
        needsAction: true,
      },
    ],
  },
  {
    lead: "user|owner|operator|developer|human|boss|admin(?:istrator)?|principal|master|creator|employer|manager",
    shapes: [
      {
        id: "user-wants-you",
        re: /(?<=\b(?:the|your|my)\s+)(?:user|owner|operator|developer|human|boss|admin(?:istrator)?|principal|master|creator|employer|manager)\s+(?:has\s+|have\s+|had\s+|also\s+|really\s+)?(?:wants|needs|asked|asks|requests|requested|instructed|instructs|authori[sz]ed|authori[sz]es|expects|would\s+like|told|tells|insists|wishes|wanted|needed|demands)\s+(?:for\s+)?you\s+to\s+/i,
        needsAction: true,
      },
    ],
  },
  {
    // "After reading this, …": the reader, whoever it is, then an order.
    lead: "after|upon|once",
    shapes: [
      {
        id: "after-reading-this",
        re: /(?:after|upon|once\s+you(?:['’]ve|\s+have)?)\s+(?:reading|read|processing|seeing)\s+this\s*(?:message|note|text|page)?\s*,/i,
        needsAction: true,
      },
    ],
  },
  {
    lead: "before|prior\\s+to",
    shapes: [
      {
        id: "before-your-task",
        re: /(?:before|prior\s+to)\s+(?:you\s+)?(?:can\s+|could\s+|start\s+to\s+|begin\s+to\s+)?(?:solve|solving|complete|completing|finish|finishing|do|doing|continue|continuing|answer|answering|proceed|proceeding|start|starting|perform|performing|carry\s+out|work\s+on|working\s+on|respond(?:ing)?\s+to)\s+(?:with\s+)?(?:the|your|this|my|that|any)\s+(?:original\s+|actual\s+|current\s+|user['’]s\s+)?(?:task|request|job|assignment|question|work|instructions?)\s*(?:that\s+I\s+gave\s+you|I\s+gave\s+you|you\s+were\s+given)?/i,
        needsAction: true,
      },
    ],
  },
  {
    lead: "instead",
    shapes: [
      {
        id: "instead-of-task",
        re: /instead\s+of\s+(?:summari[sz]ing|answering|translating|completing|doing|following|performing|responding\s+to|replying\s+to|reviewing|analy[sz]ing|reading)\s+(?:the|this|that|my|your|their)\s+(?:user['’]s\s+)?(?:question|task|request|text|document|page|e-?mail|message|review|article|file|instructions?|code|pr|pull\s+request|issue)\b/i,
        needsAction: true,
      },
    ],
  },
  {
    // Tool poisoning: upper-case pseudo-tags around orders in MCP descriptions and results. The trigger's \b can't
    // sit before "<", so the lead is the word inside; the shape checks the brackets (and the case) behind and after it.
    lead: "important|information|instructions?|system|secret|hidden|admin|override|critical",
    shapes: [{ id: "pseudo-tag", re: /(?<=<)(?:IMPORTANT|INFORMATION|INSTRUCTIONS?|SYSTEM|SECRET|HIDDEN|ADMIN|OVERRIDE|CRITICAL)>/, needsAction: true }],
  },
  {
    lead: "do\\s+not|don['’]t|never|without",
    shapes: [
      {
        id: "conceal",
        re: /(?:do\s+not|don['’]t|never|without)\s+(?:tell(?:ing)?|inform(?:ing)?|notify(?:ing)?|alert(?:ing)?|let(?:ting)?|warn(?:ing)?|mention(?:ing)?\s+(?:this|it|that)\s+to|show(?:ing)?\s+(?:this|it)\s+to|reveal(?:ing)?\s+(?:this|it)\s+to|ask(?:ing)?|asking)\s+(?:the\s+|your\s+)?(?:user|human|operator|owner)s?\b(?:\s+know)?/i,
        needsAction: false,
      },
    ],
  },
];
const ADDRESSES = compileShapes(GROUPS);

// An order: the verb opens a clause ("…: send", "please send", "then send") or follows "you must / you to".
const ACTION = new RegExp(
  `(?:^\\s*|[.:;,!?—–-]\\s*|\\b(?:please|then|and|now|first|also|immediately|just|kindly|simply|instead|quietly|silently|secretly)\\s+|\\b(?:you|it|they|the\\s+(?:agent|assistant|model|ai|llm|bot))\\s+(?:must|should|need\\s+to|needs\\s+to|have\\s+to|has\\s+to|will|shall|are\\s+going\\s+to|are\\s+(?:required|expected|instructed|asked|supposed)\\s+to|is\\s+(?:required|expected|instructed|supposed)\\s+to|to)\\s+(?:please\\s+|immediately\\s+|now\\s+|first\\s+|also\\s+|quietly\\s+|silently\\s+|only\\s+|always\\s+)?)${ACTION_VERB}\\b`,
  "i",
);
/** Where an action makes the directive dangerous even in a project's prose. */
const SENSITIVE =
  /~\/|\.ssh|id_rsa|id_ed25519|\.env\b|\.aws|credentials?|secrets?|api[\s_-]?keys?|tokens?|passwords?|private\s+keys?|seed\s+phrase|wallet|\/etc\/(?:passwd|shadow)|rm\s+-rf|curl\s|wget\s|https?:\/\/|[\w.+-]+@[\w-]+\.[\w.]+|exfiltrat|do\s+not\s+tell|don['’]t\s+tell|without\s+telling/i;
const CONDITIONAL_LEAD = /\b(?:if|when|whenever|unless|once|until|after)\s+$/i;

/** The paragraph after `end` (to a blank line), at most 300 characters. */
function paragraphAfter(text: string, end: number): string {
  const slice = text.slice(end, end + 300);
  const blank = slice.search(/\n\s*\n/);
  return blank === -1 ? slice : slice.slice(0, blank);
}

export function detectAddressed(text: string, ctx: ScanContext): InjectionFinding[] {
  const out: InjectionFinding[] = [];
  const seen = new Set<string>(); // one finding per address form
  forEachShape(text, ADDRESSES, (address, m) => {
    if (seen.has(address.id)) return;
    const start = m.index;
    const end = m.index + m[0].length;
    const after = paragraphAfter(text, end);
    if (address.needsAction && !ACTION.test(after)) return;
    // "If the user asks you to …" in docs for agent builders: a condition describing behaviour, not an order.
    if (address.id === "user-wants-you" && CONDITIONAL_LEAD.test(text.slice(Math.max(0, start - 30), start).replace(/\b(?:the|your|my)\s+$/i, ""))) return;
    const sensitive = SENSITIVE.test(after);
    if (address.sensitiveOnly && !sensitive) return;
    const strong = sensitive || address.id === "conceal" || address.id === "important-message";
    const severity = lexicalSeverity(ctx, { mention: mentionOf(text, start, end), comment: inCodeComment(text, start), strong });
    seen.add(address.id);
    out.push(finding("addressed", severity, text, start, Math.min(text.length, end + 60)));
  });
  return out;
}
