// Invisible carriers: text the model reads and a person doesn't see. Unicode tag characters (ASCII smuggling),
// zero-width runs, bidi embeddings/overrides/isolates outside right-to-left text, variation-selector runs (emoji
// smuggling), private-use runs. Owns which code points count and the context that makes one legitimate (ZWJ inside an
// emoji sequence, ZWNJ in Persian, RLM in Hebrew, a subdivision flag's tags, an ideographic variation selector).
// Does not own: what the hidden text says (encoded.ts strips these and rescans).
import { renderHidden } from "../excerpt.js";
import type { InjectionFinding, InjectionSeverity } from "../types.js";
import type { ScanContext } from "./context.js";

// One pass finds every candidate; the rest looks only at candidates and their neighbours.
const CANDIDATE =
  /[\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\uE000-\uF8FF]|[\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}\u{F0000}-\u{10FFFD}\u{1D173}-\u{1D17A}]/gu;

// Built on first use: evaluating a literal with \p{…} classes has ICU build its character sets, work every hook
// process would pay at start-up (~3 M instructions for these) whether or not its text holds a candidate.
const buildClasses = () => ({
  EMOJI: /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator})$/u,
  RTL_LETTER: /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u,
  /** A letter or mark of a script other than Latin: ZWJ/ZWNJ/CGJ are part of how Arabic, Persian and Indic text is written. */
  NON_LATIN_LETTER: /^(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])[\p{L}\p{M}]$/u,
  HAN: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u,
  HANGUL: /^(?![\u115F\u1160\u3164\uFFA0])\p{Script=Hangul}$/u, // a letter, not another filler
  LATIN_LETTER: /^\p{Script=Latin}$/u,
  MONGOLIAN: /\p{Script=Mongolian}/u,
});
let classes: ReturnType<typeof buildClasses> | undefined;
const re = () => (classes ??= buildClasses());

const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
const isVS = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const isPUA = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
const isBidiOverride = (cp: number) => cp === 0x202d || cp === 0x202e || cp === 0x202a || cp === 0x202b;
const isMark = (cp: number) => cp === 0x200e || cp === 0x200f || cp === 0x061c;

type Kind = "tags" | "variation-selectors" | "zero-width" | "bidi" | "private-use";
type Run = { kind: Kind; start: number; end: number; count: number; severity: InjectionSeverity; note: string };

function charBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const lo = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** The visible character before `i`, skipping variation selectors and skin-tone modifiers (`❤️‍🔥`, `👍🏽‍…`). */
function baseBefore(text: string, i: number): string {
  let at = i;
  for (let steps = 0; steps < 4; steps++) {
    const c = charBefore(text, at);
    const cp = c.codePointAt(0) ?? 0;
    if (c && (isVS(cp) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3)) {
      at -= c.length;
      continue;
    }
    return c;
  }
  return "";
}

function lineHasRtl(text: string, i: number): boolean {
  return re().RTL_LETTER.test(text.slice(Math.max(0, i - 200), Math.min(text.length, i + 200)));
}

/** A zero-width character that is part of the writing around it, not a carrier. */
function justifiedZeroWidth(text: string, i: number, cp: number, width: number): boolean {
  const before = baseBefore(text, i);
  const after = charAt(text, i + width);
  if (cp === 0x200d && re().EMOJI.test(before) && re().EMOJI.test(after)) return true; // 👩‍💻, 🏳️‍🌈
  if ((cp === 0x200c || cp === 0x200d || cp === 0x034f) && (re().NON_LATIN_LETTER.test(before) || re().NON_LATIN_LETTER.test(after))) return true;
  if ((cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0) && (re().HANGUL.test(before) || re().HANGUL.test(after))) return true;
  if (cp === 0x180e && re().MONGOLIAN.test(before + after)) return true;
  if (cp === 0xfeff && i === 0) return true; // a byte-order mark
  if (isMark(cp) && lineHasRtl(text, i)) return true; // RLM/LRM/ALM in Hebrew or Arabic text
  return false;
}

/** Tags after a black flag that spell a subdivision (🏴 + "gbeng" + CANCEL TAG = England): an emoji, not a message. */
function isSubdivisionFlag(text: string, start: number, tags: string): boolean {
  if (charBefore(text, start) !== "\u{1F3F4}") return false;
  return /^[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{2,6}\u{E007F}$/u.test(tags);
}

/** One selector picks a glyph (❤️, 葛󠄀 after a Han ideograph); a run of them is bytes hidden behind a character. */
function selectorsHide(count: number, supplementary: boolean, before: string): boolean {
  if (count === 1) return supplementary && !re().HAN.test(before);
  return count >= 3 || supplementary;
}

function decodeTags(tags: string): string {
  let out = "";
  for (const c of tags) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out;
}

const TRUST_SCALE: Record<ScanContext["trust"], number> = { untrusted: 2, external: 1, project: 1, user: 0 };

/** Invisible carriers in `text`, one finding per run. */
export function detectInvisible(text: string, ctx: ScanContext): InjectionFinding[] {
  const runs: Run[] = [];
  CANDIDATE.lastIndex = 0;
  let zw: { start: number; end: number; count: number } | undefined; // the open run of unjustified zero-width characters
  let interleaved = 0; // unjustified zero-width characters between two Latin letters: "ig\u200Bno\u200Bre"
  let interleavedAt = -1;
  const closeZeroWidth = () => {
    if (zw && zw.count >= 2) {
      runs.push({ kind: "zero-width", start: zw.start, end: zw.end, count: zw.count, severity: zw.count >= 4 ? "high" : "medium", note: `${zw.count} zero-width characters in a row` });
    }
    zw = undefined;
  };
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const i = m.index;
    const c = m[0];
    const cp = c.codePointAt(0)!;
    if (zw && zw.end !== i) closeZeroWidth();
    if (isTag(cp)) {
      // Gather the whole tag run at once.
      let end = i + c.length;
      while (end < text.length && isTag(text.codePointAt(end)!)) end += 2;
      const tags = text.slice(i, end);
      CANDIDATE.lastIndex = end;
      if (isSubdivisionFlag(text, i, tags)) continue;
      const decoded = decodeTags(tags);
      runs.push({ kind: "tags", start: i, end, count: tags.length / 2, severity: "high", note: decoded ? `tag characters spelling "${decoded}"` : "tag characters" });
      continue;
    }
    if (isVS(cp)) {
      const { end, count, supplementary } = selectorRun(text, cp, i + c.length);
      CANDIDATE.lastIndex = end;
      if (selectorsHide(count, supplementary, charBefore(text, i))) {
        runs.push({ kind: "variation-selectors", start: i, end, count, severity: "high", note: `${count} variation selectors after one character` });
      }
      continue;
    }
    if (isPUA(cp)) {
      let end = i + c.length;
      let count = 1;
      for (let next = text.codePointAt(end); next !== undefined && isPUA(next); next = text.codePointAt(end)) {
        end += next > 0xffff ? 2 : 1;
        count++;
      }
      CANDIDATE.lastIndex = end;
      // Icon fonts (Nerd Fonts, Powerline) put single glyphs in command output; a run is a payload.
      if (count >= 4) {
        runs.push({ kind: "private-use", start: i, end, count, severity: TRUST_SCALE[ctx.trust] >= 2 ? "medium" : "info", note: `${count} private-use characters in a row` });
      }
      continue;
    }
    if (isBidiControl(cp)) {
      if (lineHasRtl(text, i)) continue;
      const override = isBidiOverride(cp);
      runs.push({ kind: "bidi", start: i, end: i + c.length, count: 1, severity: override ? "high" : "medium", note: `bidi control ${renderHidden(c)} in left-to-right text` });
      continue;
    }
    // The zero-width class: ZWSP, ZWNJ, ZWJ, WJ, BOM, LRM/RLM, invisible operators, fillers, annotation marks.
    if (justifiedZeroWidth(text, i, cp, c.length)) continue;
    if (re().LATIN_LETTER.test(charBefore(text, i)) && re().LATIN_LETTER.test(charAt(text, i + c.length))) {
      interleaved++;
      if (interleavedAt < 0) interleavedAt = i;
    }
    if (zw) {
      zw.end = i + c.length;
      zw.count++;
    } else zw = { start: i, end: i + c.length, count: 1 };
  }
  closeZeroWidth();
  if (interleaved >= 3 && !runs.some((r) => r.kind === "zero-width")) {
    runs.push({ kind: "zero-width", start: interleavedAt, end: interleavedAt + 1, count: interleaved, severity: "medium", note: `${interleaved} zero-width characters inside words` });
  }
  return summarise(runs, ctx);
}

/** One finding per kind (the first run, with the count of runs), so a page full of carriers is one line. */
function summarise(runs: Run[], ctx: ScanContext): InjectionFinding[] {
  const out: InjectionFinding[] = [];
  const seen = new Map<Kind, number>();
  for (const run of runs) seen.set(run.kind, (seen.get(run.kind) ?? 0) + 1);
  for (const [kind, n] of seen) {
    const first = runs.find((r) => r.kind === kind)!;
    const severity: InjectionSeverity = ctx.trust === "user" ? "info" : first.severity;
    const where = n > 1 ? ` (${n} places)` : "";
    out.push({ family: "invisible", severity, excerpt: `${first.note}${where}`.slice(0, 120), offset: first.start });
  }
  return out;
}

/**
 * `text` with the carriers removed, for updatedToolOutput: tag runs become a visible note of what they spelled,
 * selector runs a count; zero-width and bidi characters that aren't part of the writing around them are dropped.
 * An emoji's joiner, a script's own marks and icon-font glyphs stay.
 */
export function neutraliseInvisible(text: string): string {
  CANDIDATE.lastIndex = 0;
  let out = "";
  let at = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const i = m.index;
    const cp = m[0].codePointAt(0)!;
    let end = i + m[0].length;
    let marker: string | undefined;
    if (isTag(cp)) {
      while (end < text.length && isTag(text.codePointAt(end)!)) end += 2;
      CANDIDATE.lastIndex = end;
      if (isSubdivisionFlag(text, i, text.slice(i, end))) continue;
      marker = `[hidden tag characters removed: "${decodeTags(text.slice(i, end)).slice(0, 200)}"]`;
    } else if (isVS(cp)) {
      const run = selectorRun(text, cp, end);
      end = run.end;
      CANDIDATE.lastIndex = end;
      if (selectorsHide(run.count, run.supplementary, charBefore(text, i))) marker = `[${run.count} hidden variation selectors removed]`;
    } else if (isPUA(cp)) {
      continue;
    } else if (isBidiControl(cp)) {
      if (!lineHasRtl(text, i)) marker = "";
    } else if (!justifiedZeroWidth(text, i, cp, m[0].length)) {
      marker = "";
    }
    if (marker === undefined) continue;
    out += text.slice(at, i) + marker;
    at = end;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The run of variation selectors that starts with `first` (already read) and goes on at `end`. */
function selectorRun(text: string, first: number, end: number): { end: number; count: number; supplementary: boolean } {
  let count = 1;
  let supplementary = first >= 0xe0100;
  for (let next = text.codePointAt(end); next !== undefined && isVS(next); next = text.codePointAt(end)) {
    end += next > 0xffff ? 2 : 1;
    count++;
    if (next >= 0xe0100) supplementary = true;
  }
  return { end, count, supplementary };
}
