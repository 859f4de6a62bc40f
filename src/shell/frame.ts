// What the walk carries from node to node (positions, pipelines, wrappers, inherited redirections), and the work
// items on its explicit stack. Shared by analyse.ts (the walk) and emit.ts (simple commands → model).
import type { SyntaxNode } from "unbash";
import type { Position, Redirect, Word, Wrapper } from "./model.js";
import type { Span } from "../types.js";

export type Assign = { readonly name: string; readonly value: Word };
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type PipeRef = { readonly id: number; readonly stage: number };

/** What a node inherits from where it sits. Shared arrays are never mutated: a child frame copies on change. */
export interface Frame {
  readonly position: readonly Position[];
  readonly pipes: readonly PipeRef[];
  readonly pipedInto: boolean;
  readonly host: number | undefined;
  readonly via: readonly string[];
  readonly wrappers: readonly Wrapper[];
  /** Redirections of enclosing compounds (`{ …; } > f`). */
  readonly inherited: readonly Redirect[];
  readonly inheritedStdin: StdinFeed | undefined;
  /** Re-parse depth (`sh -c` inside `eval` …). */
  readonly depth: number;
  /** Ids of the child shells this node runs in, outer first (ShellCommand.shells). */
  readonly shells: readonly number[];
  /** Span in the top-level source that stands for commands of a re-parsed string. */
  readonly span: Span | undefined;
  /** Assignments in front of the shell (or `eval`) running this code (`BASH_ENV=x bash -c '…'`): in the environment
   *  of every command it runs. */
  readonly env: readonly Assign[];
}

export interface StdinFeed {
  /** Literal text fed to stdin. */
  readonly text?: string;
  /** Code as written (raw heredoc body, here-string value), parsed when a shell reads it. */
  readonly code?: string;
  readonly dynamic: boolean;
}

/** A node to walk, or a code string to parse. A best-effort string (code with run-time parts, read as written) may
 *  fail to parse: that is skipped, because its command is already unresolved and asks. */
export type Item =
  | { readonly node: SyntaxNode; readonly frame: Frame }
  | { readonly source: string; readonly frame: Frame; readonly bestEffort?: boolean }
  | PipelineRest;

/** The stages of a `|` pipeline from `next` on, still to walk. One item stands for all of them, and each stage's frame
 *  is made when the stage is reached: a pipeline of thousands of stages does not hold thousands of frames at once. */
export interface PipelineRest {
  /** A copy of the pipeline's stages; each is cleared once taken. */
  readonly stages: (SyntaxNode | undefined)[];
  readonly next: number;
  readonly id: number;
  /** The stages' position (the parent's plus "pipeline"), one array for all of them. */
  readonly position: readonly Position[];
  readonly frame: Frame;
}

export const ROOT: Frame = { position: [], pipes: [], pipedInto: false, host: undefined, via: [], wrappers: [], inherited: [], inheritedStdin: undefined, depth: 0, span: undefined, shells: [], env: [] };

/** Child shell ids, counted from 0 in each analysis (analyse.ts resets the count). */
let shellCount = 0;

export function resetShellIds(): void {
  shellCount = 0;
}

/** `f` entered into a new child shell: its `cd` and assignments stay there. */
export function enterChildShell(f: Frame): Frame {
  return { ...f, shells: childShells(f.shells) };
}

/** The shell ids of a new child shell of the one `shells` names. */
export function childShells(shells: readonly number[]): readonly number[] {
  return [...shells, shellCount++];
}

/** A failure the walk reports as "not ok" (the caller asks), not a bug. */
export class Failure extends Error {}
