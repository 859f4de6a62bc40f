// What one command of a Bash call does with paths, gathered before any check: write targets, arguments not read,
// trees read, code to scan, links and directories made. Filled by shell-paths.programs.ts, checked by shell-paths.ts.
import type { Arg } from "../paths/argv.js";
import type { RuleId } from "../types.js";

/** A place a command writes. `path` (relative to the cwd) when it is not an argument itself (`tar x` → the cwd);
 *  `outside` when it is a location we know is outside without resolving it (`npm i -g`). `tree`: the whole tree at
 *  the path is deleted, moved or re-moded wholesale (`rm -r`, `mv`, `chmod -R`), so protected files below it count;
 *  writes *into* a directory (`tar x -C`, `cp … dir/`, `find -delete` with filters) check the directory's scope only. */
export interface Target {
  readonly arg?: Arg;
  readonly path?: string;
  readonly outside?: string;
  readonly verb: string;
  readonly ruleId: RuleId;
  readonly followsLink: boolean;
  /** The whole tree below is affected (`rm -r`, `mv dir`, `chmod -R`): protected paths inside count. */
  readonly tree: boolean;
}

/** A set of arguments, by identity, that allocates nothing until the first one is added (most commands add none). */
export class ArgSet {
  private set: Set<Arg> | undefined;

  add(a: Arg): this {
    (this.set ??= new Set()).add(a);
    return this;
  }

  has(a: Arg): boolean {
    return this.set !== undefined && this.set.has(a);
  }

  clear(): void {
    this.set = undefined;
  }
}

/** What one command does with paths, before checking. */
export interface Effects {
  targets: Target[];
  /** Arguments that are not read (write targets, patterns, options whose value is used, not shown). */
  notRead: ArgSet;
  /** Arguments read as whole trees (`tar c DIR`, `cp -r DIR`). */
  treeReads: ArgSet;
  /** Program text to scan for credential paths (`python -c …`). */
  code: string[];
  /** Why a target can't be known (`cp a $X`): ask. */
  unknown: string[];
  /** Symlinks this command creates: link path (relative) → target text. */
  links: { link: Arg | string; target: string }[];
  /** Directories this command creates (for later `cd`). */
  creates: Arg[];
}

/** One Effects for every command: run() empties it first, and nothing keeps it or its lists after run() returns (a
 *  long command would otherwise make seven objects per simple command just to hold, mostly, nothing). */
const EFFECTS: Effects = { targets: [], notRead: new ArgSet(), treeReads: new ArgSet(), code: [], unknown: [], links: [], creates: [] };

export function freshEffects(): Effects {
  EFFECTS.targets.length = 0;
  EFFECTS.notRead.clear();
  EFFECTS.treeReads.clear();
  EFFECTS.code.length = 0;
  EFFECTS.unknown.length = 0;
  EFFECTS.links.length = 0;
  EFFECTS.creates.length = 0;
  return EFFECTS;
}
