// Shell words → candidate paths: quote removal, `~`/`~user`/`~+`/`~-` (also after `=` and `:` in assignment-shaped
// words, as bash does), `$HOME` `${HOME}` `$PWD` `$OLDPWD` (and variables the same command assigned literally), brace
// lists and globs, all read from the word's source text.
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
  /** The text is an assignment's value (what follows `NAME=`): `~` also starts a tilde-prefix after every unquoted
   *  `:` (`PATH=~/bin:~/.local/bin`). */
  readonly assignmentValue?: boolean;
}

/** A word shaped like an assignment (`of=~/x`, `PATH=a:~/b`): bash (not in POSIX mode) expands `~` after its first
 *  `=` and after each unquoted `:` even when it is a command's argument. Only a plain identifier before the `=`
 *  counts: `--file=~/x`, `1=~/x` and `"a"=~/x` keep their `~` (checked against bash 5.2). */
const ASSIGNMENT_SHAPED = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The word after quote removal, one UTF-16 unit per position. `quoted` has one flag per unit of `chars`: "q" when
 *  the unit was quoted, escaped or produced by an expansion (never a glob or brace character), "u" when it was not.
 *  Two strings instead of an object per character: a 100 KB quoted word stays two strings. */
interface Pieces {
  readonly chars: string;
  readonly quoted: string;
}

/** Builds Pieces; consecutive units of the source text with the same quoting are appended as one slice. */
class Builder {
  chars = "";
  quoted = "";
  private runStart = -1;
  private runEnd = -1;
  private runQuoted = false;

  constructor(private readonly text: string) {}

  /** Unit `i` of the source text, as written. */
  unit(i: number, quoted: boolean): void {
    if (this.runStart >= 0 && this.runEnd === i && this.runQuoted === quoted) {
      this.runEnd = i + 1;
      return;
    }
    this.flush();
    this.runStart = i;
    this.runEnd = i + 1;
    this.runQuoted = quoted;
  }

  /** Text that is quoted, escaped or expanded. */
  quote(s: string): void {
    this.flush();
    this.chars += s;
    this.quoted += "q".repeat(s.length);
  }

  done(): Pieces {
    this.flush();
    return { chars: this.chars, quoted: this.quoted };
  }

  private flush(): void {
    if (this.runStart < 0) return;
    this.chars += this.text.slice(this.runStart, this.runEnd);
    this.quoted += (this.runQuoted ? "q" : "u").repeat(this.runEnd - this.runStart);
    this.runStart = -1;
  }
}

/** Why a word cannot be known before it runs. Thrown inside this file and caught in expandWordText; not an Error,
 *  so throwing it records no stack trace (`"$(cat <<EOF …)"` messages hit it on every call). */
class Unknown {
  constructor(readonly message: string) {}
}

const MAX_ALTERNATIVES = 64;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Characters that make tokenize do more than copy: without any of them the word reads as written. */
const NOT_PLAIN = /[~\\'"`${*?[(]/;

/** A word that reads as written (`-la`, `src/index.ts`): no quotes, expansions, braces or glob characters. Its
 *  expansion is the one alternative `{ value: text }`. */
export function isPlainWordText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

export function expandWordText(text: string, env: WordEnv, opts: ExpandOptions = {}): Expansion {
  // Most words are plain.
  if (isPlainWordText(text)) return { kind: "known", alternatives: [{ value: text }] };
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

/** An unquoted expansion is split on whitespace and globbed by the shell: only plain values stay one known word. */
function unquotedExpansion(name: string, env: WordEnv): string {
  const value = lookup(name, env);
  if (/[\s*?[\]{}]/.test(value)) throw new Unknown(`$${name} would be split or globbed`);
  return value;
}

function tokenize(text: string, env: WordEnv, opts: ExpandOptions): Pieces {
  const out = new Builder(text);
  let i = 0;
  // Where a tilde-prefix may start besides the word's start: after `=` of an assignment-shaped word, then after any
  // unquoted `:`; in an assignment value (text after `=`), after any unquoted `:`. There a `:` also ends the prefix.
  const assignment = opts.assignmentValue === true || ASSIGNMENT_SHAPED.test(text);
  let tildeAt = opts.assignmentValue ? 0 : assignment ? text.indexOf("=") + 1 : -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "~" && (i === 0 || i === tildeAt)) {
      const m = (assignment ? /^~([^/:'"\\$`]*)(?=[/:]|$)/ : /^~([^/'"\\$`]*)(?=\/|$)/).exec(text.slice(i));
      if (m) {
        out.quote(tilde(m[1]!, env));
        i += m[0].length;
        continue;
      }
    }
    if (c === "\\") {
      if (text[i + 1] === "\n") i += 2;
      else if (i + 1 < text.length) {
        out.unit(i + 1, true);
        i += 2;
      } else {
        out.unit(i, true);
        i += 1;
      }
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Unknown("an unterminated quote");
      out.quote(text.slice(i + 1, end));
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
        out.quote(value);
        i = end;
        continue;
      }
      if (next === '"') {
        i = doubleQuoted(text, i + 2, env, out);
        continue;
      }
      i = dollar(text, i, env, false, out);
      continue;
    }
    if ((c === "?" || c === "*" || c === "+" || c === "@" || c === "!") && text[i + 1] === "(") throw new Unknown("an extended glob");
    if (assignment && c === ":") tildeAt = i + 1; // only an unquoted, unescaped `:` reaches here
    out.unit(i, false);
    i += 1;
  }
  return out.done();
}

function tilde(prefix: string, env: WordEnv): string {
  if (prefix === "") return lookup("HOME", env);
  if (prefix === "+") return lookup("PWD", env);
  if (prefix === "-") return lookup("OLDPWD", env);
  if (env.user !== undefined && prefix === env.user) return lookup("HOME", env);
  throw new Unknown(`~${prefix} is another user's home directory`);
}

/** `"…"` from just after the opening quote; returns the index after the closing quote. */
function doubleQuoted(text: string, start: number, env: WordEnv, out: Builder): number {
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return i + 1;
    if (c === "\\" && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
      if (text[i + 1] !== "\n") out.unit(i + 1, true);
      i += 2;
      continue;
    }
    if (c === "`") throw new Unknown("a command substitution");
    if (c === "$") {
      i = dollar(text, i, env, true, out);
      continue;
    }
    out.unit(i, true);
    i += 1;
  }
  throw new Unknown("an unterminated quote");
}

/** `$…` at `i`: appends what it expands to and returns the index after it. */
function dollar(text: string, i: number, env: WordEnv, inQuotes: boolean, out: Builder): number {
  const rest = text.slice(i + 1);
  if (rest.startsWith("(")) throw new Unknown("a command substitution");
  if (rest.startsWith("[")) throw new Unknown("an arithmetic expansion");
  if (rest.startsWith("{")) {
    const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (!m) throw new Unknown("a parameter expansion");
    const name = m[1]!;
    out.quote(inQuotes ? lookup(name, env) : unquotedExpansion(name, env));
    return i + 1 + m[0].length;
  }
  const m = NAME.exec(rest);
  if (m) {
    out.quote(inQuotes ? lookup(m[0], env) : unquotedExpansion(m[0], env));
    return i + 1 + m[0].length;
  }
  if (rest !== "" && /^[0-9@*#?$!-]/.test(rest)) throw new Unknown(`$${rest[0]} is not known before the command runs`);
  // A lone `$` (end of word, before `/`…) is a literal dollar sign.
  out.quote("$");
  return i + 1;
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

/** Bash brace expansion of comma lists (`a{,.bak}`, nested); ranges (`{1..3}`) are unknown. The braces of the word
 *  are matched in one pass (the close of each unquoted `{` and its top-level commas), then the first brace with
 *  commas is expanded and each result expanded again. */
function braceExpand(pieces: Pieces, depth: number): Pieces[] {
  if (depth > 8) throw new Unknown("brace expansion nested too deep");
  const { chars, quoted } = pieces;
  if (!chars.includes("{")) return [pieces];
  const opens: number[] = [];
  const close = new Map<number, number>();
  const commas = new Map<number, number[]>();
  const stack: number[] = [];
  for (let j = 0; j < chars.length; j++) {
    if (quoted.charCodeAt(j) !== 117) continue; // "u": unquoted
    const ch = chars[j];
    if (ch === "{") {
      opens.push(j);
      stack.push(j);
    } else if (ch === "}") {
      if (stack.length > 0) close.set(stack.pop()!, j);
    } else if (ch === "," && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = commas.get(top);
      if (list) list.push(j);
      else commas.set(top, [j]);
    }
  }
  for (const open of opens) {
    const end = close.get(open);
    if (end === undefined) return [pieces];
    const list = commas.get(open);
    if (list === undefined) {
      const inner = chars.slice(open + 1, end);
      if (/^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(\.\.-?\d+)?$/.test(inner)) throw new Unknown("a brace range");
      continue; // `{}` or `{x}` stays literal, as in bash
    }
    const bounds = [open, ...list, end];
    const out: Pieces[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const from = bounds[k]! + 1;
      const to = bounds[k + 1]!;
      const joined: Pieces = {
        chars: chars.slice(0, open) + chars.slice(from, to) + chars.slice(end + 1),
        quoted: quoted.slice(0, open) + quoted.slice(from, to) + quoted.slice(end + 1),
      };
      for (const alt of braceExpand(joined, depth + 1)) {
        out.push(alt);
        if (out.length > MAX_ALTERNATIVES) throw new Unknown("a brace expansion with too many words");
      }
    }
    return out;
  }
  return [pieces];
}

const MINIMATCH_SPECIAL = new Set(["*", "?", "[", "]", "\\", "(", ")", "{", "}", "!", "+", "@", ","]);

function toAlternative(pieces: Pieces): Alternative {
  const { chars, quoted } = pieces;
  const value = chars;
  const unquoted = (i: number) => quoted.charCodeAt(i) === 117;
  // `[` opens a class only when an unquoted `]` follows it (not right after it).
  let lastClose = -1;
  for (let j = chars.length - 1; j >= 0; j--) {
    if (chars[j] === "]" && unquoted(j)) {
      lastClose = j;
      break;
    }
  }
  let globbing = false;
  for (let i = 0; i < chars.length && !globbing; i++) {
    const ch = chars[i];
    if ((ch === "*" || ch === "?" || (ch === "[" && lastClose >= i + 2)) && unquoted(i)) globbing = true;
  }
  if (!globbing) return { value };
  let pattern = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (unquoted(i) && (ch === "*" || ch === "?" || ch === "[" || ch === "]")) pattern += ch;
    // `[!a]` / `[^a]`: negation right after an unquoted bracket
    else if (unquoted(i) && (ch === "!" || ch === "^") && i > 0 && unquoted(i - 1) && chars[i - 1] === "[") pattern += "!";
    else pattern += MINIMATCH_SPECIAL.has(ch) ? `\\${ch}` : ch;
  }
  return { value, pattern };
}
