// Where each command of one Bash call runs: the cwd (moved by `cd`/`pushd`/`popd` with literal arguments, and for one
// command by a wrapper's `env -C DIR` / `sudo -D DIR`), $PWD, $OLDPWD, $HOME and literal variable assignments,
// followed in `seq` order. Each child shell (a subshell, `$(…)`, a pipeline stage, `&`, a `bash -c` string) keeps its
// own state: its `cd` moves the commands after it in that shell only (`(cd ~ && echo x > .bashrc)`). When we cannot
// follow (a dynamic `cd`, a `cd` in a loop), the cwd is unknown: relative targets become unknown and the caller asks.
import os from "node:os";
import path from "node:path";
import type { Context } from "../context-types.js";
import type { Position, ShellCommand, Word } from "../shell/model.js";
import { expandOne } from "./argv.js";
import { isDirectory, isInside, physicalPath, resolveAgainst, type Resolution } from "./resolve.js";
import type { WordEnv } from "./word.js";

export interface Cwd {
  /** What `pwd`/`$PWD` say (bash's logical cwd; `cd link/..` folds lexically). */
  readonly logical: string;
  /** Where the kernel resolves relative paths. */
  readonly physical: string;
}

export interface ShellState {
  /** undefined: we cannot know where this command runs. */
  readonly cwd: Cwd | undefined;
  readonly oldpwd: Cwd | undefined;
  /** pushd stack (top last); entries below are unknown. */
  readonly stack: readonly (Cwd | undefined)[];
  readonly vars: ReadonlyMap<string, string | undefined>;
}

/** Positions whose commands run in a child shell: their `cd` and assignments stay there. */
const CHILD_SHELL: ReadonlySet<Position> = new Set<Position>(["pipeline", "subshell", "$(…)", "<(…)", "background", "coproc"]);
/** Positions that may run any number of times. */
const REPEATED = new Set(["loop", "function"]);
const MAX_STATES = 8;

let cachedUser: string | undefined | null = null;
function currentUser(): string | undefined {
  if (cachedUser === null) {
    try {
      cachedUser = os.userInfo().username;
    } catch {
      cachedUser = undefined; // no passwd entry (containers): `~name` stays unknown
    }
  }
  return cachedUser;
}

export class ShellTracker {
  private top: ShellState[];
  /** Child shells entered so far, by id (ShellCommand.shells): the states inside each after its latest change. */
  private readonly shells = new Map<number, ShellState[]>();
  /** Symlinks created earlier in this call (`ln -s /etc x`): link path → target. */
  readonly links = new Map<string, string>();
  /** Directories created earlier in this call (`mkdir -p build && cd build`). */
  readonly created = new Set<string>();

  constructor(ctx: Pick<Context, "cwd" | "home">) {
    const cwd = { logical: ctx.cwd as string, physical: ctx.cwd as string };
    const vars = new Map<string, string | undefined>([["HOME", ctx.home], ["PWD", ctx.cwd], ["OLDPWD", undefined]]);
    this.top = [{ cwd, oldpwd: undefined, stack: [], vars }];
  }

  /** Resolutions made while no link has been created yet, by base directory then path: a long command resolves the
   *  same words again and again (credentials, then Read rules, for every command). */
  private readonly resolutions = new Map<string, Map<string, Resolution>>();

  /** `raw` against `base` through the file system and the links this call created so far (resolveAgainst). */
  resolve(raw: string, base: string): Resolution {
    if (this.links.size > 0) return resolveAgainst(raw, base, this.links);
    let byPath = this.resolutions.get(base);
    if (byPath === undefined) this.resolutions.set(base, (byPath = new Map()));
    let r = byPath.get(raw);
    if (r === undefined) byPath.set(raw, (r = resolveAgainst(raw, base, this.links)));
    return r;
  }

  /** The candidate states `cmd` may run in (usually one); a wrapper's directory (`env -C /etc touch x`) applies. */
  statesFor(cmd: ShellCommand): readonly ShellState[] {
    const states = this.shellOf(cmd).states;
    const dirs = cmd.wrappers?.filter((w) => w.chdir !== undefined);
    if (!dirs || dirs.length === 0) return states;
    // The wrapper fails when it cannot change directory, so the command only ever runs in the new one.
    return dedupe(states.map((s) => dirs.reduce((cur, w) => last(this.moveTo(cur, this.single(w.chdir!, cur), false)), s)));
  }

  /** The shell `cmd` runs in: its innermost child shell (states inherited from the shell around it until its own
   *  first change), or the top level. `throwaway`: a command whose changes no later command sees — one an `xargs` or
   *  `find -exec` runs (an external program), or a hand-built one in a child position (no shell ids). */
  private shellOf(cmd: ShellCommand): { readonly states: readonly ShellState[]; readonly id?: number; readonly throwaway?: boolean } {
    const chain = cmd.shells;
    if (chain === undefined) return inChildShell(cmd) ? { states: this.top, throwaway: true } : { states: this.top };
    const lastWrapper = cmd.wrappers?.[cmd.wrappers.length - 1];
    const throwaway = lastWrapper?.kind === "each";
    const id = chain[chain.length - 1];
    for (let i = chain.length - 1; i >= 0; i--) {
      const states = this.shells.get(chain[i]!);
      if (states) return { states, id, throwaway };
    }
    return { states: this.top, ...(id !== undefined ? { id } : {}), throwaway };
  }

  /** Apply what `cmd` does to the shell itself (cd, pushd, popd, assignments), after it has been checked. */
  advance(cmd: ShellCommand): void {
    if (!mayChangeShell(cmd)) return; // effect() leaves every state as it is
    const shell = this.shellOf(cmd);
    if (shell.throwaway) return;
    const before = shell.states;
    const after = before.map((s) => this.effect(cmd, s));
    // Most commands change nothing (every state maps to itself): then the lists stay as they are.
    if (after.every((a, i) => a.length === 1 && a[0] === before[i])) return;
    const positions = innerPositions(cmd.position);
    let next: ShellState[];
    if (positions.some((p) => REPEATED.has(p))) {
      // Zero, one or many times: the old states stay possible, and after a repeated move nothing is known.
      next = cap(dedupe(before.flatMap((s, i) => [s, ...after[i]!.map((m) => (m.cwd === s.cwd ? m : unknownCwd(m)))])));
    } else if (positions.includes("case")) {
      next = cap(dedupe(before.flatMap((s, i) => [s, ...after[i]!])));
    } else next = cap(dedupe(after.flat()));
    if (shell.id === undefined) this.top = next;
    else this.shells.set(shell.id, next);
  }

  /** One WordEnv per state, made on first use (every word of every command asks). */
  private readonly envs = new Map<ShellState, WordEnv>();

  wordEnv(s: ShellState): WordEnv {
    let env = this.envs.get(s);
    if (env === undefined) {
      // The user name only matters for a `~name` word; looking it up reads the passwd database (~0.5 ms).
      env = {
        vars: s.vars,
        get user() {
          return currentUser();
        },
      };
      this.envs.set(s, env);
    }
    return env;
  }

  private effect(cmd: ShellCommand, s: ShellState): ShellState[] {
    if (cmd.name.kind !== "literal") return [s];
    const name = cmd.name.value;
    if (name === "" && cmd.assignments.length > 0) return [assign(s, cmd.assignments.map((a) => [a.name, a.value] as const), this)];
    if (name === "export" || name === "declare" || name === "typeset" || name === "local" || name === "readonly") {
      if (cmd.assignments.length > 0) return [assign(s, cmd.assignments.map((a) => [a.name, a.value] as const), this)];
      const pairs: (readonly [string, Word])[] = [];
      for (const w of cmd.args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w.text);
        if (m) pairs.push([m[1]!, { ...w, text: w.text.slice(m[0].length), value: w.value.slice(m[0].length) }]);
      }
      return pairs.length ? [assign(s, pairs, this)] : [s];
    }
    if (name === "unset") {
      const vars = new Map(s.vars);
      for (const w of cmd.args) if (!w.value.startsWith("-")) vars.set(w.value, undefined);
      return [{ ...s, vars }];
    }
    if (name === "cd") return this.cd(s, cmd.args);
    if (name === "pushd") return this.pushd(s, cmd.args);
    if (name === "popd") return this.popd(s, cmd.args);
    return [s];
  }

  private cd(s: ShellState, words: readonly Word[]): ShellState[] {
    let physicalMode = false;
    let i = 0;
    for (; i < words.length; i++) {
      const v = words[i]!.dynamic ? undefined : words[i]!.value;
      if (v === "--") {
        i++;
        break;
      }
      if (v === undefined || !/^-[LPe@]+$/.test(v)) break;
      if (v.includes("P")) physicalMode = true;
    }
    const rest = words.slice(i);
    if (rest.length === 0) return this.moveTo(s, s.vars.get("HOME"), physicalMode);
    if (rest.length > 1) return [s]; // "too many arguments": cd fails and nothing moves
    const w = rest[0]!;
    if (!w.dynamic && w.value === "-") return s.oldpwd ? [move(s, s.oldpwd)] : [unknownCwd(s)];
    return this.moveTo(s, this.single(w, s), physicalMode);
  }

  private pushd(s: ShellState, words: readonly Word[]): ShellState[] {
    const args = words.filter((w) => w.dynamic || w.value !== "-n");
    if (args.length !== 1) return [unknownCwd(s)]; // no-arg swap or several: we don't know the inherited stack
    const w = args[0]!;
    if (!w.dynamic && /^[+-]\d+$/.test(w.value)) return [unknownCwd(s)];
    return this.moveTo(s, this.single(w, s), false).map((n) => (n === s ? s : { ...n, stack: [...s.stack, s.cwd] }));
  }

  private popd(s: ShellState, words: readonly Word[]): ShellState[] {
    if (words.some((w) => w.dynamic || /^[+-]\d+$/.test(w.value))) return [unknownCwd(s)];
    if (s.stack.length === 0) return [unknownCwd(s)];
    const target = s.stack[s.stack.length - 1];
    const popped = { ...s, stack: s.stack.slice(0, -1) };
    return target ? [move(popped, target)] : [unknownCwd(popped)];
  }

  /** The single path a cd argument names, or undefined. */
  private single(w: Word, s: ShellState): string | undefined {
    const args = expandOne(w, 0, this.wordEnv(s), s.cwd?.physical);
    if (args.length !== 1 || args[0]!.value === undefined || args[0]!.pattern !== undefined) return undefined;
    return args[0]!.value;
  }

  private moveTo(s: ShellState, target: string | undefined, physicalMode: boolean): ShellState[] {
    if (target === undefined || target === "") return [unknownCwd(s)];
    if (!target.startsWith("/") && !s.cwd) return [unknownCwd(s)];
    const base = s.cwd?.logical ?? "/";
    const logical = path.posix.normalize(target.startsWith("/") ? target : `${base}/${target}`);
    const raw = physicalMode ? (target.startsWith("/") ? target : `${s.cwd?.physical ?? "/"}/${target}`) : logical;
    const r = physicalPath(raw, this.links);
    if (r.kind === "unknown") return [unknownCwd(s)];
    const next: Cwd = { logical: physicalMode ? r.path : logical, physical: r.path };
    const moved = move(s, next);
    // A cd into a directory that isn't there fails, and `cd x; rm ../y` then runs in the old cwd.
    const exists = isDirectory(r.path) || [...this.created].some((c) => isInside(c, r.path));
    return exists ? [moved] : [s, moved];
  }
}

/** Builtins whose effect() can change a state (cd, assignments…); for anything else every state maps to itself. */
const SHELL_CHANGERS = new Set(["export", "declare", "typeset", "local", "readonly", "unset", "cd", "pushd", "popd"]);

function mayChangeShell(cmd: ShellCommand): boolean {
  if (cmd.name.kind !== "literal") return false;
  return SHELL_CHANGERS.has(cmd.name.value) || (cmd.name.value === "" && cmd.assignments.length > 0);
}

/** A child shell, for commands without shell ids (built by hand): a subshell-like position, or code run by `sh -c` /
 *  a shell reading stdin. `eval` runs in the current shell (`eval "cd .."` moves the cwd), and exec wrappers (`sudo`,
 *  `env`) cannot run `cd` at all. */
export function inChildShell(cmd: ShellCommand): boolean {
  for (const p of cmd.position) if (CHILD_SHELL.has(p)) return true;
  if (cmd.wrappers) return cmd.wrappers.some((w) => w.kind === "stdin" || w.kind === "each" || (w.kind === "shell" && w.name !== "eval"));
  return cmd.via.some((v) => v !== "eval" && !/^(sudo|doas|env|nice|nohup|time|timeout|command|builtin|exec|stdbuf|ionice|chrt|setsid)\b/.test(v));
}

function move(s: ShellState, to: Cwd): ShellState {
  const vars = new Map(s.vars);
  vars.set("OLDPWD", s.cwd?.logical);
  vars.set("PWD", to.logical);
  return { ...s, cwd: to, oldpwd: s.cwd, vars };
}

function unknownCwd(s: ShellState): ShellState {
  const vars = new Map(s.vars);
  vars.set("OLDPWD", s.cwd?.logical);
  vars.set("PWD", undefined);
  return { ...s, cwd: undefined, oldpwd: s.cwd, vars };
}

const ASSIGNMENT_VALUE = { assignmentValue: true } as const;

function assign(s: ShellState, pairs: readonly (readonly [string, Word])[], t: ShellTracker): ShellState {
  const vars = new Map(s.vars);
  for (const [name, w] of pairs) {
    // Assignments expand `~` after `=` and every `:`, and are not split or globbed.
    const args = expandOne({ ...w, text: w.text === "" ? "''" : w.text }, 0, t.wordEnv({ ...s, vars }), undefined, ASSIGNMENT_VALUE);
    const value = args.length === 1 && args[0]!.value !== undefined ? args[0]!.value : undefined;
    vars.set(name, value);
  }
  return { ...s, vars };
}

function key(s: ShellState): string {
  return JSON.stringify([s.cwd?.physical ?? null, s.cwd?.logical ?? null, s.oldpwd?.logical ?? null, s.stack.map((c) => c?.physical ?? null), [...s.vars.entries()].sort()]);
}

function dedupe(states: readonly ShellState[]): ShellState[] {
  const seen = new Map<string, ShellState>();
  for (const s of states) if (!seen.has(key(s))) seen.set(key(s), s);
  return [...seen.values()];
}

/** The positions inside the innermost subshell-like position: a loop around a `( … )` does not repeat what the
 *  subshell does to itself. */
function innerPositions(position: readonly Position[]): readonly Position[] {
  for (let i = position.length - 1; i >= 0; i--) if (CHILD_SHELL.has(position[i]!)) return position.slice(i + 1);
  return position;
}

function last<T>(xs: readonly T[]): T {
  return xs[xs.length - 1]!;
}

/** Too many possibilities: keep one state that knows nothing about the cwd. */
function cap(states: ShellState[]): ShellState[] {
  if (states.length <= MAX_STATES) return states;
  const first = states[0]!;
  return [{ cwd: undefined, oldpwd: undefined, stack: [], vars: new Map([["HOME", first.vars.get("HOME")]]) }];
}
