// Injections in disguise: the text families run again over (1) blobs decoded from base64, hex, URL-encoding, HTML
// entities, `\u` escapes, tag characters and variation-selector runs — up to MAX_DEPTH layers — and (2) the whole
// text normalised: invisible characters removed, NFKC for full-width and mathematical letters, Cyrillic/Greek
// look-alikes mapped to Latin, leetspeak undone. Owns decoding (bounded: runs of at least MIN_RUN characters, at most
// MAX_BLOBS blobs and MAX_DECODED characters) and the rule that decoded text must read as text (a PNG, a hash or a
// lockfile's integrity string decodes to bytes and is dropped). Does not own the families themselves.
import type { InjectionFinding, InjectionSeverity } from "../types.js";
import { hardened, type ScanContext } from "./context.js";
import { detectAddressed } from "./addressed.js";
import { detectExfilImage } from "./exfil-image.js";
import { detectHiddenHtml } from "./hidden-html.js";
import { detectOverride } from "./override.js";
import { detectRoleTokens } from "./role-tokens.js";

const MIN_RUN = 24; // characters of base64 / hex before a run is worth decoding
const MAX_DEPTH = 3;
const MAX_BLOBS = 300;
const MAX_DECODED = 65_536; // characters of decoded text scanned per response, all blobs and layers together
const BLOB_SCAN = 8_192; // characters of one decoded blob scanned: payloads are short, blobs can be megabytes

type Detector = (text: string, ctx: ScanContext) => InjectionFinding[];
/** The families that read words; invisible carriers are found on the raw text only. */
export const TEXT_DETECTORS: readonly Detector[] = [detectRoleTokens, detectOverride, detectAddressed, detectHiddenHtml, detectExfilImage];

type Blob = { kind: string; start: number; end: number; decoded: string };

// base64 / base64url alphabet, for a hand-written run finder: a regex over this class costs three times as much.
const B64 = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-") B64[c.charCodeAt(0)] = 1;

/** Maximal runs of the base64 alphabet of at least MIN_RUN characters, with their `=` padding. */
function* base64Runs(text: string): Generator<{ index: number; run: string }> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c < 128 && B64[c] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= MIN_RUN) {
      let end = i;
      while (end < text.length && end - i < 2 && text.charCodeAt(end) === 61) end++; // "="
      yield { index: start, run: text.slice(start, end) };
    }
    start = -1;
  }
}

function* regexRuns(re: RegExp, text: string): Generator<{ index: number; run: string }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) yield { index: m.index, run: m[0] };
}
// Plain hex runs are found by BASE64_RUN (a subset of its alphabet) and decoded as hex there; these are the
// separated forms, each starting with a literal so the scan skips ahead.
const HEX_ESCAPED = /\\x[0-9a-fA-F]{2}(?:\\x[0-9a-fA-F]{2}){5,}/g;
const HEX_SPACED = /\b[0-9a-fA-F]{2}(?:[ :][0-9a-fA-F]{2}){8,}\b/g;
const HEX_ARRAY = /0x[0-9a-fA-F]{2}(?:\s*,\s*0x[0-9a-fA-F]{2}){6,}/g;
// Starts at a "%": a run that could start anywhere would be tried (and backtracked) at every position.
const URL_RUN = /(?:%[0-9A-Fa-f]{2}[^\s%"'<>]{0,40}){4,}/g;
const ENTITY_RUN = /(?:&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});[^&\n]{0,20}){3,}/g;
const UNICODE_ESCAPE_RUN = /(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\}){4,}/g;
const TAG_RUN = /[\u{E0000}-\u{E007F}]{4,}/gu;
const VS_RUN = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]{3,}/gu;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " ", sol: "/", colon: ":", lpar: "(", rpar: ")", excl: "!", period: "." };

/** Decoded bytes are text: valid UTF-8, mostly printable, with words in it. */
function asText(bytes: Buffer): string | undefined {
  if (bytes.length < 8) return undefined;
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) return undefined;
  return readsAsText(text) ? text : undefined;
}

function readsAsText(text: string): boolean {
  let printable = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c >= 0xa0) printable++;
  }
  if (printable / text.length < 0.9) return false;
  // Words, or another layer of encoding to peel (base64 of base64, hex of base64).
  return (/[A-Za-z\u00C0-\uFFFF]{3,}/.test(text) && /\s/.test(text)) || /^[A-Za-z0-9+/=_-]{16,}$/.test(text.trim());
}

function decodeBase64(run: string): string | undefined {
  const body = run.replace(/=+$/, "");
  const hexBody = body.replace(/^0x/, "");
  if (/^[0-9a-fA-F]+$/.test(hexBody)) return decodeHex(hexBody);
  if (body.length % 4 === 1) return undefined;
  if (!/[A-Z]/.test(body) || !/[a-z]/.test(body)) return undefined; // a word, a path, a constant: not base64
  const std = body.replace(/-/g, "+").replace(/_/g, "/");
  return asText(Buffer.from(std, "base64"));
}

function decodeHex(run: string): string | undefined {
  const digits = run.replace(/\\x|0x|[\s,:]/g, "");
  if (digits.length % 2 !== 0) return undefined;
  return asText(Buffer.from(digits, "hex"));
}

function decodeUrl(run: string): string | undefined {
  if ((run.match(/%[0-9A-Fa-f]{2}/g)?.length ?? 0) < 4) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(run.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
  return text !== run && readsAsText(text) ? text : undefined;
}

function decodeEntities(run: string): string | undefined {
  const text = run.replace(/&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const cp = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
  return text !== run && readsAsText(text) ? text : undefined;
}

function decodeUnicodeEscapes(run: string): string | undefined {
  const text = run.replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g, (_w, a: string | undefined, b: string | undefined) => {
    const cp = parseInt(a ?? b ?? "0", 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
  });
  return readsAsText(text) ? text : undefined;
}

function decodeTagRun(run: string): string | undefined {
  let out = "";
  for (const c of run) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out.length >= 4 ? out : undefined;
}

/** Emoji smuggling: each variation selector is one byte (FE00–FE0F → 0–15, E0100–E01EF → 16–255). */
function decodeSelectorRun(run: string): string | undefined {
  const bytes: number[] = [];
  for (const c of run) {
    const cp = c.codePointAt(0)!;
    bytes.push(cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16);
  }
  return asText(Buffer.from(bytes));
}

const DECODERS: readonly {
  kind: string;
  find: (text: string) => Iterable<{ index: number; run: string }>;
  decode: (run: string) => string | undefined;
  skip?: (text: string, start: number) => boolean;
  /** A cheap test that the carrier can be there at all (spares a /u scan of the whole text). */
  present?: RegExp;
}[] = [
  {
    kind: "base64",
    find: base64Runs,
    decode: decodeBase64,
    // Images in data: URIs and integrity hashes are never text; don't spend time on them.
    skip: (text, start) => /(?:;base64,|sha(?:1|256|384|512)-)$/i.test(text.slice(Math.max(0, start - 8), start)) && !/data:text\/[a-z]+;base64,$/i.test(text.slice(Math.max(0, start - 30), start)),
  },
  { kind: "hex", find: (t) => regexRuns(HEX_ESCAPED, t), decode: decodeHex, present: /\\x/ },
  { kind: "hex", find: (t) => regexRuns(HEX_SPACED, t), decode: decodeHex, present: /[ :][0-9a-fA-F]{2}[ :][0-9a-fA-F]{2}[ :]/ },
  { kind: "hex", find: (t) => regexRuns(HEX_ARRAY, t), decode: decodeHex, present: /0x/ },
  { kind: "URL-encoding", find: (t) => regexRuns(URL_RUN, t), decode: decodeUrl, present: /%[0-9A-Fa-f]{2}/ },
  { kind: "HTML entities", find: (t) => regexRuns(ENTITY_RUN, t), decode: decodeEntities, present: /&#?\w{2,8};/ },
  { kind: "\\u escapes", find: (t) => regexRuns(UNICODE_ESCAPE_RUN, t), decode: decodeUnicodeEscapes, present: /\\u/ },
  { kind: "tag characters", find: (t) => regexRuns(TAG_RUN, t), decode: decodeTagRun, present: /\uDB40/ },
  { kind: "variation selectors", find: (t) => regexRuns(VS_RUN, t), decode: decodeSelectorRun, present: /[\uFE00-\uFE0F\uDB40]/ },
];

/** Decodable runs in `text`, bounded. */
export function findBlobs(text: string, budget = { blobs: MAX_BLOBS, chars: MAX_DECODED }): Blob[] {
  const blobs: Blob[] = [];
  for (const decoder of DECODERS) {
    if (decoder.present && !decoder.present.test(text)) continue;
    for (const m of decoder.find(text)) {
      if (budget.blobs <= 0 || budget.chars <= 0) return blobs;
      if (decoder.skip?.(text, m.index)) continue;
      budget.blobs--;
      // A URL-encoded run starts at its first escape; take the word before it too ("next=Ignore%20all…").
      const start = decoder.kind === "URL-encoding" ? m.index - (/[^\s%"'<>=&?/]{0,40}$/.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[0].length ?? 0) : m.index;
      const run = text.slice(start, m.index + m.run.length);
      const decoded = decoder.decode(run.length > BLOB_SCAN * 2 ? run.slice(0, BLOB_SCAN * 2) : run);
      if (decoded === undefined) continue;
      budget.chars -= decoded.length;
      blobs.push({ kind: decoder.kind, start, end: m.index + m.run.length, decoded });
    }
  }
  return blobs;
}

// ---- normalisation -------------------------------------------------------------------------------------------

const CONFUSABLE: Readonly<Record<string, string>> = {
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", і: "i", ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", һ: "h", ո: "n",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", І: "I", Ј: "J", Ѕ: "S",
  α: "a", ο: "o", ν: "v", ι: "i", κ: "k", ρ: "p", τ: "t", υ: "u", ε: "e", Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I",
  Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
};
const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };
const STRIPPED = /^[\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]$/u;
/**
 * Where normalising could change what the families read: an invisible or compatibility character, a Latin letter
 * next to a Cyrillic or Greek one (a look-alike inside a word; plain Russian or Greek text has none), or a word with
 * two or more leet substitutions ("1gn0re"; "utf8" or "sha256" has one at most). Bounded quantifiers only.
 */
// Non-/u patterns over UTF-16 units (astral ranges as surrogate pairs): a /u scan of the whole text costs more.
const SUSPECT_CHAR =
  /[\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\uFF01-\uFF5E\u2100-\u214F\u2460-\u24FF\uFB00-\uFB06]|\uD835[\uDC00-\uDFFF]|\uDB40[\uDC00-\uDDEF]|\uD83C[\uDD30-\uDD89]|[\u0370-\u03FF\u0400-\u04FF]+/g;
const LATIN_UNIT = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Leet digits then a letter; the letter before (or two after) is checked in code. Starts with a small class: fast.
const LEET_RUN = /[0134578@$]{1,3}[A-Za-z]/g;
const NFKC_RANGE = (cp: number) =>
  (cp >= 0x2100 && cp <= 0x214f) || (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0xfb00 && cp <= 0xfb06) || (cp >= 0x1d400 && cp <= 0x1d7ff) || (cp >= 0x1f130 && cp <= 0x1f189);
const LEET_WORD = /[A-Za-z0-9@$]*[A-Za-z][A-Za-z0-9@$]*/g;
const LEET_ANY = /[0134578@$]/g;
const WINDOW = 1_000; // characters either side of a suspect, within its line

function unleet(text: string): string {
  return text.replace(LEET_WORD, (word) => (isLeetWord(word) ? word.replace(LEET_ANY, (d) => LEET[d] ?? d) : word));
}

/** A word that opens a leetspeak window: two or more substitutions, and not a number with a unit ("41ms", "64bit"). */
function isLeetTrigger(word: string): boolean {
  return isLeetWord(word) && (word.match(LEET_ANY)?.length ?? 0) >= 2 && !/^\d+[A-Za-z]{1,4}$/.test(word);
}

/** "1gn0r3", "pr3v10u5": letters and leet digits mixed; not a hex string, a version, or an identifier like "utf8". */
function isLeetWord(word: string): boolean {
  // Not a hex string, a version, a name with a number at the end ("file13", "utf8"), or a run of base64.
  if (word.length < 3 || word.length > 24 || /^[0-9a-f]+$/i.test(word) || /^v\d/.test(word)) return false;
  if (!/[0134578@$]/.test(word.replace(/\d+$/, ""))) return false;
  const letters = word.replace(/[^A-Za-z]/g, "").length;
  const leet = word.length - letters;
  return letters >= 2 && leet >= 1 && leet <= letters * 2;
}

/** One window, character by character: `out` gets the reading, `origin` the offset each character came from. */
function normaliseWindow(text: string, from: number, to: number, out: string[], origin: number[]): void {
  let piece = "";
  for (let i = from; i < to; ) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      origin.push(i);
      piece += text[i];
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const c = text.slice(i, i + width);
    let mapped: string;
    if (STRIPPED.test(c)) mapped = "";
    else if (cp >= 0xff01 && cp <= 0xff5e) mapped = String.fromCharCode(cp - 0xfee0);
    else if (NFKC_RANGE(cp)) mapped = c.normalize("NFKC");
    else mapped = CONFUSABLE[c] ?? c;
    for (let k = 0; k < mapped.length; k++) origin.push(i);
    piece += mapped;
    i += width;
  }
  out.push(unleet(piece)); // one character for one: origin stays aligned
}

function isWordUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 64 || c === 36;
}

/** The leet-alphabet word around [start, start + length), at most 40 back and 64 ahead. */
function wordSpan(text: string, start: number, length: number): [number, number] {
  let from = start;
  let to = start + length;
  while (from > 0 && start - from < 40 && isWordUnit(text.charCodeAt(from - 1))) from--;
  while (to < text.length && to - start < 64 && isWordUnit(text.charCodeAt(to))) to++;
  return [from, to];
}

/**
 * The text as a reader would take it, around each suspect only: the suspect's line (at most WINDOW characters either
 * side), normalised, windows joined by newlines; `origin[i]` is the offset in `text` of normalised character i.
 * Undefined when nothing is suspect, so ordinary text costs one regex pass.
 */
export function normalise(text: string): { text: string; origin: Int32Array } | undefined {
  const windows: [number, number][] = [];
  let total = 0;
  const open = (at: number): number => {
    const back = Math.max(0, at - WINDOW);
    const from = back + text.slice(back, at).lastIndexOf("\n") + 1;
    const ahead = text.slice(at, at + WINDOW);
    const eol = ahead.indexOf("\n");
    const to = eol === -1 ? at + ahead.length : at + eol;
    windows.push([from, to]);
    total += to - from;
    return to;
  };
  SUSPECT_CHAR.lastIndex = 0;
  for (let m = SUSPECT_CHAR.exec(text); m !== null && total < MAX_DECODED; m = SUSPECT_CHAR.exec(text)) {
    const c = m[0].charCodeAt(0);
    // A Cyrillic or Greek run counts only inside a Latin word ("Ignоre"); Russian or Greek prose is left alone.
    if (c >= 0x370 && c <= 0x4ff && !LATIN_UNIT(text.charCodeAt(m.index - 1)) && !LATIN_UNIT(text.charCodeAt(m.index + m[0].length))) continue;
    SUSPECT_CHAR.lastIndex = open(m.index);
  }
  LEET_RUN.lastIndex = 0;
  for (let m = LEET_RUN.exec(text); m !== null && total < MAX_DECODED; m = LEET_RUN.exec(text)) {
    const [from, to] = wordSpan(text, m.index, m[0].length);
    if (isLeetTrigger(text.slice(from, to))) LEET_RUN.lastIndex = open(m.index);
    else LEET_RUN.lastIndex = Math.max(LEET_RUN.lastIndex, to); // the rest of a hex string or identifier is no better
  }
  windows.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < windows.length; i++) {
    const prev = windows[i - 1]!;
    const cur = windows[i]!;
    if (cur[0] <= prev[1]) {
      prev[1] = Math.max(prev[1], cur[1]);
      windows.splice(i--, 1);
    }
  }
  if (windows.length === 0) return undefined;
  const parts: string[] = [];
  const origin: number[] = [];
  for (const [from, to] of windows) {
    if (parts.length > 0) origin.push(from); // the joining newline
    normaliseWindow(text, from, to, parts, origin);
  }
  const joined = parts.join("\n");
  const original = windows.map(([from, to]) => text.slice(from, to)).join("\n");
  return joined === original ? undefined : { text: joined, origin: Int32Array.from(origin) };
}

// ---- the family ----------------------------------------------------------------------------------------------

function acted(findings: InjectionFinding[]): InjectionFinding | undefined {
  return findings.find((f) => f.severity === "high") ?? findings.find((f) => f.severity === "medium");
}

function scanDecoded(decoded: string, ctx: ScanContext, depth: number, budget: { blobs: number; chars: number }): { inner: InjectionFinding; path: string[] } | undefined {
  const hit = acted(TEXT_DETECTORS.flatMap((d) => d(decoded, ctx)));
  if (hit) return { inner: hit, path: [] };
  const norm = normalise(decoded);
  if (norm) {
    const n = acted(TEXT_DETECTORS.flatMap((d) => d(norm.text, ctx)));
    if (n) return { inner: n, path: ["normalised"] };
  }
  if (depth >= MAX_DEPTH) return undefined;
  for (const blob of findBlobs(decoded, budget)) {
    const deeper = scanDecoded(blob.decoded, ctx, depth + 1, budget);
    if (deeper) return { inner: deeper.inner, path: [blob.kind, ...deeper.path] };
  }
  return undefined;
}

/**
 * Injections that only show after decoding or normalising. `seen` are the findings on the raw text: a family already
 * found near the same place is not reported again.
 */
export function detectEncoded(text: string, ctx: ScanContext, seen: readonly InjectionFinding[] = []): InjectionFinding[] {
  const inner = hardened(ctx);
  const out: InjectionFinding[] = [];
  const budget = { blobs: MAX_BLOBS, chars: MAX_DECODED };
  for (const blob of findBlobs(text, budget)) {
    const hit = scanDecoded(blob.decoded, inner, 1, budget);
    if (!hit) continue;
    out.push(encodedFinding([blob.kind, ...hit.path], hit.inner, ctx, blob.start));
    if (out.length >= 5) break;
  }
  const norm = normalise(text);
  if (norm) {
    for (const f of TEXT_DETECTORS.flatMap((d) => d(norm.text, inner))) {
      if (f.severity === "info") continue;
      const offset = norm.origin[Math.min(f.offset, norm.origin.length - 1)] ?? 0;
      const already = seen.some((s) => s.family === f.family && s.severity !== "info" && Math.abs(s.offset - offset) < 200);
      if (already || out.some((o) => Math.abs(o.offset - offset) < 40)) continue;
      out.push(encodedFinding(["normalising"], f, ctx, offset));
      break;
    }
  }
  return out;
}

function encodedFinding(path: string[], inner: InjectionFinding, ctx: ScanContext, offset: number): InjectionFinding {
  const severity: InjectionSeverity = ctx.trust === "user" ? "info" : inner.severity === "high" ? "high" : "medium";
  const how = path.join(" → ");
  return { family: "encoded", severity, excerpt: `${inner.family} after ${how}: ${inner.excerpt}`.slice(0, 140), offset };
}
