// The command model: what a Bash command string runs, as plain data. Checks see only this, never unbash nodes.
import type { Span } from "../types.js";

/** What makes a word dynamic: the kinds of expansion it holds. */
export type WordFeature =
  | "parameter" // $X ${X} ${X:-y} $1 $@
  | "command" // $(…) or `…`
  | "process" // <(…) >(…)
  | "arithmetic" // $(( … ))
  | "glob" // * ? [..] and extended globs
  | "brace" // {a,b} {1..3}
  | "input" // filled at run time by xargs / find -exec `{}` / parallel inputs
  | "indirect" // ${!ref} ${ref@P}: a value expanded again, as a name or a prompt string (deferred.ts)
  | "subscript"; // literal text holding a[$(…)] beside the expansions: code once evaluated as arithmetic

/** A word after the shell's quote removal. `dynamic` words contain expansions/substitutions/globs we can't resolve. */
export interface Word {
  /** The shell's reading when literal (`"r"m` → `rm`); when dynamic, quotes removed but expansions left as written
   *  (`"$HOME"/x` → `$HOME/x`). */
  readonly value: string;
  /** Source text as written. */
  readonly text: string;
  readonly dynamic: boolean;
  /** Present on dynamic words: which expansions they hold. */
  readonly features?: readonly WordFeature[];
  /** Dynamic words: the literal text (after quote removal) before the first expansion; "" when it starts with one. */
  readonly literalPrefix?: string;
}

export type Name = { readonly kind: "literal"; readonly value: string } | { readonly kind: "dynamic"; readonly text: string };

export interface Redirect {
  /** `>`, `>>`, `>|`, `&>`, `&>>`, `<`, `<>`, `>&`, `<&`, `<<`, `<<-`, `<<<` … */
  readonly op: string;
  readonly fd?: number;
  /** For `<<`/`<<-` the delimiter word; for `<<<` the string. */
  readonly target: Word;
}

/** Where a command sits. Outer first: ["pipeline", "subshell", "$(…)"]. */
export type Position =
  | "pipeline" // a member of a `|` pipeline with more than one stage
  | "subshell" // ( … )
  | "group" // { … }
  | "$(…)" // command or backtick substitution
  | "<(…)" // process substitution, either direction
  | "background" // ends with &
  | "condition" // if/while/until condition, && / || operand
  | "loop"
  | "function" // a function body (walked even if never called)
  | "case"
  | "coproc";

/** A wrapper or interpreter the command was reached through, with its own words (for deny rules like `sudo *`). */
export interface Wrapper {
  /** Program name as matched (`sudo`, `bash`, `xargs`, `find`); basename of a path. */
  readonly name: string;
  /** The whole argv of the wrapper invocation, argv[0] as written (so `/usr/bin/sudo -n id`). */
  readonly argv: readonly Word[];
  /** How it runs what it wraps: `exec` (argv), `shell` (a code string: `sh -c`, `eval`, `su -c`, `watch`),
   *  `stdin` (a shell reading a heredoc or here-string), `each` (xargs, find -exec, parallel: once per input). */
  readonly kind: "exec" | "shell" | "stdin" | "each";
  /** Runs the command as another user (sudo, doas, su, pkexec, runuser). */
  readonly privileged?: boolean;
  /** The directory it runs the command in (`env -C DIR`, `sudo -D DIR`). */
  readonly chdir?: Word;
}

export interface ShellCommand {
  /** argv[0]. A program path (`/usr/bin/curl`, `./ls`) is reduced to its basename here; see `program`.
   *  The empty literal `""` is a command with no name: only assignments and/or redirections (`X=1`, `> f`). */
  readonly name: Name;
  /** argv[1..] */
  readonly args: readonly Word[];
  /** `VAR=value` prefixes, `env VAR=x`/`sudo VAR=x` operands, and the operands of `export`/`declare`/`local`/
   *  `readonly`/`typeset`. */
  readonly assignments: readonly { readonly name: string; readonly value: Word }[];
  /** Redirections of the command itself, then those of enclosing compounds (`{ a; } > f`, `while …; done < f`). */
  readonly redirects: readonly Redirect[];
  /** How we got here through wrappers/interpreters: ["sudo", "bash -c", "xargs"]. Empty for a top-level command. */
  readonly via: readonly string[];
  /** Structural position, outer first. */
  readonly position: readonly Position[];
  /** Sequence index in the top-level source order (for cd tracking: later commands have larger seq). */
  readonly seq: number;
  /** The child shells the command runs in, outer first, by id (`( … )`, `$(…)`, `<(…)`, a pipeline stage, `&`,
   *  `sh -c` code): a `cd` there moves only that shell. Empty at the top level; absent on hand-built commands. */
  readonly shells?: readonly number[];
  /** Text fed to this command's stdin by a heredoc or here-string, when literal. */
  readonly stdinText?: string;
  /** True when another command's output is piped into this one. */
  readonly pipedInto: boolean;
  readonly span: Span;

  // ── Added by the analysis for checks that need more than the above; all optional. ──
  /** argv[0] as the shell read it, when it differs from `name` (a path: `/usr/bin/curl`, `./ls`, `~/bin/x`). */
  readonly program?: string;
  /** argv[0] source text (`$'\x72m'`, `r''m`, `\rm`): injection compares it with the value. */
  readonly nameText?: string;
  /** Outer wrappers, outer first; `via` is their readable form. */
  readonly wrappers?: readonly Wrapper[];
  /** A heredoc / here-string feeds stdin but is not literal (`<<EOF` with `$x` in the body, `<<< "$x"`). */
  readonly stdinDynamic?: boolean;
  /** Memberships in `|` pipelines, outer first: pipeline id and this command's stage (0 = first). */
  readonly pipes?: readonly { readonly id: number; readonly stage: number }[];
  /** The `seq` of the command whose words, redirections or heredoc hold the substitution this command runs in. */
  readonly host?: number;
  /** Why the analysis could not see through this command (an unknown wrapper option, `sh -c "$X"`); checks ask. */
  readonly unresolved?: string;
  /** Synthetic command for `[[ … ]]` / `(( … ))` (name `[[` / `((`), kept so their redirections stay visible. */
  readonly synthetic?: boolean;
}
