// Declaration builtins (`export`, `declare`, `local`, `readonly`, `typeset`): which of their operands assign, and
// the option that makes a variable a reference to another (`declare -n`). Bash assigns a quoted or escaped operand
// too (`export "PATH=x"`, `export PA\TH=x`), though its parser does not read those words as assignment words.
import type { Word } from "./model.js";

export const DECLARATIONS: ReadonlySet<string> = new Set(["export", "declare", "local", "readonly", "typeset"]);

/** `-n` makes a name reference in these; `export -n` removes the export attribute instead. */
const NAMEREF_DECLARATIONS: ReadonlySet<string> = new Set(["declare", "local", "typeset"]);

/** `NAME=`, `NAME+=`, `NAME[sub]=` at the start of an operand. */
const NAME_EQ = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^]*?\])?\+?=/;

export type Declared = { readonly name: string; readonly value: Word };

/** The assignment a declaration operand makes when bash's parser did not see one: `"PATH=x"` assigns PATH.
 *  Undefined when it assigns nothing we can name (an option, a bare name, a name only known at run time). */
export function operandAssignment(w: Word): Declared | undefined {
  const known = w.dynamic ? w.literalPrefix ?? "" : w.value;
  const m = NAME_EQ.exec(known);
  if (!m) return undefined;
  const rest = w.value.slice(m[0].length);
  if (!w.dynamic) return { name: m[1]!, value: { value: rest, text: w.text, dynamic: false } };
  return { name: m[1]!, value: { value: rest, text: w.text, dynamic: true, features: w.features ?? ["parameter"], literalPrefix: known.slice(m[0].length) } };
}

/** The first operand of a declaration whose variable name is only known at run time (`export $X`, where X may hold
 *  `PATH=/tmp`; `declare "$n=1"`; an option word `-$o` that may hold `-n`). */
export function runtimeNamedOperand(name: string, args: readonly Word[]): Word | undefined {
  if (!DECLARATIONS.has(name)) return undefined;
  for (const a of args) {
    if (!a.dynamic) continue;
    if (!NAME_EQ.test(a.literalPrefix ?? "")) return a;
  }
  return undefined;
}

/** `declare -n ref=PATH`: every later `ref=…` assigns PATH, out of sight of the assignment checks. */
export function declaresNameref(name: string, args: readonly Word[]): boolean {
  if (!NAMEREF_DECLARATIONS.has(name)) return false;
  for (const a of args) {
    if (a.dynamic || !a.value.startsWith("-") || a.value === "--") return false; // options end at the first operand
    if (/^-[A-Za-z]*n/.test(a.value)) return true;
  }
  return false;
}
