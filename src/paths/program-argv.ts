// How the argv of a few programs with their own grammar reads — tar's old-style letter clusters, find's roots and
// expression, perl's switch clusters, git's global options, sed's `w` commands — as plain data. Grammar only: what is
// a write or a read, and whether that is allowed, is decided in src/checks/shell-paths.ts.
import path from "node:path";
import { GNU_LONG_OPTIONS } from "../shell/program-options.js";
import { hasOption, optionValues, parseArgs, type Arg } from "./argv.js";

// ── tar ──────────────────────────────────────────────────────────────────────────────────────────────────────────

const TAR_SHORT_VALUE = "fCTXbKNgLVHFI";
export interface TarArgv {
  readonly extract: boolean;
  /** -c, -r, -u, -A, --delete: the archive is written. */
  readonly create: boolean;
  readonly archives: readonly Arg[];
  /** The -C directory, chained (`-C a -C b` is a/b); undefined when none. The chained value may be unknown. */
  readonly dir?: Arg;
  readonly dirArgs: readonly Arg[];
  readonly members: readonly Arg[];
  /** -P: members may carry absolute paths and `..`. */
  readonly absoluteNames: boolean;
  /** -O / --to-command: extraction goes to stdout or a program, not to files. */
  readonly toStdout: boolean;
  /** Long options that name no GNU tar option or several (bsdtar's `--cd DIR`): what tar does is unknown. */
  readonly unknownOptions: readonly Arg[];
}

export function readTarArgv(all: readonly Arg[]): TarArgv {
  // Old style: `tar czf out.tgz dir` — the first word is a cluster of letters without a dash, whose value-taking
  // letters take the following words in order.
  let args = [...all];
  const first = args[0];
  if (first?.value !== undefined && /^[A-Za-z]+$/.test(first.value)) {
    const expanded: Arg[] = [];
    let next = 1;
    for (const ch of first.value) {
      expanded.push({ ...first, value: `-${ch}` });
      if (TAR_SHORT_VALUE.includes(ch) && args[next]) expanded.push(args[next++]!);
    }
    args = [...expanded, ...args.slice(next)];
  }
  // GNU tar's long options, whole: `--backup`, `--one-top-level` take only `=VALUE`; bsdtar's own (`--cd`) read as
  // unknown, and the check asks.
  const p = parseArgs(args, { shortValue: TAR_SHORT_VALUE, long: GNU_LONG_OPTIONS.tar });
  const dirArgs = optionValues(p, ["-C", "--directory"]);
  let dir: Arg | undefined;
  for (const d of dirArgs) {
    if (d.value === undefined || dir?.value === undefined) dir = d;
    else dir = { ...d, value: d.value.startsWith("/") ? d.value : path.posix.join(dir.value, d.value) };
  }
  return {
    extract: hasOption(p, ["-x", "--extract", "--get"]),
    create: hasOption(p, ["-c", "--create", "-r", "--append", "-u", "--update", "-A", "--catenate", "--concatenate", "--delete"]),
    archives: optionValues(p, ["-f", "--file"]),
    ...(dir ? { dir } : {}),
    dirArgs,
    members: p.operands,
    absoluteNames: hasOption(p, ["-P", "--absolute-names"]),
    toStdout: hasOption(p, ["-O", "--to-stdout", "--to-command"]),
    unknownOptions: p.unresolved,
  };
}

// ── find ─────────────────────────────────────────────────────────────────────────────────────────────────────────

const FIND_FILE_ACTIONS = new Set(["-fprint", "-fprint0", "-fls", "-fprintf"]);
const FIND_EXEC = new Set(["-exec", "-execdir", "-ok", "-okdir"]);
const FIND_NAME_TESTS = new Set(["-name", "-iname"]);

export interface FindArgv {
  /** The starting points (empty: the cwd). */
  readonly roots: readonly Arg[];
  readonly deletes: boolean;
  /** Files named by -fprint / -fprint0 / -fls / -fprintf. */
  readonly outputFiles: readonly Arg[];
  /** Program names run by -exec / -execdir / -ok / -okdir. */
  readonly execPrograms: readonly string[];
  /** -name / -iname patterns: the listed names pass at least one of them (a simplification: `-o` is ignored). */
  readonly namePatterns: readonly string[];
}

export function readFindArgv(all: readonly Arg[]): FindArgv {
  let i = 0;
  while (i < all.length && all[i]!.value !== undefined && /^-([HLP]|D|O\d*)$/.test(all[i]!.value!)) i += all[i]!.value === "-D" ? 2 : 1;
  const roots: Arg[] = [];
  for (; i < all.length; i++) {
    const v = all[i]!.value;
    if (v !== undefined && ((v.startsWith("-") && v.length > 1) || v === "(" || v === "!" || v === ",")) break;
    roots.push(all[i]!);
  }
  let deletes = false;
  const outputFiles: Arg[] = [];
  const execPrograms: string[] = [];
  const namePatterns: string[] = [];
  for (; i < all.length; i++) {
    const v = all[i]!.value;
    if (v === undefined) continue;
    const next = all[i + 1];
    if (v === "-delete") deletes = true;
    else if (FIND_FILE_ACTIONS.has(v) && next) {
      outputFiles.push(next);
      i++;
    } else if (FIND_EXEC.has(v) && next?.value !== undefined) execPrograms.push(path.posix.basename(next.value));
    else if (FIND_NAME_TESTS.has(v) && next?.value !== undefined) {
      namePatterns.push(next.value);
      i++;
    }
  }
  return { roots, deletes, outputFiles, execPrograms, namePatterns };
}

// ── perl ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PerlArgv {
  readonly inPlace: boolean;
  /** -e / -E program texts. */
  readonly code: readonly Arg[];
  /** Files the program reads (and with -i, rewrites). */
  readonly files: readonly Arg[];
}

/** Perl switches cluster (`-pi.bak -e`, `-lne`): `-i` takes the rest of its cluster as a backup suffix, `-e`/`-E`
 *  take the next word, and a few switches (`-M`, `-I`, `-x`, `-l`, `-0`…) take the rest of the cluster. */
export function readPerlArgv(all: readonly Arg[]): PerlArgv {
  let inPlace = false;
  const code: Arg[] = [];
  const operands: Arg[] = [];
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    const v = a.value;
    if (v === "--" && operands.length === 0) continue;
    if (v === undefined || !v.startsWith("-") || v === "-" || operands.length > 0) {
      operands.push(a);
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const ch = v[k]!;
      if (ch === "i") {
        inPlace = true;
        break;
      }
      if (ch === "e" || ch === "E") {
        if (k === v.length - 1 && all[i + 1]) code.push(all[++i]!);
        break;
      }
      if ("MmIxlC0dD".includes(ch)) break;
    }
  }
  return { inPlace, code, files: code.length > 0 ? operands : operands.slice(1) };
}

// ── git ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface GitArgv {
  /** The -C directories, chained into one (`-C a -C b` is a/b); undefined when none. */
  readonly dir?: Arg;
  /** --git-dir / --work-tree values: written by any writing subcommand. */
  readonly repoPaths: readonly Arg[];
  /** Global option words (not paths). */
  readonly optionWords: readonly Arg[];
  readonly sub?: Arg;
  readonly rest: readonly Arg[];
  /** A global option we cannot read (a dynamic word before the subcommand). */
  readonly unknown?: Arg;
}

/** `--exec-path` takes a value only as `--exec-path=DIR` (alone it prints the path): not here. */
const GIT_VALUE_OPTIONS = new Set(["-c", "--config-env", "--namespace", "--super-prefix", "--attr-source"]);

/** `a` relative to `base` (both possibly unknown). */
export function under(base: Arg | undefined, a: Arg): Arg {
  if (!base) return a;
  if (base.value === undefined) return base;
  if (a.value === undefined || a.value.startsWith("/")) return a;
  return { ...a, value: path.posix.join(base.value, a.value) };
}

export function readGitArgv(all: readonly Arg[]): GitArgv {
  let dir: Arg | undefined;
  const repoPaths: Arg[] = [];
  const optionWords: Arg[] = [];
  let i = 0;
  for (; i < all.length; i++) {
    const a = all[i]!;
    const v = a.value;
    if (v === undefined) return { ...(dir ? { dir } : {}), repoPaths, optionWords, rest: [], unknown: a };
    if (!v.startsWith("-")) break;
    optionWords.push(a);
    const next = all[i + 1];
    if (v === "-C" && next) {
      dir = dir ? under(dir, next) : next;
      optionWords.push(next);
      i++;
    } else if (GIT_VALUE_OPTIONS.has(v) && next) {
      optionWords.push(next);
      i++;
    } else if ((v === "--git-dir" || v === "--work-tree") && next) {
      optionWords.push(next);
      repoPaths.push(next);
      i++;
    } else if (v.startsWith("--git-dir=") || v.startsWith("--work-tree=")) {
      repoPaths.push({ ...a, value: v.slice(v.indexOf("=") + 1) });
    }
  }
  const sub = all[i];
  return { ...(dir ? { dir } : {}), repoPaths, optionWords, ...(sub ? { sub } : {}), rest: all.slice(i + 1) };
}

// ── sed ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Files named by sed `w FILE` commands and `s///w FILE` flags (each writes that file). A small scanner over the
 *  script: addresses, `{}` groups, `s`/`y` with any delimiter, and the commands whose argument runs to the end of
 *  the line (`w`, `r`, `a`, `i`, `c`, `e`, `#`), where a `;` is part of the file name. */
export function sedWriteFiles(script: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = script.length;
  const restOfLine = (): string => {
    const end = script.indexOf("\n", i);
    const text = script.slice(i, end < 0 ? n : end);
    i = end < 0 ? n : end + 1;
    return text.trim();
  };
  const skipRegex = (delim: string): void => {
    while (i < n && script[i] !== delim) i += script[i] === "\\" ? 2 : 1;
    i++;
  };
  while (i < n) {
    const c = script[i]!;
    if (/[\s;{}!]/.test(c)) {
      i++;
      continue;
    }
    // address: a number, `$`, `/re/`, `\cREc`, optionally `,addr` or `~step`
    const skipAddress = (): void => {
      if (/[0-9$]/.test(script[i] ?? "")) while (i < n && /[0-9$~+]/.test(script[i]!)) i++;
      else if (script[i] === "/") {
        i++;
        skipRegex("/");
        while (/[IM]/.test(script[i] ?? "")) i++;
      } else if (script[i] === "\\" && i + 1 < n) {
        const d = script[i + 1]!;
        i += 2;
        skipRegex(d);
      }
    };
    skipAddress();
    if (script[i] === ",") {
      i++;
      skipAddress();
    }
    while (i < n && /[\s!]/.test(script[i]!)) i++;
    const cmd = script[i];
    if (cmd === undefined) break;
    i++;
    if (cmd === "w" || cmd === "W") {
      const file = restOfLine();
      if (file) out.push(file);
    } else if ("raicRe#:bTtvlqQL".includes(cmd)) {
      if ("raicRe#".includes(cmd)) restOfLine();
      else while (i < n && !/[;\n}]/.test(script[i]!)) i++;
    } else if (cmd === "s" || cmd === "y") {
      const d = script[i];
      if (d === undefined) break;
      i++;
      skipRegex(d);
      skipRegex(d);
      if (cmd === "s") {
        while (i < n && /[gpiImMe0-9]/.test(script[i]!)) i++;
        if (script[i] === "w") {
          i++;
          const file = restOfLine();
          if (file) out.push(file);
        }
      }
    }
  }
  return out.filter((f) => f !== "/dev/stdout" && f !== "/dev/stderr");
}
