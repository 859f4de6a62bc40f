// What feeds the code a command runs, read from the command model: earlier stages of its pipelines, substitutions
// in its words, and variables set from a substitution or a read (`x=$(base64 -d f); sh -c "$x"`). Also how a shell
// or interpreter takes its code (stdin, a one-liner flag). Traversal only: injection.ts and injection-exec.ts judge.
import type { ShellCommand, Word } from "../shell/model.js";
import { interpreterOf, SHELLS, VARIABLE_SETTERS } from "../shell/programs.js";

export const nameOf = (c: ShellCommand): string => (c.name.kind === "literal" ? c.name.value : "");

export interface Index {
  readonly children: ReadonlyMap<number, readonly ShellCommand[]>;
  /** Variable name → the commands that feed it (`feeds` of indexCommands): substitutions and pipes that set it. */
  readonly variables: ReadonlyMap<string, readonly ShellCommand[]>;
  /** The command with this `seq` (the host of a process substitution). */
  bySeq(seq: number): ShellCommand | undefined;
  /** The commands of one stage of a pipeline, substitutions included. */
  stage(id: number, n: number): readonly ShellCommand[];
  /** The first few commands that feed (`feeds`) among the earlier stages of every pipeline `cmd` is a later stage
   *  of, substitutions included. Each pipeline is read once, so a pipeline of n shells costs O(n), not O(n²). */
  upstream(cmd: ShellCommand): ShellCommand[];
}

/** A variable or a pipeline stage keeps this many feeders at most: enough to name one, and linear. */
const MAX_FEEDERS = 4;

/** `feeds`: the commands worth following through pipes and variables (decoders, fetchers). */
export function indexCommands(commands: readonly ShellCommand[], feeds: (c: ShellCommand) => boolean = () => true): Index {
  const children = new Map<number, ShellCommand[]>();
  const pipes = new Map<number, ShellCommand[]>();
  for (const c of commands) {
    if (c.host !== undefined) (children.get(c.host) ?? children.set(c.host, []).get(c.host)!).push(c);
    const refs = c.pipes;
    if (refs) for (let i = 0; i < refs.length; i++) (pipes.get(refs[i]!.id) ?? pipes.set(refs[i]!.id, []).get(refs[i]!.id)!).push(c);
  }
  // Rarely asked: built on first use. The last command with a seq wins, as a Map filled in order would have it.
  let seqs: Map<number, ShellCommand> | undefined;
  const bySeq = (seq: number) => {
    if (seqs === undefined) {
      seqs = new Map();
      for (const c of commands) seqs.set(c.seq, c);
    }
    return seqs.get(seq);
  };
  // Per pipeline, built on first use: its members by stage, and the feeders of the stages before each stage.
  const staged = new Map<number, { readonly members: ShellCommand[][]; readonly before: (readonly ShellCommand[])[] }>();
  const pipeline = (id: number) => {
    let p = staged.get(id);
    if (p === undefined) {
      const members: ShellCommand[][] = [];
      for (const c of pipes.get(id) ?? []) (members[c.pipes!.find((r) => r.id === id)!.stage] ??= []).push(c);
      const before: (readonly ShellCommand[])[] = [];
      let acc: readonly ShellCommand[] = [];
      for (let s = 0; s <= members.length; s++) {
        before[s] = acc;
        const add = acc.length < MAX_FEEDERS ? (members[s] ?? []).filter(feeds) : [];
        if (add.length > 0) acc = [...acc, ...add].slice(0, MAX_FEEDERS);
      }
      staged.set(id, (p = { members, before }));
    }
    return p;
  };
  const stage = (id: number, n: number) => pipeline(id).members[n] ?? [];
  const upstream = (cmd: ShellCommand) => (cmd.pipes ?? []).flatMap((r) => (r.stage > 0 ? pipeline(r.id).before[r.stage] ?? [] : []));
  const ix = { children, variables: new Map<string, ShellCommand[]>(), bySeq, stage, upstream };
  for (const c of commands) recordVariables(c, ix, feeds);
  return ix;
}

/** Commands running in substitutions of `cmd`'s words, transitively. */
export function descendants(cmd: ShellCommand, ix: Index): ShellCommand[] {
  const out: ShellCommand[] = [];
  const stack = [...(ix.children.get(cmd.seq) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    stack.push(...(ix.children.get(c.seq) ?? []));
  }
  return out;
}

// ── variables ────────────────────────────────────────────────────────────────────────────────────────────────

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REFERENCE = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/g;

type Building = Omit<Index, "variables"> & { readonly variables: Map<string, ShellCommand[]> };

/** The variables `c` sets from other commands' output, in source order: `x=$(…)`, `export x="$(…)"`, `read x`
 *  fed by a pipe, here-string or process substitution, and `y=$x` passing one on. Over-approximate on purpose:
 *  every variable the command sets gets everything that feeds it. */
function recordVariables(c: ShellCommand, ix: Building, feeds: (c: ShellCommand) => boolean): void {
  const reader = VARIABLE_SETTERS.has(nameOf(c)); // read, mapfile, printf -v: the names are among the arguments
  const names = c.assignments.map((a) => a.name);
  if (reader) for (const a of c.args) if (!a.dynamic && IDENTIFIER.test(a.value)) names.push(a.value);
  if (names.length === 0) return;
  const from = descendants(c, ix);
  // Only the stage right before: bash runs `… | read x` in a subshell, zsh does not.
  if (reader) from.push(...previousStage(c, ix));
  from.push(...variableFeeders(c.assignments.map((a) => a.value), ix));
  for (const f of from) {
    if (!feeds(f)) continue;
    for (const n of names) {
      const list = ix.variables.get(n) ?? [];
      if (list.length < MAX_FEEDERS && !list.includes(f)) list.push(f);
      ix.variables.set(n, list);
    }
  }
}

/** The stage before `c` in its innermost pipeline, with its substitutions. */
function previousStage(c: ShellCommand, ix: Building): readonly ShellCommand[] {
  const ref = c.pipes?.[c.pipes.length - 1];
  return ref && ref.stage > 0 ? ix.stage(ref.id, ref.stage - 1) : [];
}

/** The commands whose output the variables these words expand may hold. */
export function variableFeeders(words: readonly Word[], ix: Index): ShellCommand[] {
  if (ix.variables.size === 0) return [];
  const out: ShellCommand[] = [];
  for (const w of words) {
    if (!w.dynamic) continue;
    for (const m of w.value.matchAll(REFERENCE)) out.push(...(ix.variables.get(m[1]!) ?? []));
  }
  return out;
}

// ── how a program takes code ─────────────────────────────────────────────────────────────────────────────────

export function hasFlag(args: readonly Word[], flag: string): boolean {
  if (flag.startsWith("--") || flag.length !== 2 || !flag.startsWith("-")) return args.some((a) => a.value === flag || a.value.startsWith(`${flag}=`));
  const letter = flag[1]!;
  return args.some((a) => !a.dynamic && /^-[A-Za-z]+$/.test(a.value) && a.value.includes(letter));
}

/** A shell or interpreter that takes its code from stdin (no `-c`, no script operand, or `-`/`-s`). */
const STDIN_FILES = new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

export function readsCodeFromStdin(c: ShellCommand): boolean {
  const name = nameOf(c);
  if (name === "source" || name === ".") return c.args[0] !== undefined && STDIN_FILES.has(c.args[0].value);
  const interp = interpreterOf(name);
  if (!SHELLS.has(name) && !interp) return false;
  if (SHELLS.has(name) && c.args.some((a) => !a.dynamic && /^-[A-Za-z]*c[A-Za-z]*$/.test(a.value))) return false;
  if (interp && interp.flags.some((f) => hasFlag(c.args, f))) return false;
  if (interp && hasFlag(c.args, "-m")) return false;
  const operand = c.args.find((a) => a.dynamic || !a.value.startsWith("-") || a.value === "-");
  return operand === undefined || STDIN_FILES.has(operand.value) || hasFlag(c.args, "-s");
}

export function stdinFed(c: ShellCommand): boolean {
  return c.pipedInto || c.stdinText !== undefined || c.stdinDynamic === true || c.redirects.some((r) => r.op === "<" && (r.fd === undefined || r.fd === 0));
}

/** The one-liner code of an interpreter (`python -c CODE`), if it has one. */
export function oneLiner(c: ShellCommand): Word | undefined {
  const interp = interpreterOf(nameOf(c));
  if (!interp) return undefined;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (a.dynamic) continue;
    for (const f of interp.flags) {
      if (a.value === f) return c.args[i + 1] ?? a;
      if (f.startsWith("--") && a.value.startsWith(`${f}=`)) return { ...a, value: a.value.slice(f.length + 1) };
      if (f.length === 2 && f.startsWith("-") && /^-[A-Za-z]+$/.test(a.value) && a.value.includes(f[1]!)) {
        const rest = a.value.slice(a.value.indexOf(f[1]!) + 1);
        return rest ? { ...a, value: rest } : c.args[i + 1] ?? a;
      }
    }
  }
  return undefined;
}

/** The words a code runner reads as code: a shell's `-c` string, an interpreter's one-liner, eval's and source's
 *  arguments, a here-string, and a computed program name (`$x` runs what x holds). */
export function codeWords(c: ShellCommand): Word[] {
  const name = nameOf(c);
  const out: Word[] = [];
  if (c.name.kind === "dynamic") out.push({ value: c.name.text, text: c.name.text, dynamic: true });
  if (name === "eval" || name === "source" || name === ".") out.push(...c.args);
  const code = SHELLS.has(name) ? shellCode(c.args) : oneLiner(c);
  if (code) out.push(code);
  for (const r of c.redirects) if (r.op === "<<<") out.push(r.target);
  return out;
}

/** `sh -c CODE`, `bash -ec CODE`: the word after the option cluster holding `c`. */
function shellCode(args: readonly Word[]): Word | undefined {
  const at = args.findIndex((a) => !a.dynamic && /^-[A-Za-z]*c[A-Za-z]*$/.test(a.value));
  return at >= 0 ? args[at + 1] : undefined;
}
