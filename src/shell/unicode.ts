// Unicode and control-character scan of a raw command, run BEFORE parsing: what a person reviewing the command
// cannot see (zero-width, bidi overrides, tag characters, odd spaces, controls) or would misread (a Cyrillic `с` in
// `сurl`, fullwidth letters). Non-ASCII in a command *name* is judged later, on the model (injection.ts).

export type UnicodeKind = "zero-width" | "bidi" | "tag" | "control" | "space" | "confusable";

export interface UnicodeHit {
  readonly kind: UnicodeKind;
  /** UTF-16 offset into the command. */
  readonly index: number;
  readonly codePoint: number;
}

/** `U+202E`-style label for reasons. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

function classify(cp: number): UnicodeKind | undefined {
  // C0 controls except tab and newline; DEL; C1 controls.
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)) return "control";
  if (cp < 0x80) return undefined;
  // Zero-width and invisible formatting characters.
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || cp === 0x180e) return "zero-width";
  if (cp >= 0x2061 && cp <= 0x2064) return "zero-width";
  // Bidi controls (Trojan Source, CVE-2021-42574).
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return "bidi";
  // Tag characters: invisible ASCII smuggling.
  if (cp >= 0xe0000 && cp <= 0xe007f) return "tag";
  // Spaces a shell does not split on but a reader sees as a separator.
  if (cp === 0x00a0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000) return "space";
  // Fullwidth ASCII forms read as ASCII letters, digits and punctuation.
  if (cp >= 0xff01 && cp <= 0xff5e) return "confusable";
  return undefined;
}

/** Cyrillic and Greek letters that look like Latin ones; confusable only inside a word that also has ASCII letters. */
function isLookalikeScript(cp: number): boolean {
  return (cp >= 0x0370 && cp <= 0x03ff) || (cp >= 0x0400 && cp <= 0x04ff);
}

function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function isWordBreak(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x3b || cp === 0x7c || cp === 0x26 || cp === 0x28 || cp === 0x29 || cp === 0x3c || cp === 0x3e || cp === 0x22 || cp === 0x27;
}

/** Every suspicious character (confusables reported when their word ends). Linear in the length of the command. */
export function scanUnicode(source: string): UnicodeHit[] {
  // Printable ASCII, tab and newline only (nearly every command): nothing to report, found by one regex pass.
  if (!/[^\t\n\x20-\x7e]/.test(source)) return [];
  const hits: UnicodeHit[] = [];
  // Mixed-script detection per word: remember whether the current word has ASCII letters and where lookalikes sit.
  let wordHasAscii = false;
  let pendingLookalikes: { index: number; codePoint: number }[] | undefined; // made on the first lookalike only
  const endWord = () => {
    if (wordHasAscii && pendingLookalikes) for (const l of pendingLookalikes) hits.push({ kind: "confusable", ...l });
    wordHasAscii = false;
    pendingLookalikes = undefined;
  };
  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i) ?? 0;
    const kind = classify(cp);
    if (kind) hits.push({ kind, index: i, codePoint: cp });
    if (isWordBreak(cp) || kind === "space") endWord();
    else if (isAsciiLetter(cp)) wordHasAscii = true;
    else if (isLookalikeScript(cp)) (pendingLookalikes ??= []).push({ index: i, codePoint: cp });
    i += cp > 0xffff ? 2 : 1;
  }
  endWord();
  return hits;
}
