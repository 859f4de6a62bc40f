// Directives hidden from a person but not from the model: HTML comments (`<!-- AI: … -->`, markdown's
// `[//]: # (…)`) and elements hidden by CSS or attributes (`display:none`, `visibility:hidden`, `font-size:0`,
// `opacity:0`, off-screen, `hidden`, `aria-hidden`). Owns finding hidden spans and deciding whether what they hold is
// an order. A hidden span with no order in it (a licence header, `<!-- end nav -->`, an icon) stays quiet.
import type { InjectionFinding, InjectionSeverity } from "../types.js";
import { ACTION_VERB, finding, mentionOf, type ScanContext } from "./context.js";
import { detectAddressed } from "./addressed.js";
import { detectOverride } from "./override.js";

const HIDDEN_MAX = 4_000; // characters of one hidden span examined
const SPANS_MAX = 500; // hidden spans examined per text

const OPEN_TAG = /<([a-z][a-z0-9-]{0,20})(\s[^<>]{0,1000})?>/gi;
const HIDING_ATTRS =
  /style\s*=\s*["'][^"']{0,400}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:[;"'!]|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:[;"'!]|$)|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}|(?:max-)?(?:height|width)\s*:\s*0(?:px)?\s*;[^"']{0,100}overflow\s*:\s*hidden|clip\s*:\s*rect\(0|color\s*:\s*(?:transparent|#fff(?:fff)?\b|white\b)[^"']{0,100}background(?:-color)?\s*:\s*(?:#fff(?:fff)?\b|white\b))|\shidden(?:\s|=|$)|aria-hidden\s*=\s*["']?true|class\s*=\s*["'][^"']{0,200}\b(?:hidden|d-none|display-none|invisible|sr-only|visually-hidden|screen-reader-text)\b/i;
const MD_COMMENT = /^\[(?:\/\/|comment|_)\]:\s*#\s*[("'](.{0,2000})[)"']\s*$/gim;

// A label that speaks to the model ("System:", "AI:", "Assistant note:") then an order: strong.
const AGENT_LABEL = new RegExp(
  `^\\s*(?:\\[|\\*\\*)?(?:system|ai|assistant|llm|agent|claude|model|prompt|hidden\\s+instructions?)(?:\\s+(?:message|note|instructions?|prompt|override|directive))?(?:\\]|\\*\\*)?\\s*[:!—-]+\\s*(?:\\w+\\s+){0,3}?${ACTION_VERB}\\b`,
  "i",
);
// A label anyone might write ("Note:", "IMPORTANT:") then an order: weak.
const LABEL = new RegExp(
  `^\\s*(?:\\[|\\*\\*)?(?:instructions?|important|note|attention|admin|developer|todo)(?:\\]|\\*\\*)?\\s*[:!—-]+\\s*(?:\\w+\\s+){0,3}?${ACTION_VERB}\\b`,
  "i",
);
const YOU_MUST = new RegExp(`\\byou\\s+(?:must|should|will|shall|need\\s+to|have\\s+to|are\\s+(?:required|instructed|expected)\\s+to)\\s+(?:\\w+\\s+)?${ACTION_VERB}\\b`, "i");

const UNTRUSTED: ScanContext = { trust: "untrusted", code: false, agentFile: false };

/** Does a hidden span hold an order? "strong" when the override/addressed detectors see one in it. */
function orderIn(hidden: string): "strong" | "weak" | undefined {
  const probe = hidden.replace(/<[^<>]{0,200}>/g, " ");
  if (detectOverride(probe, UNTRUSTED).some((f) => f.severity !== "info")) return "strong";
  if (detectAddressed(probe, UNTRUSTED).some((f) => f.severity !== "info")) return "strong";
  if (AGENT_LABEL.test(probe)) return "strong";
  if (LABEL.test(probe) || YOU_MUST.test(probe)) return "weak";
  return undefined;
}

// A weak order ("you should update…") counts only when it names an AI or something worth stealing or breaking.
const WEAK_WORTH =
  /\b(?:ai|llm|assistant|agent|model|claude|chatgpt|gpt|copilot)s?\b|~\/|\.ssh|id_rsa|\.env\b|credentials?|secrets?|api[\s_-]?keys?|tokens?|passwords?|private\s+keys?|rm\s+-rf|curl\s|wget\s|https?:\/\/|[\w.+-]+@[\w-]+\.[a-z]{2,}/i;

function severityFor(ctx: ScanContext, order: "strong" | "weak", hidden: string): InjectionSeverity {
  if (order === "weak" && !WEAK_WORTH.test(hidden)) return "info";
  switch (ctx.trust) {
    case "user":
      return "info";
    case "untrusted":
    case "external":
      return "medium";
    case "project":
      // A project's HTML comments are usually notes to its maintainers; only a real override is acted on.
      return ctx.agentFile || ctx.code || order === "weak" ? "info" : "medium";
    default: {
      const never: never = ctx.trust;
      return never;
    }
  }
}

export function detectHiddenHtml(text: string, ctx: ScanContext): InjectionFinding[] {
  const out: InjectionFinding[] = [];
  let examined = 0;
  const consider = (kind: string, start: number, hidden: string) => {
    examined++;
    // Markup shown as code (`<!-- … -->` in backticks or a fenced block) is on display, not hidden.
    if (mentionOf(text, start, start + 4)) return;
    const order = orderIn(hidden.slice(0, HIDDEN_MAX));
    if (!order) return;
    const f = finding("hidden-html", severityFor(ctx, order, hidden), text, start, start + Math.min(hidden.length + 8, 120));
    out.push({ ...f, excerpt: `${kind}: ${f.excerpt}`.slice(0, 120) });
  };

  // HTML comments, by indexOf: linear, and an unclosed comment runs to the end of the text (as a browser reads it).
  for (let at = text.indexOf("<!--"); at !== -1 && examined < SPANS_MAX; at = text.indexOf("<!--", at + 4)) {
    const close = text.indexOf("-->", at + 4);
    const end = close === -1 ? Math.min(text.length, at + 4 + HIDDEN_MAX) : close;
    consider("HTML comment", at, text.slice(at + 4, Math.min(end, at + 4 + HIDDEN_MAX)));
    if (out.length > 0 && out[out.length - 1]!.severity !== "info") break;
    if (close === -1) break;
    at = close;
  }

  MD_COMMENT.lastIndex = 0;
  for (let m = MD_COMMENT.exec(text); m !== null && examined < SPANS_MAX; m = MD_COMMENT.exec(text)) consider("markdown comment", m.index, m[1] ?? "");

  // Elements hidden by style or attribute: the text up to their closing tag.
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(text); m !== null && examined < SPANS_MAX; m = OPEN_TAG.exec(text)) {
    const attrs = m[2];
    if (!attrs || !HIDING_ATTRS.test(attrs)) continue;
    const tag = m[1]!.toLowerCase();
    const bodyStart = m.index + m[0].length;
    const window = text.slice(bodyStart, bodyStart + HIDDEN_MAX);
    const close = window.toLowerCase().indexOf(`</${tag}`);
    consider(`hidden <${tag}>`, m.index, close === -1 ? window : window.slice(0, close));
  }
  return dedupe(out);
}

/** The strongest finding per kind of hiding place. */
function dedupe(found: InjectionFinding[]): InjectionFinding[] {
  const best = new Map<string, InjectionFinding>();
  for (const f of found) {
    const key = f.excerpt.split(":")[0]!;
    const prev = best.get(key);
    if (!prev || (prev.severity === "info" && f.severity !== "info")) best.set(key, f);
  }
  return [...best.values()];
}
