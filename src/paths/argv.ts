// A command's argv as the program will see it (words expanded: `~`, known variables, brace lists, globs against the
// file system), and a getopt-style split into options and operands. Program knowledge (which options take values)
// comes from the caller's tables.
import { abbreviates, resolveLong, type LongOptions } from "../shell/long-options.js";
import type { Word } from "../shell/model.js";
import { expandGlob, MAX_GLOB } from "./fs-glob.js";
import { expandWordText, isPlainWordText, type ExpandOptions, type WordEnv } from "./word.js";

/** One argument after expansion. `value` undefined: unknown (a dynamic word), and it may stand for any number of
 *  words, options included. `pattern`: a glob that matched nothing (the shell passes it on as written). */
export interface Arg {
  /** Index of the source word in `cmd.args`. */
  readonly word: number;
  readonly text: string;
  readonly value?: string;
  readonly pattern?: string;
  readonly reason?: string;
  /** Filled in at run time by xargs / find -exec / parallel. */
  readonly input?: boolean;
}

export function isUnknown(a: Arg): boolean {
  return a.value === undefined;
}

/** Expand `words`; `cwd` (physical) is where relative globs are matched, undefined when not known. */
export function expandArgs(words: readonly Word[], env: WordEnv, cwd: string | undefined): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < words.length; i++) expandInto(out, words[i]!, i, env, cwd, NO_OPTIONS);
  return out;
}

const NO_OPTIONS: ExpandOptions = {};

export function expandOne(w: Word, index: number, env: WordEnv, cwd: string | undefined, opts: ExpandOptions = NO_OPTIONS): Arg[] {
  const out: Arg[] = [];
  expandInto(out, w, index, env, cwd, opts);
  return out;
}

function expandInto(out: Arg[], w: Word, index: number, env: WordEnv, cwd: string | undefined, opts: ExpandOptions): void {
  if (w.features?.includes("input")) {
    out.push({ word: index, text: w.text, reason: "filled in at run time from the input", input: true });
    return;
  }
  // A plain word is itself (expandWordText's answer, without making it).
  if (isPlainWordText(w.text)) {
    out.push({ word: index, text: w.text, value: w.text });
    return;
  }
  const e = expandWordText(w.text, env, opts);
  if (e.kind === "unknown") {
    // A word the analyser calls literal but we cannot re-read from its text (odd quoting): trust its value.
    if (!w.dynamic && !w.text.startsWith("~")) out.push({ word: index, text: w.text, value: w.value });
    else out.push({ word: index, text: w.text, reason: e.reason });
    return;
  }
  for (const alt of e.alternatives) {
    if (alt.pattern === undefined) {
      out.push({ word: index, text: w.text, value: alt.value });
      continue;
    }
    if (alt.pattern.length > MAX_GLOB) {
      out.push({ word: index, text: w.text, reason: `a glob pattern of ${alt.pattern.length} characters, longer than any path` });
      continue;
    }
    const matches = cwd !== undefined || alt.pattern.startsWith("/") ? expandGlob(alt.pattern, cwd ?? "/") : [];
    if (matches.length === 0) out.push({ word: index, text: w.text, value: alt.value, pattern: alt.pattern });
    else for (const m of matches) out.push({ word: index, text: w.text, value: m });
  }
}

export interface OptionSpec {
  /** Short option letters that take a value. */
  readonly shortValue?: string;
  /** Long option names (without `--`) that take a value; a unique prefix of one names it. Ignored with `long`. */
  readonly longValue?: readonly string[];
  /** The program's complete long options (src/shell/program-options.ts): each `--word` is read as the option it
   *  names or abbreviates, `--opt[=v]` options never take the next word, and a word that names none or several is
   *  `unresolved`. */
  readonly long?: LongOptions;
  /** Stop at the first operand (POSIX utilities that do not permute). */
  readonly stopAtOperand?: boolean;
}

export interface ParsedOption {
  /** `-t`, `--target-directory` (full name even when abbreviated). */
  readonly name: string;
  readonly value?: Arg;
  /** The value given with `=` or attached (`-tDIR`), as text. */
  readonly inline?: string;
  readonly arg: Arg;
}

export interface ParsedArgs {
  readonly options: readonly ParsedOption[];
  readonly operands: readonly Arg[];
  /** Unknown arguments (also listed among operands): they may expand to options too. */
  readonly unknown: readonly Arg[];
  /** With `spec.long`: `--word`s that name no option or several (also listed among options, as written). */
  readonly unresolved: readonly Arg[];
  /** Option names are the program's own (`spec.long` was given), not guesses from a partial list. */
  readonly exact: boolean;
}

export function parseArgs(args: readonly Arg[], spec: OptionSpec = {}): ParsedArgs {
  const options: ParsedOption[] = [];
  const operands: Arg[] = [];
  const unknown: Arg[] = [];
  const unresolved: Arg[] = [];
  const shortValue = spec.shortValue ?? "";
  const longValue = spec.longValue ?? [];
  let i = 0;
  let onlyOperands = false;
  while (i < args.length) {
    const a = args[i]!;
    i++;
    if (a.value === undefined) {
      unknown.push(a);
      operands.push(a);
      continue;
    }
    const v = a.value;
    if (onlyOperands || v === "-" || !v.startsWith("-")) {
      operands.push(a);
      if (spec.stopAtOperand) onlyOperands = true;
      continue;
    }
    if (v === "--") {
      onlyOperands = true;
      continue;
    }
    if (v.startsWith("--") && spec.long) {
      const m = resolveLong(v, spec.long);
      const name = m.ok ? m.name : m.given;
      const inline = m.ok ? m.inline : v.includes("=") ? v.slice(v.indexOf("=") + 1) : undefined;
      if (!m.ok) unresolved.push(a);
      if (inline !== undefined) options.push({ name, inline, value: { ...a, value: inline }, arg: a });
      else if (m.ok && m.arity === "value") {
        const value = args[i];
        i++;
        options.push(value ? { name, value, arg: a } : { name, arg: a });
      } else options.push({ name, arg: a });
      continue;
    }
    if (v.startsWith("--")) {
      const eq = v.indexOf("=");
      const given = eq >= 0 ? v.slice(2, eq) : v.slice(2);
      const full = longValue.includes(given) ? given : uniquePrefix(given, longValue);
      if (eq >= 0) options.push({ name: `--${full ?? given}`, inline: v.slice(eq + 1), value: { ...a, value: v.slice(eq + 1) }, arg: a });
      else if (full !== undefined) {
        const value = args[i];
        i++;
        options.push(value ? { name: `--${full}`, value, arg: a } : { name: `--${full}`, arg: a });
      } else options.push({ name: `--${given}`, arg: a });
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const ch = v[k]!;
      if (shortValue.includes(ch)) {
        const rest = v.slice(k + 1);
        if (rest !== "") options.push({ name: `-${ch}`, inline: rest, value: { ...a, value: rest }, arg: a });
        else {
          const value = args[i];
          i++;
          options.push(value ? { name: `-${ch}`, value, arg: a } : { name: `-${ch}`, arg: a });
        }
        break;
      }
      options.push({ name: `-${ch}`, arg: a });
    }
  }
  return { options, operands, unknown, unresolved, exact: spec.long !== undefined };
}

function uniquePrefix(given: string, names: readonly string[]): string | undefined {
  if (given.length < 2) return undefined;
  const hits = names.filter((n) => n.startsWith(given));
  return hits.length === 1 ? hits[0] : undefined;
}

/** One of `names` is given. Without a complete option list, a long word that is the start of one counts too. */
export function hasOption(p: ParsedArgs, names: readonly string[]): boolean {
  if (p.exact) return p.options.some((o) => names.includes(o.name));
  return p.options.some((o) => names.includes(o.name) || names.some((n) => abbreviates(o.name, n)));
}

export function optionValues(p: ParsedArgs, names: readonly string[]): Arg[] {
  return p.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value!);
}
