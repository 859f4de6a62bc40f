// unbash words → model words: literal or dynamic, and which expansions a dynamic word holds. Also makes synthetic
// words for the unwrapper (xargs input, `{}`). Does not walk substitutions: parse.ts does.
import { forEachChild, type ParameterExpansionPart, type SyntaxNode, type Word as UWord, type WordPart } from "unbash";
import type { Name, Word, WordFeature } from "./model.js";
import { hasSubscriptCode } from "./deferred.js";

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
export function toWord(w: Pick<UWord, "text" | "value" | "parts">): Word {
  const parts = w.parts;
  if (!parts || parts.length === 0) return plainWord(w.value, w.text);
  const features = new Set<WordFeature>();
  let prefix = "";
  let prefixOpen = true;
  // The literal text with each expansion as one NUL: `'a[$('"$y"')]'` still holds a subscript's `$(` (deferred.ts).
  const code = w.text.includes("$") || w.text.includes("`");
  let literal = "";
  const again = AGAIN_HINT.test(w.text);
  const visit = (ps: readonly WordPart[]) => {
    for (const p of ps) {
      switch (p.type) {
        case "Literal":
        case "SingleQuoted":
        case "AnsiCQuoted":
          if (prefixOpen) prefix += p.value;
          if (code) literal += p.value;
          break;
        case "DoubleQuoted":
        case "LocaleString":
          visit(p.parts);
          break;
        default: {
          const f = FEATURE[p.type];
          features.add(f ?? "parameter");
          if (again && expandsAgain(p)) features.add("indirect");
          prefixOpen = false;
          if (code) literal += "\0";
        }
      }
    }
  };
  visit(parts);
  if (features.size === 0) return plainWord(w.value, w.text);
  if (code && hasSubscriptCode(literal)) features.add("subscript");
  return { value: w.value, text: w.text, dynamic: true, features: [...features], literalPrefix: prefix };
}

/** Text that may hold `${!ref}` or `${ref@P}`: most words don't, and are not walked again. */
const AGAIN_HINT = /\$\{!|@P/;

/** An expansion that expands a value a second time: `${!ref}` (indirection: the value is a name, `a[$(…)]`
 *  included) or `${ref@P}` (a prompt string, which runs `$(…)`). Not `${!arr[@]}` (keys), `${!prefix*}` (names),
 *  `${!#}` (the last argument). Nested words are searched (`${x:-${!r}}`, `$(( ${!r} ))`); substitutions are not:
 *  their commands are checked on their own. */
function expandsAgain(part: WordPart): boolean {
  const stack: SyntaxNode[] = [part];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "CommandExpansion" || n.type === "ProcessSubstitution" || n.type === "ArithmeticCommandExpansion") continue;
    if (n.type === "ParameterExpansion" && isSecondExpansion(n)) return true;
    forEachChild(n, (c) => stack.push(c));
  }
  return false;
}

function isSecondExpansion(p: ParameterExpansionPart): boolean {
  if (p.operation?.type === "Transform" && p.operation.operand.value === "P") return true;
  if (p.prefix !== "!" || p.parameter === "#" || p.operation?.type === "Names") return false;
  return !(p.index && (p.index.value === "@" || p.index.value === "*"));
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
