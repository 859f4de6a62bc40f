// Long options as GNU getopt_long and git's parse-options read them: `--name`, `--name=value`, and any unambiguous
// prefix of a name (`sed --in` is `--in-place`, `git grep --op=CMD` is `--open-files-in-pager=CMD`). The one resolver
// behind every option table whose program parses that way. Programs that want whole names (find, bash, jq, rg, tree,
// pkexec) compare words directly instead. Which programs have which options is data: program-options.ts, wrappers.ts.

/** A program's long options, with `--`. A list used for prefixes must be complete: a word that is a whole name the
 *  list lacks would otherwise be read as the listed option it happens to prefix. */
export interface LongOptions {
  /** Take no value. */
  readonly flags?: readonly string[];
  /** Take a value: `--output FILE` or `--output=FILE`. */
  readonly values?: readonly string[];
  /** Take a value only as `--in-place=SUFFIX` (getopt's optional_argument): the next word is never theirs. */
  readonly optional?: readonly string[];
}

export type LongArity = "flag" | "value" | "optional";

export type LongMatch =
  | {
      readonly ok: true;
      /** The full name, with `--`. */
      readonly name: string;
      readonly arity: LongArity;
      /** The text after `=`, when given. */
      readonly inline?: string;
    }
  | { readonly ok: false; readonly given: string; readonly candidates: readonly string[] };

interface Index {
  readonly arity: ReadonlyMap<string, LongArity>;
  readonly names: readonly string[];
}

const INDEXES = new WeakMap<LongOptions, Index>();

function indexOf(options: LongOptions): Index {
  let index = INDEXES.get(options);
  if (index === undefined) {
    const arity = new Map<string, LongArity>();
    for (const n of options.flags ?? []) arity.set(n, "flag");
    for (const n of options.values ?? []) arity.set(n, "value");
    for (const n of options.optional ?? []) arity.set(n, "optional");
    index = { arity, names: [...arity.keys()] };
    INDEXES.set(options, index);
  }
  return index;
}

/** The option a `--name[=value]` word names: an exact name, or the one name it is a prefix of. `prefixes: false`
 *  takes exact names only. Not ok: no name (`candidates` empty) or several (the program rejects it as ambiguous). */
export function resolveLong(word: string, options: LongOptions, prefixes = true): LongMatch {
  const eq = word.indexOf("=");
  const given = eq >= 0 ? word.slice(0, eq) : word;
  const inline = eq >= 0 ? { inline: word.slice(eq + 1) } : {};
  const index = indexOf(options);
  const exact = index.arity.get(given);
  if (exact !== undefined) return { ok: true, name: given, arity: exact, ...inline };
  if (!prefixes) return { ok: false, given, candidates: [] };
  const candidates = index.names.filter((n) => n.startsWith(given));
  if (candidates.length !== 1) return { ok: false, given, candidates };
  const name = candidates[0]!;
  return { ok: true, name, arity: index.arity.get(name)!, ...inline };
}

/** `word` is a shortened `option` (`--upload-p` of `--upload-pack`): for tables too partial to resolve against,
 *  where any prefix counts (the safe reading). */
export function abbreviates(word: string, option: string): boolean {
  return word.startsWith("--") && word.length > 3 && word !== option && option.startsWith(word);
}

/** Why `resolveLong` failed, for a reason. */
export function unresolvedLong(program: string, m: Extract<LongMatch, { ok: false }>): string {
  if (m.candidates.length === 0) return `hookwarden does not know the ${program} option \`${m.given}\``;
  const shown = m.candidates.slice(0, 4).map((c) => `\`${c}\``).join(", ");
  return `\`${m.given}\` could be any of ${program}'s ${shown}${m.candidates.length > 4 ? " …" : ""}`;
}
