// The unbash boundary: parse a source with a size cap and turn parser exceptions into values. Everything that holds
// unbash nodes stays in src/shell/; checks see only the model.
import { parse, type ParsedScript } from "unbash";

/** Larger commands are not analysed (the hook asks): the cap guards the pipeline after the parser, not the parser. */
export const MAX_SOURCE_BYTES = 256 * 1024;
/** How many times code inside code is re-parsed (`sh -c "eval '…'"`) before we give up and ask. */
export const MAX_REPARSE_DEPTH = 16;
/** Wrappers in front of one command (`nice nice nice …`) before we give up and ask. */
export const MAX_WRAPPERS = 64;
/** Simple commands in one call before we give up and ask. */
export const MAX_COMMANDS = 50_000;

export type Parsed = { readonly ok: true; readonly script: ParsedScript } | { readonly ok: false; readonly reason: string };

export function parseSource(source: string): Parsed {
  if (source.length > MAX_SOURCE_BYTES || Buffer.byteLength(source, "utf8") > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `the command is larger than ${MAX_SOURCE_BYTES / 1024} KB` };
  }
  try {
    const script = parse(source);
    const error = scriptError(script);
    return error ? { ok: false, reason: error } : { ok: true, script };
  } catch (error) {
    return { ok: false, reason: `the shell parser failed (${error instanceof RangeError ? "nesting too deep" : String(error)})` };
  }
}

/** The first parse error of one Script node (root or nested), as a sentence fragment. */
export function scriptError(script: ParsedScript): string | undefined {
  const e = script.errors?.[0];
  return e ? `the shell could not parse it: ${e.message} (at offset ${e.pos})` : undefined;
}
