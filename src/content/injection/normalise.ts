// Normalising for the encoded family: text as a reader takes it, around each suspect only — invisible characters
// removed, NFKC for full-width, mathematical and enclosed letters, Cyrillic/Greek look-alikes inside Latin words
// mapped to Latin, leetspeak undone ("1gn0r3" → "ignore"). Offsets map back to the original.
import { MAX_DECODED } from "./decode.js";
import { table } from "../../table.js";

const CONFUSABLE: Readonly<Record<string, string>> = table({
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", і: "i", ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l", һ: "h", ո: "n",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", І: "I", Ј: "J", Ѕ: "S",
  α: "a", ο: "o", ν: "v", ι: "i", κ: "k", ρ: "p", τ: "t", υ: "u", ε: "e", Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I",
  Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
});
const LEET: Readonly<Record<string, string>> = table({ "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" });
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
