// Decoding for the encoded family: runs of base64 (hex inside it), `\x`/spaced/array hex, URL-encoding, HTML
// entities, `\u` escapes, tag characters and variation-selector runs, each decoded and kept only if it reads as text
// (valid UTF-8, mostly printable, words or another layer of encoding). Bounded: runs of at least MIN_RUN characters,
// at most MAX_BLOBS runs and MAX_DECODED decoded characters per call, BLOB_SCAN characters of any one run.
import { table } from "../../table.js";

export const MIN_RUN = 24; // characters of base64 / hex before a run is worth decoding
export const MAX_BLOBS = 300;
export const MAX_DECODED = 65_536; // characters of decoded text scanned per response, all blobs and layers together
const BLOB_SCAN = 8_192; // characters of one decoded blob scanned: payloads are short, blobs can be megabytes

export type Blob = { kind: string; start: number; end: number; decoded: string };

// base64 / base64url alphabet, for a hand-written run finder: a regex over this class costs three times as much.
const B64 = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-") B64[c.charCodeAt(0)] = 1;

/** Maximal runs of the base64 alphabet of at least MIN_RUN characters, with their `=` padding. A plain loop: a
 *  generator or a regex over this class costs several times as much on a large text. */
function base64Runs(text: string): { index: number; run: string }[] {
  const runs: { index: number; run: string }[] = [];
  const n = text.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    if (c < 128 && B64[c] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= MIN_RUN) {
      let end = i;
      while (end < n && end - i < 2 && text.charCodeAt(end) === 61) end++; // "="
      runs.push({ index: start, run: text.slice(start, end) });
      if (runs.length >= MAX_BLOBS) break;
    }
    start = -1;
  }
  return runs;
}

function* regexRuns(re: RegExp, text: string): Generator<{ index: number; run: string }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) yield { index: m.index, run: m[0] };
}
// Plain hex runs are found by BASE64_RUN (a subset of its alphabet) and decoded as hex there; these are the
// separated forms, each starting with a literal so the scan skips ahead.
const HEX_ESCAPED = /\\x[0-9a-fA-F]{2}(?:\\x[0-9a-fA-F]{2}){5,}/g;
// Spaced hex ("49 67 6e 6f …") is seeded at a space (a pattern that starts with a hex digit is tried at every word)
// and grown from the pair before it.
const HEX_SPACED_SEED = / [0-9a-fA-F]{2} [0-9a-fA-F]{2} [0-9a-fA-F]{2} /g;
const HEX_SPACED = /[0-9a-fA-F]{2}(?: [0-9a-fA-F]{2}){8,}(?![0-9A-Za-z])/y;

function spacedHexRuns(text: string): { index: number; run: string }[] {
  const runs: { index: number; run: string }[] = [];
  HEX_SPACED_SEED.lastIndex = 0;
  for (let m = HEX_SPACED_SEED.exec(text); m !== null; m = HEX_SPACED_SEED.exec(text)) {
    const start = m.index - 2;
    if (start < 0 || /[0-9A-Za-z]/.test(text[start - 1] ?? "")) continue;
    HEX_SPACED.lastIndex = start;
    const run = HEX_SPACED.exec(text);
    if (!run) continue;
    runs.push({ index: start, run: run[0] });
    HEX_SPACED_SEED.lastIndex = start + run[0].length;
  }
  return runs;
}
const HEX_ARRAY = /0x[0-9a-fA-F]{2}(?:\s*,\s*0x[0-9a-fA-F]{2}){6,}/g;
// Starts at a "%": a run that could start anywhere would be tried (and backtracked) at every position.
const URL_RUN = /(?:%[0-9A-Fa-f]{2}[^\s%"'<>]{0,40}){4,}/g;
const ENTITY_RUN = /(?:&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});[^&\n]{0,20}){3,}/g;
const UNICODE_ESCAPE_RUN = /(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\}){4,}/g;
const TAG_RUN = /[\u{E0000}-\u{E007F}]{4,}/gu;
const VS_RUN = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]{3,}/gu;

const NAMED_ENTITIES: Readonly<Record<string, string>> = table({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " ", sol: "/", colon: ":", lpar: "(", rpar: ")", excl: "!", period: "." });

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
  { kind: "hex", find: spacedHexRuns, decode: decodeHex },
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
