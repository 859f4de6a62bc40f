// Where the names that `xargs` hands to a command come from: literal text we can split the way xargs does (`echo
// ~/.aws/credentials | xargs cat`, `xargs cat <<< ~/.ssh/id_rsa`), a listing command whose listing shell-paths.ts can
// check (`find . -type f | xargs cat`), or something only known at run time (`git ls-files -o | xargs cat`, `xargs -a
// list.txt cat`). Judging the names is shell-paths.ts's.
import path from "node:path";
import type { Arg } from "../paths/argv.js";
import type { ShellCommand, Word, Wrapper } from "../shell/model.js";
import { readOptions } from "../shell/options.js";
import { literalOutput } from "../shell/programs.js";
import { optionValue } from "../shell/words.js";
import { XARGS } from "../shell/wrappers.js";
import { FILE_LISTERS } from "./shell-paths.rules.js";

export type XargsInput =
  /** Names known before the command runs; `from` says where they come from, for reasons. */
  | { readonly kind: "names"; readonly names: readonly string[]; readonly from: string }
  /** Names a listing command of the same call prints. */
  | { readonly kind: "listers"; readonly listers: readonly ShellCommand[] }
  | { readonly kind: "unknown"; readonly why: string }
  /** Nothing feeds xargs. */
  | { readonly kind: "none" };

const XARGS_NAMES = new Set(["xargs", "gxargs"]);
const STDIN_OPS = new Set(["<", "<<", "<<-", "<<<", "<>", "<&"]);

/** The innermost xargs that runs `cmd`, if any. */
export function xargsWrapper(cmd: ShellCommand): Wrapper | undefined {
  const ws = cmd.wrappers ?? [];
  for (let i = ws.length - 1; i >= 0; i--) if (ws[i]!.kind === "each" && XARGS_NAMES.has(ws[i]!.name)) return ws[i];
  return undefined;
}

/** The file `xargs -a FILE` reads its names from: its lines become arguments, so it is read whatever the program. */
export function xargsNameFile(cmd: ShellCommand): Word | undefined {
  const xargs = xargsWrapper(cmd);
  if (xargs === undefined) return undefined;
  const opts = readOptions(xargs.name, xargs.argv.slice(1), XARGS());
  return opts.ok ? optionValue(opts.values.get("a") ?? opts.values.get("--arg-file")) : undefined;
}

/** `expand`: a word as the shell expands it for this command (`~`, known variables); no value when unknown. */
export function xargsInput(cmd: ShellCommand, xargs: Wrapper, call: readonly ShellCommand[], expand: (w: Word) => readonly Arg[]): XargsInput {
  const opts = readOptions(xargs.name, xargs.argv.slice(1), XARGS());
  if (!opts.ok) return { kind: "unknown", why: opts.reason };
  const file = opts.values.get("a") ?? opts.values.get("--arg-file");
  if (file) return { kind: "unknown", why: `the file ${file.text}` };
  const split = splitter(opts.values.get("d") ?? opts.values.get("--delimiter"), opts.seen.has("0") || opts.seen.has("--null"), opts.values.has("I") || opts.values.has("--replace") || opts.seen.has("--replace"));
  if (split === undefined) return { kind: "unknown", why: "a delimiter only known at run time" };
  const stdin = cmd.redirects.filter((r) => STDIN_OPS.has(r.op) && (r.fd === undefined || r.fd === 0));
  if (stdin.length > 1) return { kind: "unknown", why: "several redirections of its input" };
  const r = stdin[0];
  if (r !== undefined) {
    if (r.op === "<<<") {
      const values = expand(r.target);
      if (values.length !== 1 || values[0]!.value === undefined) return { kind: "unknown", why: `the here-string ${r.target.text}` };
      return { kind: "names", names: split(`${values[0]!.value}\n`), from: `the here-string ${r.target.text}` };
    }
    if ((r.op === "<<" || r.op === "<<-") && cmd.stdinText !== undefined) return { kind: "names", names: split(cmd.stdinText), from: "the heredoc" };
    return { kind: "unknown", why: r.op.startsWith("<<") ? "a heredoc with expansions" : `the file ${r.target.text}` };
  }
  if (!cmd.pipedInto) return { kind: "none" };
  return upstream(cmd, call, expand, split);
}

/** What the previous stage of `cmd`'s pipeline prints: the names of a listing command, or literal text. */
function upstream(cmd: ShellCommand, call: readonly ShellCommand[], expand: (w: Word) => readonly Arg[], split: (text: string) => string[]): XargsInput {
  const me = cmd.pipes?.[cmd.pipes.length - 1];
  if (me === undefined || me.stage === 0) return { kind: "unknown", why: "its input, which is only known at run time" };
  // The stage's own commands (not those of a `$(…)` inside it): stages share one position array.
  const stage = call.filter((c) => c.position.length === cmd.position.length && c.pipes?.some((p) => p.id === me.id && p.stage === me.stage - 1));
  if (stage.length !== 1) return { kind: "unknown", why: "the output of the previous stage of the pipeline" };
  const source = stage[0]!;
  const name = source.name.kind === "literal" ? path.posix.basename(source.name.value) : undefined;
  if (name !== undefined && FILE_LISTERS[name]) return { kind: "listers", listers: [source] };
  const shown = `\`${[source.name.kind === "literal" ? source.name.value : source.name.text, ...source.args.map((a) => a.text)].join(" ")}\``;
  const text = name === undefined ? undefined : printedText(name, source, expand);
  if (text === undefined) return { kind: "unknown", why: `the output of ${shown}` };
  return { kind: "names", names: split(text), from: shown };
}

/** What `echo` / `printf` / `cat <<EOF` print, their words expanded as the shell does. */
function printedText(name: string, source: ShellCommand, expand: (w: Word) => readonly Arg[]): string | undefined {
  const words: { value: string; dynamic: boolean }[] = [];
  for (const w of source.args) {
    for (const a of expand(w)) {
      if (a.value === undefined) return undefined;
      words.push({ value: a.value, dynamic: false });
    }
  }
  return literalOutput(name, words, source.stdinText);
}

/** How xargs cuts its input into names: at a delimiter (`-d`, `-0`), by lines (`-I`), or at blanks with quotes and
 *  backslashes (the default). Undefined when the delimiter is not literal. */
function splitter(delimiter: Word | undefined, nul: boolean, lines: boolean): ((text: string) => string[]) | undefined {
  if (delimiter !== undefined) {
    if (delimiter.dynamic) return undefined;
    const d = delimiter.value === "\\n" ? "\n" : delimiter.value === "\\t" ? "\t" : delimiter.value.slice(0, 1);
    return (text) => text.split(d).filter((n) => n !== "" && n !== "\n");
  }
  if (nul) return (text) => text.split("\0").filter((n) => n !== "");
  if (lines) return (text) => text.split("\n").map((l) => l.replace(/^[ \t]+/, "")).filter((l) => l !== "");
  return blankSeparated;
}

/** The default: names separated by blanks and newlines; `'…'`, `"…"` and `\x` quote. */
function blankSeparated(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n") {
      if (started) out.push(cur);
      cur = "";
      started = false;
      continue;
    }
    started = true;
    if (c === "\\" && i + 1 < text.length) cur += text[++i];
    else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      cur += text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else cur += c;
  }
  if (started) out.push(cur);
  return out;
}
