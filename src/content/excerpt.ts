// Short, safe excerpts of scanned text for reasons and audit lines. Owns: rendering invisible characters visibly,
// defanging markup, masking secrets, and the length cap. Does not own: what an excerpt is taken around (detectors).
import { maskSecrets } from "./secret-patterns.js";

export const EXCERPT_MAX = 80;

// Everything that renders as nothing, or reorders text, becomes `<U+XXXX>`; so does any control but tab.
const HIDDEN =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\uE000-\uF8FF]|[\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}\u{F0000}-\u{10FFFF}\u{1D173}-\u{1D17A}]/gu;

export function renderHidden(text: string): string {
  return text.replace(HIDDEN, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}

/** `text[start, end)` with a little context, whitespace collapsed, invisibles shown, markup defanged, ≤ max chars. */
export function excerptAt(text: string, start: number, end: number, max = EXCERPT_MAX): string {
  const from = Math.max(0, start);
  const to = Math.min(text.length, Math.max(end, from + 1), from + max * 2);
  return safeExcerpt(text.slice(from, to), max);
}

/** Make any short string safe to quote to the model. */
export function safeExcerpt(raw: string, max = EXCERPT_MAX): string {
  const masked = maskSecrets(raw.slice(0, max * 4));
  const shown = renderHidden(masked)
    .replace(/\s+/g, " ")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    .replace(/`/g, "'")
    .trim();
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}
