// unbash words → model words: literal or dynamic, and which expansions a dynamic word holds. Also makes synthetic
// words for the unwrapper (xargs input, `{}`). Does not walk substitutions: parse.ts does.
import type { Word as UWord, WordPart } from "unbash";
import type { Name, Word, WordFeature } from "./model.js";

const FEATURE: Partial<Record<WordPart["type"], WordFeature>> = {
  SimpleExpansion: "parameter",
  ParameterExpansion: "parameter",
  CommandExpansion: "command",
  ArithmeticExpansion: "arithmetic",
  ProcessSubstitution: "process",
  Glob: "glob",
  ExtendedGlob: "glob",
  BraceExpansion: "brace",
};

/** Plain words and program names repeat (`-n`, `x`, `grep` thousands of times in a long command). Within one
 *  analysis the same text gives the same object — model data is immutable — so a 100 KB command's model holds each
 *  once: fewer objects alive while the rest is analysed, less for the garbage collector to copy. */
let shared: { readonly words: Map<string, Word>; readonly names: Map<string, Name> } | undefined;

export function withSharedWords<T>(fn: () => T): T {
  if (shared) return fn();
  shared = { words: new Map(), names: new Map() };
  try {
    return fn();
  } finally {
    shared = undefined;
  }
}

/** A literal word whose value is its text (`-la`, `src/x.ts`). */
function plainWord(value: string, text: string): Word {
  if (shared === undefined || value !== text) return { value, text, dynamic: false };
  let w = shared.words.get(text);
  if (w === undefined) shared.words.set(text, (w = { value, text, dynamic: false }));
  return w;
}

/** The literal name `value`. */
export function literalName(value: string): Name {
  if (shared === undefined) return { kind: "literal", value };
  let n = shared.names.get(value);
  if (n === undefined) shared.names.set(value, (n = { kind: "literal", value }));
  return n;
}

/** Convert one unbash word. Literal = no parts, or only literal / quoted-literal parts. */
export function toWord(w: UWord): Word {
  const parts = w.parts;
  if (!parts || parts.length === 0) return plainWord(w.value, w.text);
  const features = new Set<WordFeature>();
  let prefix = "";
  let prefixOpen = true;
  const visit = (ps: readonly WordPart[]) => {
    for (const p of ps) {
      switch (p.type) {
        case "Literal":
        case "SingleQuoted":
        case "AnsiCQuoted":
          if (prefixOpen) prefix += p.value;
          break;
        case "DoubleQuoted":
        case "LocaleString":
          visit(p.parts);
          break;
        default: {
          const f = FEATURE[p.type];
          features.add(f ?? "parameter");
          prefixOpen = false;
        }
      }
    }
  };
  visit(parts);
  if (features.size === 0) return plainWord(w.value, w.text);
  return { value: w.value, text: w.text, dynamic: true, features: [...features], literalPrefix: prefix };
}

export function literalWord(value: string, text = value): Word {
  return { value, text, dynamic: false };
}

/** A word filled at run time (xargs input, find's `{}`, parallel's `:::` values). */
export function inputWord(text: string): Word {
  return { value: text, text, dynamic: true, features: ["input"], literalPrefix: "" };
}

/** The word with `find`/`xargs -I` placeholders marked as run-time input. */
export function markPlaceholder(word: Word, placeholder: string): Word {
  if (!placeholder || !word.value.includes(placeholder)) return word;
  const features = new Set<WordFeature>(word.features ?? []);
  features.add("input");
  const at = word.value.indexOf(placeholder);
  const literalPrefix = word.dynamic ? (word.literalPrefix ?? "").slice(0, at) : word.value.slice(0, at);
  return { value: word.value, text: word.text, dynamic: true, features: [...features], literalPrefix };
}

/** An option's value word with the text of the value alone: readOptions keeps the whole `--chdir=DIR` word's text,
 *  and the text is what paths are expanded from. */
export function optionValue(w: Word | undefined): Word | undefined {
  const m = w && /^(["']?)--[A-Za-z0-9-]+=/.exec(w.text);
  return w && m ? { ...w, text: m[1]! + w.text.slice(m[0].length) } : w;
}

/** Words joined by single spaces, for re-parsing (`eval a b`, `watch a b`) and rule matching. */
export function joinValues(words: readonly Word[]): string {
  return words.map((w) => w.value).join(" ");
}

/** A dynamic word whose expansion could start with `-` and so act as an option. */
export function mayBeOption(word: Word): boolean {
  if (!word.dynamic) return word.value.startsWith("-");
  const p = word.literalPrefix ?? "";
  return p === "" || p.startsWith("-");
}
