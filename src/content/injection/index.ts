// Prompt-injection scan of one text: the invisible-carrier pass, the word families, then the same families over
// decoded and normalised text. Pure. Each family owns its severity by source (see context.ts); this file only runs
// them in order and caps the work.
import { SCAN_LIMIT } from "../secret-patterns.js";
import type { InjectionFinding, Source } from "../types.js";
import { contextOf } from "./context.js";
import { detectEncoded, TEXT_DETECTORS } from "./encoded.js";
import { detectInvisible } from "./invisible.js";

export { neutraliseInvisible } from "./invisible.js";

/** Every injection signal in `text` (its first SCAN_LIMIT characters), acted-on and info alike. */
export function scanForInjection(text: string, source: Source): InjectionFinding[] {
  const scanned = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const ctx = contextOf(source);
  const found: InjectionFinding[] = detectInvisible(scanned, ctx);
  for (const detect of TEXT_DETECTORS) found.push(...detect(scanned, ctx));
  found.push(...detectEncoded(scanned, ctx, found));
  return found.sort((a, b) => a.offset - b.offset);
}
