// Reading a network program's argv: which words are options (and which option swallowed the next word) and which are
// operands. Tables say which options take values; this file only knows the two option syntaxes. Used by
// src/checks/network-shell.ts.
import type { Word } from "../shell/model.js";

export type OptionStyle = "getopt" | "words";

export interface Operand {
  readonly word: Word;
  readonly index: number;
}

export interface OptionUse {
  /** `-c`, `--registry`, `-o`… */
  readonly name: string;
  /** The option's value, attached (`--x=v`, `-pVALUE`) or the next word. */
  readonly value?: Word;
  readonly index: number;
}

export interface Scan {
  readonly operands: readonly Operand[];
  readonly options: readonly OptionUse[];
}

/**
 * Splits `args[from..]` into options and operands. getopt style: `-abc` is three flags unless one of them takes a value
 * (`-p22`, `-vp 22`); `--name=value`; `--` ends options. words style (Go, openssl): each option is one word,
 * `-name=value` or `-name value`. A dynamic word is always an operand: we can't tell what it expands to.
 * Words starting with `+` are options too (`cargo +nightly`, `dig +short`). With `stopAtOperand`, everything from the
 * first operand on is an operand (POSIX order, as `sudo` and `env` parse).
 */
export function scanArgs(args: readonly Word[], from: number, valueOptions: ReadonlySet<string>, style: OptionStyle = "getopt", stopAtOperand = false): Scan {
  const operands: Operand[] = [];
  const options: OptionUse[] = [];
  let endOfOptions = false;
  for (let i = from; i < args.length; i++) {
    const word = args[i]!;
    const v = word.value;
    if (endOfOptions || word.dynamic || v === "-" || !(v.startsWith("-") || v.startsWith("+"))) {
      operands.push({ word, index: i });
      // Wrappers (`sudo`, `env`) stop at their program: what follows are the program's own options.
      if (stopAtOperand) {
        for (let k = i + 1; k < args.length; k++) operands.push({ word: args[k]!, index: k });
        break;
      }
      continue;
    }
    if (v === "--") {
      endOfOptions = true;
      continue;
    }
    if (v.startsWith("+")) {
      options.push({ name: v, index: i });
      continue;
    }
    const eq = v.indexOf("=");
    if (v.startsWith("--") || style === "words") {
      if (eq > 0) {
        options.push({ name: v.slice(0, eq), value: attached(word, v.slice(eq + 1)), index: i });
      } else if (valueOptions.has(v) && i + 1 < args.length) {
        options.push({ name: v, value: args[i + 1]!, index: i });
        i++;
      } else {
        options.push({ name: v, index: i });
      }
      continue;
    }
    // getopt short options: -abc, -p22, -vp 22
    if (valueOptions.has(v)) {
      if (i + 1 < args.length) {
        options.push({ name: v, value: args[i + 1]!, index: i });
        i++;
      } else {
        options.push({ name: v, index: i });
      }
      continue;
    }
    let consumedNext = false;
    for (let k = 1; k < v.length; k++) {
      const name = `-${v[k]}`;
      if (!valueOptions.has(name)) {
        options.push({ name, index: i });
        continue;
      }
      const rest = v.slice(k + 1);
      if (rest !== "") options.push({ name, value: attached(word, rest), index: i });
      else if (i + 1 < args.length) {
        options.push({ name, value: args[i + 1]!, index: i });
        consumedNext = true;
      } else options.push({ name, index: i });
      break;
    }
    if (consumedNext) i++;
  }
  return { operands, options };
}

function attached(word: Word, value: string): Word {
  return { value, text: value, dynamic: word.dynamic };
}
