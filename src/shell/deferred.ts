// Code that bash runs later, out of a value it expands a second time. Arithmetic evaluation expands array
// subscripts, `$(…)` included, in the values of variables it reads (`x='a[$(id)]'; (( x ))`, `$((x))`,
// `[[ $x -eq 0 ]]`, `${s:x}`), and names given to `test -v`, `read`, `declare` and `printf -v` are evaluated the
// same way (`test -v 'a[$(id)]'`). So a literal `a[$(…)]` is code, though quoted. `${!ref}` and `${ref@P}` are the
// other second expansions (words.ts marks them "indirect"). Does not judge: injection.ts asks, and the walk
// (analyse.ts) parses the hidden code so the blocklist and decode/remote→exec checks see what it runs.
import type { ShellCommand, Word } from "./model.js";
import { DECLARATIONS } from "./declarations.js";
import { VARIABLE_SETTERS } from "./programs.js";

/** How commands of the hidden code are reached (`via`). */
export const SUBSCRIPT_VIA = "a[…] subscript";

/** An identifier character right before `[`: a subscript (`a[`, `arr_1[`); the name's first letter is not checked. */
const SUBSCRIPT_OPEN = /[A-Za-z0-9_]\[/;

/** What starts a command substitution. words.ts writes each expansion of a dynamic word as a NUL, and one that
 *  prints `$` or `(` completes one (`"a[$(printf '$')(id)]"`). */
const SUBSTITUTION_STARTS = ["$(", "`", "\0(", "$\0"];

/** `a[…$(…)…` or ``a[…`…`…``: a command substitution after an array subscript opens. Linear: no backtracking. */
export function hasSubscriptCode(text: string): boolean {
  if (!SUBSTITUTION_STARTS.some((s) => text.includes(s))) return false;
  const open = text.search(SUBSCRIPT_OPEN);
  return open >= 0 && SUBSTITUTION_STARTS.some((s) => text.includes(s, open));
}

/** A word whose literal text holds subscript code. In a dynamic word the `$(…)` as written may be a real
 *  substitution (`"${a[$(date)]}"`, walked as a command): words.ts marks only literal text, as "subscript". */
export function holdsSubscriptCode(w: Word): boolean {
  return w.dynamic ? w.features?.includes("subscript") === true : hasSubscriptCode(w.value);
}

/** The words of a command that hold subscript code: arguments, assignment values, redirection targets (here-strings
 *  fed to `read`), and a heredoc `read` or `mapfile` stores. A declaration's assignments are its arguments too
 *  (`declare -i n='a[$(id)]'`): seen once. Other heredocs are not values (`cat > f.sh <<'EOF'` writes a script). */
export function subscriptCodeWords(c: ShellCommand): readonly Word[] {
  // Asked of every command twice (analyse.ts, injection.ts), nearly always answered "none": no array for that.
  let out: Word[] | undefined;
  for (const a of c.args) if (holdsSubscriptCode(a)) (out ??= []).push(a);
  const name = c.name.kind === "literal" ? c.name.value : "";
  if (!DECLARATIONS.has(name)) for (const a of c.assignments) if (holdsSubscriptCode(a.value)) (out ??= []).push(a.value);
  for (const r of c.redirects) if (holdsSubscriptCode(r.target)) (out ??= []).push(r.target);
  if (c.stdinText !== undefined && VARIABLE_SETTERS.has(name) && hasSubscriptCode(c.stdinText)) (out ??= []).push({ value: c.stdinText, text: c.stdinText, dynamic: false });
  return out ?? NONE;
}

const NONE: readonly Word[] = [];

/** Shell source that expands `text` the way a subscript is expanded (parameters, `$(…)`, backticks; no word
 *  splitting, no quotes to balance): the body of an unquoted heredoc with a delimiter the text does not contain. */
export function subscriptSource(text: string): string {
  const lines = new Set(text.split("\n"));
  let delimiter = "HOOKWARDEN_SUBSCRIPT";
  while (lines.has(delimiter)) delimiter += "_";
  return `<<${delimiter}\n${text}\n${delimiter}\n`;
}
