// git's global options (`git -C dir -c k=v --no-pager log`): split them from the subcommand so checks see both.
// `-c`/`--config-env` stay visible: a config value can run a program (`core.pager`, `alias.x=!cmd`).
import type { Word } from "./model.js";

export interface GitGlobal {
  readonly name: string;
  readonly value?: Word;
}

export type GitCall =
  | { readonly ok: true; readonly globals: readonly GitGlobal[]; readonly sub?: Word; readonly args: readonly Word[] }
  | { readonly ok: false; readonly reason: string };

const WITH_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--super-prefix", "--exec-path", "--list-cmds", "--attr-source"]);
const FLAGS = new Set([
  "--no-pager", "-P", "-p", "--paginate", "--bare", "--no-replace-objects", "--literal-pathspecs", "--glob-pathspecs",
  "--noglob-pathspecs", "--icase-pathspecs", "--no-optional-locks", "--no-lazy-fetch", "--no-advice", "--html-path",
  "--man-path", "--info-path", "--version", "--help", "-v", "-h",
]);
/** Options that take a value only in the `--opt=value` form. */
const OPTIONAL_VALUE = new Set(["--exec-path"]);

/** Split `git` argv[1..] into global options, the subcommand and its arguments. */
export function splitGit(args: readonly Word[]): GitCall {
  const globals: GitGlobal[] = [];
  let i = 0;
  while (i < args.length) {
    const w = args[i]!;
    if (w.dynamic) return { ok: false, reason: `git is given \`${w.text}\` before its subcommand, which is only known at run time` };
    const a = w.value;
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    if (a.startsWith("--") && eq > 0 && (WITH_VALUE.has(name) || OPTIONAL_VALUE.has(name))) {
      globals.push({ name, value: { value: a.slice(eq + 1), text: w.text, dynamic: false } });
      i++;
      continue;
    }
    if (OPTIONAL_VALUE.has(name)) {
      globals.push({ name });
      i++;
      continue;
    }
    if (WITH_VALUE.has(name)) {
      const v = args[i + 1];
      if (!v) return { ok: false, reason: `git ${name} has no value` };
      globals.push({ name, value: v });
      i += 2;
      continue;
    }
    // `-c` glued to its value is not git syntax, but `-Cdir` is not either: anything else is unknown.
    if (FLAGS.has(name)) {
      globals.push({ name });
      i++;
      continue;
    }
    return { ok: false, reason: `hookwarden does not know the git option \`${a}\`` };
  }
  const sub = args[i];
  return sub ? { ok: true, globals, sub, args: args.slice(i + 1) } : { ok: true, globals, args: [] };
}
