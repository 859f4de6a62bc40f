// Shell words → candidate paths: quote removal, `~`/`~user`/`~+`/`~-`, `$HOME` `${HOME}` `$PWD` `$OLDPWD` (and
// variables the same command assigned literally), brace lists and globs, all read from the word's source text.
// Anything else (`$X`, `$(…)`, `${X:-y}`, ranges, extglobs) is unknown: callers ask. No file system here.

/** One way the word can read after expansion. `pattern` is set when unquoted glob characters remain: a minimatch
 *  pattern (quoted metacharacters escaped); `value` is then the text a non-matching glob leaves behind. */
export interface Alternative {
  readonly value: string;
  readonly pattern?: string;
}

export type Expansion =
  | { readonly kind: "known"; readonly alternatives: readonly Alternative[] }
  | { readonly kind: "unknown"; readonly reason: string };

export interface WordEnv {
  /** Variables we know: HOME, PWD, OLDPWD and literal assignments made earlier in the command. A name mapped to
   *  undefined is known to be unknown (assigned from something dynamic). Unlisted names are unknown. */
  readonly vars: ReadonlyMap<string, string | undefined>;
  /** The current user's login name: `~name` is only known for that name. */
  readonly user?: string;
}

export interface ExpandOptions {
  /** Also expand `~` right after the first unquoted `=` (bash does this in `name=~/x` words, e.g. `dd if=~/k`). */
  readonly tildeAfterEquals?: boolean;
}

interface Piece {
  readonly ch: string;
  /** Quoted, escaped or produced by an expansion: never a glob or brace character. */
  readonly quoted: boolean;
}

class Unknown extends Error {}

const MAX_ALTERNATIVES = 64;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function expandWordText(text: string, env: WordEnv, opts: ExpandOptions = {}): Expansion {
  try {
    const pieces = tokenize(text, env, opts);
    const alternatives = braceExpand(pieces, 0).map(toAlternative);
    return { kind: "known", alternatives };
  } catch (error) {
    if (error instanceof Unknown) return { kind: "unknown", reason: error.message };
    throw error;
  }
}

function lookup(name: string, env: WordEnv): string {
  const value = env.vars.get(name);
  if (value === undefined) throw new Unknown(`$${name} is not known before the command runs`);
  return value;
}

function quotedPieces(s: string): Piece[] {
  return [...s].map((ch) => ({ ch, quoted: true }));
}

/** An unquoted expansion is split on whitespace and globbed by the shell: only plain values stay one known word. */
function unquotedExpansion(name: string, env: WordEnv): Piece[] {
  const value = lookup(name, env);
  if (/[\s*?[\]{}]/.test(value)) throw new Unknown(`$${name} would be split or globbed`);
  return quotedPieces(value);
}

function tokenize(text: string, env: WordEnv, opts: ExpandOptions): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  const equals = opts.tildeAfterEquals && /^-{0,2}[A-Za-z0-9_-]+=/.test(text) ? text.indexOf("=") : -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "~" && (i === 0 || i === equals + 1)) {
      const m = /^~([^/'"\\$`]*)(?=\/|$)/.exec(text.slice(i));
      if (m) {
        out.push(...quotedPieces(tilde(m[1]!, env)));
        i += m[0].length;
        continue;
      }
    }
    if (c === "\\") {
      if (text[i + 1] === "\n") i += 2;
      else if (i + 1 < text.length) {
        out.push({ ch: text[i + 1]!, quoted: true });
        i += 2;
      } else {
        out.push({ ch: "\\", quoted: true });
        i += 1;
      }
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Unknown("an unterminated quote");
      out.push(...quotedPieces(text.slice(i + 1, end)));
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i = doubleQuoted(text, i + 1, env, out);
      continue;
    }
    if (c === "`") throw new Unknown("a command substitution");
    if (c === "$") {
      const next = text[i + 1];
      if (next === "'") {
        const { value, end } = ansiC(text, i + 2);
        out.push(...quotedPieces(value));
        i = end;
        continue;
      }
      if (next === '"') {
        i = doubleQuoted(text, i + 2, env, out);
        continue;
      }
      const { pieces, end } = dollar(text, i, env, false);
      out.push(...pieces);
      i = end;
      continue;
    }
    if ((c === "?" || c === "*" || c === "+" || c === "@" || c === "!") && text[i + 1] === "(") throw new Unknown("an extended glob");
    out.push({ ch: c, quoted: false });
    i += 1;
  }
  return out;
}

function tilde(prefix: string, env: WordEnv): string {
  if (prefix === "") return lookup("HOME", env);
  if (prefix === "+") return lookup("PWD", env);
  if (prefix === "-") return lookup("OLDPWD", env);
  if (env.user !== undefined && prefix === env.user) return lookup("HOME", env);
  throw new Unknown(`~${prefix} is another user's home directory`);
}

/** `"…"` from just after the opening quote; returns the index after the closing quote. */
function doubleQuoted(text: string, start: number, env: WordEnv, out: Piece[]): number {
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === "\\" && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
      if (text[i + 1] !== "\n") out.push({ ch: text[i + 1]!, quoted: true });
      i += 2;
      continue;
    }
    if (c === "`") throw new Unknown("a command substitution");
    if (c === "$") {
      const { pieces, end } = dollar(text, i, env, true);
      out.push(...pieces);
      i = end;
      continue;
    }
    out.push({ ch: c, quoted: true });
    i += 1;
  }
  throw new Unknown("an unterminated quote");
}

function dollar(text: string, i: number, env: WordEnv, inQuotes: boolean): { pieces: Piece[]; end: number } {
  const rest = text.slice(i + 1);
  if (rest.startsWith("(")) throw new Unknown("a command substitution");
  if (rest.startsWith("[")) throw new Unknown("an arithmetic expansion");
  if (rest.startsWith("{")) {
    const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (!m) throw new Unknown("a parameter expansion");
    const name = m[1]!;
    return { pieces: inQuotes ? quotedPieces(lookup(name, env)) : unquotedExpansion(name, env), end: i + 1 + m[0].length };
  }
  const m = NAME.exec(rest);
  if (m) return { pieces: inQuotes ? quotedPieces(lookup(m[0], env)) : unquotedExpansion(m[0], env), end: i + 1 + m[0].length };
  if (rest !== "" && /^[0-9@*#?$!-]/.test(rest)) throw new Unknown(`$${rest[0]} is not known before the command runs`);
  // A lone `$` (end of word, before `/`…) is a literal dollar sign.
  return { pieces: [{ ch: "$", quoted: true }], end: i + 1 };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };

/** `$'…'` from just after the opening quote. */
function ansiC(text: string, start: number): { value: string; end: number } {
  let value = "";
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return { value, end: i + 1 };
    if (c !== "\\") {
      value += c;
      i += 1;
      continue;
    }
    const e = text[i + 1] ?? "";
    if (e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
      i += 2;
      continue;
    }
    const hex = /^x([0-9A-Fa-f]{1,2})/.exec(text.slice(i + 1));
    if (hex) {
      value += String.fromCharCode(parseInt(hex[1]!, 16));
      i += 1 + hex[0].length;
      continue;
    }
    const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1));
    if (oct) {
      value += String.fromCharCode(parseInt(oct[0], 8) & 0xff);
      i += 1 + oct[0].length;
      continue;
    }
    throw new Unknown("an ANSI-C escape we do not decode");
  }
  throw new Unknown("an unterminated quote");
}

/** Bash brace expansion of comma lists (`a{,.bak}`, nested); ranges (`{1..3}`) are unknown. */
function braceExpand(pieces: readonly Piece[], depth: number): Piece[][] {
  if (depth > 8) throw new Unknown("brace expansion nested too deep");
  for (let open = 0; open < pieces.length; open++) {
    if (pieces[open]!.quoted || pieces[open]!.ch !== "{") continue;
    let level = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = open + 1; j < pieces.length; j++) {
      const p = pieces[j]!;
      if (p.quoted) continue;
      if (p.ch === "{") level++;
      else if (p.ch === "}") {
        if (level === 0) {
          close = j;
          break;
        }
        level--;
      } else if (p.ch === "," && level === 0) commas.push(j);
    }
    if (close < 0) return [[...pieces]];
    if (commas.length === 0) {
      const inner = pieces.slice(open + 1, close).map((p) => p.ch).join("");
      if (/^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(\.\.-?\d+)?$/.test(inner)) throw new Unknown("a brace range");
      continue; // `{}` or `{x}` stays literal, as in bash
    }
    const before = pieces.slice(0, open);
    const after = pieces.slice(close + 1);
    const bounds = [open, ...commas, close];
    const out: Piece[][] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const middle = pieces.slice(bounds[k]! + 1, bounds[k + 1]!);
      for (const alt of braceExpand([...before, ...middle, ...after], depth + 1)) {
        out.push(alt);
        if (out.length > MAX_ALTERNATIVES) throw new Unknown("a brace expansion with too many words");
      }
    }
    return out;
  }
  return [[...pieces]];
}

const MINIMATCH_SPECIAL = new Set(["*", "?", "[", "]", "\\", "(", ")", "{", "}", "!", "+", "@", ","]);

function toAlternative(pieces: readonly Piece[]): Alternative {
  const value = pieces.map((p) => p.ch).join("");
  const globbing = pieces.some((p, i) => !p.quoted && (p.ch === "*" || p.ch === "?" || (p.ch === "[" && hasClose(pieces, i))));
  if (!globbing) return { value };
  const pattern = pieces
    .map((p, i) => {
      if (!p.quoted && (p.ch === "*" || p.ch === "?" || p.ch === "[" || p.ch === "]")) return p.ch;
      // `[!a]` / `[^a]`: negation right after an unquoted bracket
      if (!p.quoted && (p.ch === "!" || p.ch === "^") && i > 0 && !pieces[i - 1]!.quoted && pieces[i - 1]!.ch === "[") return "!";
      return MINIMATCH_SPECIAL.has(p.ch) ? `\\${p.ch}` : p.ch;
    })
    .join("");
  return { value, pattern };
}

function hasClose(pieces: readonly Piece[], open: number): boolean {
  for (let j = open + 2; j < pieces.length; j++) if (!pieces[j]!.quoted && pieces[j]!.ch === "]") return true;
  return false;
}
