// A getopt-style reader for wrapper options (`sudo -u root`, `timeout -s KILL 5`, `nice -n 19`). It never guesses:
// an option it does not know, or a dynamic word where an option could be, ends the reading with a reason, and the
// caller reports the wrapper as unresolved (the checks ask).
import { resolveLong, unresolvedLong, type LongOptions } from "./long-options.js";
import type { Word } from "./model.js";

export interface OptionTable {
  /** Short options without a value: "AbEHnPS". */
  readonly flags?: string;
  /** Short options taking a value: "ugCDhpRT". */
  readonly values?: string;
  /** Short options whose value must be attached (getopt's `e::`): `xargs -eEOF`; `-e EOF` leaves `EOF` alone. */
  readonly optional?: string;
  /** Long options without a value: ["--login"]. */
  readonly long?: readonly string[];
  /** Long options taking a value (`--user root` or `--user=root`). */
  readonly longValues?: readonly string[];
  /** Long options with an optional `=value` only (`--preserve-env[=list]`): the next word is never the value. */
  readonly longOptional?: readonly string[];
  /** The program's getopt_long takes any unambiguous prefix of a long option (`--us` for `--user`). Set it only
   *  where the long lists are the program's complete set (long-options.ts says why). */
  readonly prefixes?: boolean;
  /** Options after which the program does something itself instead of running a command (`sudo -l`, `command -v`). */
  readonly selfShort?: string;
  readonly selfLong?: readonly string[];
  /** `-10` style numeric options (nice). */
  readonly numeric?: boolean;
  /** Operands that precede the command (`timeout DURATION`, `taskset MASK`, `flock FILE`). */
  readonly operands?: number;
}

export type OptionRead =
  | {
      readonly ok: true;
      /** Index of the first word of the command (args.length when none follows). */
      readonly index: number;
      /** Option values by letter or long name (`u`, `--user`); the last one wins. */
      readonly values: ReadonlyMap<string, Word>;
      /** Options seen, as letters and long names. */
      readonly seen: ReadonlySet<string>;
      readonly operands: readonly Word[];
      /** A self option was seen: no command follows. */
      readonly self: boolean;
    }
  | { readonly ok: false; readonly reason: string };

/** Read options from `args` (argv without argv[0]) until the command starts. */
export function readOptions(program: string, args: readonly Word[], table: OptionTable): OptionRead {
  const values = new Map<string, Word>();
  const seen = new Set<string>();
  const operands: Word[] = [];
  const want = table.operands ?? 0;
  let self = false;
  let i = 0;
  while (i < args.length) {
    const w = args[i]!;
    if (w.dynamic) {
      // `$X` could be an option, an operand or the command: we can't tell which.
      if (w.literalPrefix?.startsWith("-") || operands.length < want || (w.literalPrefix ?? "") === "")
        return { ok: false, reason: `${program} is given \`${w.text}\`, which is only known at run time` };
    }
    const a = w.value;
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const m = resolveLong(a, longOptionsOf(table), table.prefixes === true);
      if (!m.ok) return { ok: false, reason: unresolvedLong(program, m) };
      const name = m.name;
      seen.add(name);
      if (table.selfLong?.includes(name)) self = true;
      else if (m.inline !== undefined) {
        if (m.arity === "flag") return { ok: false, reason: `${program} ${name} takes no value` };
        values.set(name, { value: m.inline, text: w.text, dynamic: w.dynamic });
      } else if (m.arity === "value") {
        const v = args[i + 1];
        if (!v) return { ok: false, reason: `${program} ${name} has no value` };
        values.set(name, v);
        i++;
      }
      i++;
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      if (table.numeric && /^-[0-9]+$/.test(a)) {
        i++;
        continue;
      }
      let consumedNext = false;
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (table.selfShort?.includes(c)) {
          self = true;
          seen.add(c);
          continue;
        }
        if (table.flags?.includes(c)) {
          seen.add(c);
          continue;
        }
        if (table.optional?.includes(c)) {
          seen.add(c);
          const rest = a.slice(k + 1);
          if (rest) values.set(c, { value: rest, text: rest, dynamic: w.dynamic });
          break;
        }
        if (table.values?.includes(c)) {
          seen.add(c);
          const rest = a.slice(k + 1);
          if (rest) values.set(c, { value: rest, text: rest, dynamic: w.dynamic });
          else {
            const v = args[i + 1];
            if (!v) return { ok: false, reason: `${program} -${c} has no value` };
            values.set(c, v);
            consumedNext = true;
          }
          break;
        }
        return { ok: false, reason: `hookwarden does not know the ${program} option \`-${c}\`` };
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    if (operands.length < want) {
      operands.push(w);
      i++;
      continue;
    }
    break;
  }
  if (!self && operands.length < want && i >= args.length) return { ok: true, index: args.length, values, seen, operands, self: true };
  return { ok: true, index: i, values, seen, operands, self };
}

const LONG_VIEWS = new WeakMap<OptionTable, LongOptions>();

/** The table's long options for the resolver (self options take no value). */
function longOptionsOf(table: OptionTable): LongOptions {
  let view = LONG_VIEWS.get(table);
  if (view === undefined) {
    view = { flags: [...(table.long ?? []), ...(table.selfLong ?? [])], values: table.longValues ?? [], optional: table.longOptional ?? [] };
    LONG_VIEWS.set(table, view);
  }
  return view;
}
