// The command model: what a Bash command string runs, as plain data. Checks see only this, never unbash nodes.
import type { Span } from "../types.js";

/** A word after the shell's quote removal. `dynamic` words contain expansions/substitutions/globs we can't resolve. */
export interface Word {
  /** The shell's reading when literal (`"r"m` → `rm`); the source text when dynamic. */
  readonly value: string;
  /** Source text as written. */
  readonly text: string;
  readonly dynamic: boolean;
}

export type Name = { readonly kind: "literal"; readonly value: string } | { readonly kind: "dynamic"; readonly text: string };

export interface Redirect {
  /** `>`, `>>`, `>|`, `&>`, `&>>`, `<`, `<>`, `>&`, `<&`, `<<`, `<<<` … */
  readonly op: string;
  readonly fd?: number;
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

export interface ShellCommand {
  readonly name: Name;
  /** argv[1..] */
  readonly args: readonly Word[];
  /** `VAR=value` prefixes. */
  readonly assignments: readonly { readonly name: string; readonly value: Word }[];
  readonly redirects: readonly Redirect[];
  /** How we got here through wrappers/interpreters: ["sudo", "bash -c", "xargs"]. Empty for a top-level command. */
  readonly via: readonly string[];
  /** Structural position, outer first. */
  readonly position: readonly Position[];
  /** Sequence index in the top-level source order (for cd tracking: later commands have larger seq). */
  readonly seq: number;
  /** Text fed to this command's stdin by a heredoc or here-string, when literal. */
  readonly stdinText?: string;
  /** True when another command's output is piped into this one. */
  readonly pipedInto: boolean;
  readonly span: Span;
}
