// One scan of a tool response: every extracted text checked for injections and secrets, in one pass each over the
// texts joined (so a Grep with 2 000 file names costs one scan, not 2 000). Owns joining, mapping findings back to
// the text they came from, and building the masked copy. Does not own the answer (../post-tool-use.ts).
import { pathKey, type ExtractedText, type JsonPath } from "./extract.js";
import { neutraliseInvisible, scanForInjection } from "./injection/index.js";
import { applyMasks, maskFor } from "./secret-patterns.js";
import { detectSecrets } from "./secrets.js";
import type { ContentFinding, InjectionFinding, Source } from "./types.js";

const SEPARATOR = "\n\n"; // a blank line: no family reads across it as one paragraph

export interface ResponseScan {
  /** Every injection signal, acted-on and info alike, with the path of its text. */
  readonly injections: readonly (InjectionFinding & { readonly at: string })[];
  readonly secrets: readonly Extract<ContentFinding, { type: "secret" }>[];
  /** Masked / neutralised texts to write back, or none when nothing changed. */
  readonly replacements: readonly { path: JsonPath; text: string; scanned: number }[];
}

type Located = { index: number; local: number };

function locator(texts: readonly ExtractedText[]): (offset: number) => Located {
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.text.length + SEPARATOR.length;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { index: lo, local: offset - (starts[lo] ?? 0) };
  };
}

export async function scanTexts(texts: readonly ExtractedText[], source: Source): Promise<ResponseScan> {
  if (texts.length === 0) return { injections: [], secrets: [], replacements: [] };
  const joined = texts.map((t) => t.text).join(SEPARATOR);
  const locate = locator(texts);

  const injections = scanForInjection(joined, source).map((f) => {
    const { index, local } = locate(f.offset);
    return { ...f, offset: local, at: pathKey(texts[index]!.path) };
  });

  // Secret spans, split per text (a span never crosses a separator: no pattern matches a blank line… but clip anyway).
  const perText = new Map<number, { kind: string; start: number; end: number }[]>();
  const secrets: Extract<ContentFinding, { type: "secret" }>[] = [];
  for (const match of await detectSecrets(joined)) {
    const { index, local } = locate(match.start);
    const text = texts[index]!.text;
    const end = Math.min(text.length, local + (match.end - match.start));
    if (end <= local) continue;
    const spans = perText.get(index) ?? [];
    spans.push({ kind: match.kind, start: local, end });
    perText.set(index, spans);
    secrets.push({ type: "secret", family: "secret", kind: match.kind, severity: "high", excerpt: maskFor(match.kind, text.slice(local, end)), offset: local, at: pathKey(texts[index]!.path) });
  }

  const carriers = injections.some((f) => f.family === "invisible" && f.severity !== "info");
  const replacements: { path: JsonPath; text: string; scanned: number }[] = [];
  texts.forEach((t, index) => {
    const spans = perText.get(index);
    let text = spans ? applyMasks(t.text, spans) : t.text;
    if (carriers) text = neutraliseInvisible(text);
    if (text !== t.text) replacements.push({ path: t.path, text, scanned: t.text.length });
  });
  return { injections, secrets, replacements };
}
