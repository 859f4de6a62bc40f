// Per-program path effects for the shell-paths check: from a program's rule (shell-paths.rules.ts) and its parsed
// arguments, which files it writes, deletes, creates or reads as trees — tar, find, git, package managers, interpreters
// and the generic operand/destination shapes. The checks that judge those effects are in shell-paths.ts.
import path from "node:path";
import { hasOption, optionValues, parseArgs, type Arg, type ParsedArgs } from "../paths/argv.js";
import { readFindArgv, readGitArgv, readPerlArgv, readTarArgv, sedWriteFiles, under } from "../paths/program-argv.js";
import { awkWriteFiles } from "../paths/awk-program.js";
import { globCouldMatch } from "../paths/fs-glob.js";
import { PROTECTED_NAMES } from "../paths/protected.js";
import { isDirectory } from "../paths/resolve.js";
import { GNU_LONG_OPTIONS } from "../shell/program-options.js";
import { GIT_READ_ONLY, GIT_SHOWS_CONTENT, GLOBAL_INSTALL, PATTERN_FIRST, WRITE_RULES, type HandlerName, type LazyWriteRule, type ProgramPathRule } from "./shell-paths.rules.js";
import type { Effects, Target } from "./shell-paths.effects.js";
import type { Evaluation } from "./shell-paths.js";

/** Program name → its write rules. */
const ENTRIES_BY_PROGRAM = new Map<string, LazyWriteRule[]>();
for (const entry of WRITE_RULES) for (const p of entry.programs) ENTRIES_BY_PROGRAM.set(p, [...(ENTRIES_BY_PROGRAM.get(p) ?? []), entry]);
const BUILT = new Map<string, readonly ProgramPathRule[]>();
/** The write rules of a program, each built on the program's first lookup. */
export const RULES_BY_PROGRAM = {
  has: (program: string): boolean => ENTRIES_BY_PROGRAM.has(program),
  get(program: string): readonly ProgramPathRule[] | undefined {
    let rules = BUILT.get(program);
    if (rules === undefined) {
      const entries = ENTRIES_BY_PROGRAM.get(program);
      if (entries === undefined) return undefined;
      BUILT.set(program, (rules = entries.map((e) => e.rule())));
    }
    return rules;
  },
};

export function extract(rule: ProgramPathRule, program: string, p: ParsedArgs, all: readonly Arg[], fx: Effects, ev: Evaluation): void {
  const recursive = rule.recursive !== undefined && hasOption(p, rule.recursive);
  const t = (arg: Arg, extra: Partial<Target> = {}): Target => ({ arg, verb: rule.verb, ruleId: rule.id, followsLink: rule.followsLink, tree: recursive || rule.wholeTree === true, ...extra });
  const shape = rule.targets;
  if (rule.readsOperands === false) for (const a of p.operands) fx.notRead.add(a);
  switch (shape.shape) {
    case "operands": {
      const files = skipLeading(shape.skip, p, all);
      noteUnknown(p, fx, ev);
      for (const a of files) {
        fx.notRead.add(a);
        fx.targets.push(t(a));
        if (rule.id === "writes.create" || rule.id === "writes.install-dirs") fx.creates.push(a);
      }
      return;
    }
    case "destination":
      return destination(rule, shape.sources, shape.remote === true, p, fx, ev, t, recursive);
    case "options": {
      for (const v of optionValues(p, shape.options)) {
        fx.notRead.add(v);
        fx.targets.push(t(v));
      }
      for (const v of optionValues(p, shape.dirOptions ?? [])) {
        fx.notRead.add(v);
        fx.targets.push(t(v, { tree: false }));
      }
      return;
    }
    case "operand": {
      const a = p.operands[shape.index];
      if (a === undefined) return;
      noteUnknown(p, fx, ev);
      fx.notRead.add(a);
      fx.targets.push(t(a));
      return;
    }
    case "keywords": {
      for (const a of p.operands) {
        const m = a.value !== undefined ? /^([a-z]+)=(.*)$/.exec(a.value) : null;
        if (a.value === undefined) {
          if (!(a.input && ev.inputsChecked)) fx.unknown.push(`the argument ${a.text} is not known before the command runs`);
          continue;
        }
        if (m && shape.keys.includes(m[1]!)) {
          fx.notRead.add(a);
          fx.targets.push(t({ ...a, value: m[2]! }));
        }
      }
      return;
    }
    case "handler":
      return HANDLERS[shape.handler](rule, program, p, all, fx, ev, t);
    default: {
      const never: never = shape;
      throw new Error(`unhandled target shape ${JSON.stringify(never)}`);
    }
  }
}

/** The first argument that is not known before the command runs makes its targets unknown. `{}` of `find -exec` does
 *  not count: find's own handler checks the roots it stands for. */
function noteUnknown(p: ParsedArgs, fx: Effects, ev: Evaluation): void {
  const a = p.unknown.find((u) => !(u.input && ev.inputsChecked));
  if (a) fx.unknown.push(`the argument ${a.text} is not known before the command runs`);
}

function isDirArg(a: Arg, ev: Evaluation): boolean {
  if (a.value === undefined) return false;
  const r = ev.resolveArg(a.value);
  return r.kind === "path" && isDirectory(r.path);
}

const CHMOD_FLAG = /^(-[RcfvHLP]+|--(recursive|changes|silent|quiet|verbose|no-preserve-root|preserve-root|dereference|no-dereference|reference=.*|from=.*))$/;

/** Operands after chmod's MODE / chown's OWNER. chmod accepts modes that look like options (`chmod -x f`); long
 *  options are as parsed (`--recur` is `--recursive`, `--from X` takes X). */
function skipLeading(skip: "mode" | "owner" | undefined, p: ParsedArgs, all: readonly Arg[]): readonly Arg[] {
  if (skip === undefined) return p.operands;
  if (hasOption(p, ["--reference"])) return p.operands;
  const longWords = new Set<Arg>();
  for (const o of p.options) {
    if (!o.name.startsWith("--")) continue;
    longWords.add(o.arg);
    if (o.value !== undefined && o.inline === undefined) longWords.add(o.value);
  }
  const files: Arg[] = [];
  let skipped = false;
  let dashdash = false;
  for (const a of all) {
    if (!dashdash && a.value === "--") {
      dashdash = true;
      continue;
    }
    if (!dashdash && (longWords.has(a) || (a.value !== undefined && CHMOD_FLAG.test(a.value)))) continue;
    if (!skipped) {
      skipped = true;
      continue;
    }
    files.push(a);
  }
  return files;
}

function destination(
  rule: ProgramPathRule, sources: "read" | "moved" | "linked", remote: boolean, p: ParsedArgs, fx: Effects, ev: Evaluation,
  t: (a: Arg, extra?: Partial<Target>) => Target, recursive: boolean,
): void {
  const isRemote = (a: Arg) => remote && a.value !== undefined && (/^[^/]*:/.test(a.value) && !a.value.startsWith("./"));
  const targetDir = optionValues(p, ["-t", "--target-directory"]);
  const noTargetDir = hasOption(p, ["-T", "--no-target-directory"]);
  let operands = [...p.operands];
  let dest: Arg | undefined;
  let intoDir = false;
  if (targetDir.length > 0) {
    dest = targetDir[targetDir.length - 1]!;
    intoDir = true;
  } else if (operands.length >= 2) {
    dest = operands.pop()!;
  } else if (sources === "linked" && operands.length === 1) {
    // `ln -s TARGET`: the link is created in the cwd under TARGET's name.
    const only = operands[0]!;
    if (only.value !== undefined) dest = { ...only, value: path.posix.basename(only.value), text: path.posix.basename(only.value) };
    intoDir = false;
  } else return;
  noteUnknown(p, fx, ev);
  if (!dest) return;
  fx.notRead.add(dest);
  const symbolic = hasOption(p, ["-s", "--symbolic"]);
  if (!isRemote(dest)) {
    const destValue = dest.value;
    const destIsDir = !noTargetDir && destValue !== undefined && (intoDir || destValue.endsWith("/") || isDirArg(dest, ev));
    fx.targets.push(t(dest, { tree: false }));
    if (destIsDir && destValue !== undefined) {
      for (const s of operands) {
        if (s.value === undefined || isRemote(s)) continue;
        const name = path.posix.basename(s.value.replace(/\/+$/, ""));
        if (name === "" || name === "." || name === "..") continue;
        const inner = { ...dest, value: path.posix.join(destValue, name), text: `${dest.text.replace(/\/+$/, "")}/${name}` };
        fx.targets.push(t(inner, { tree: false }));
        if (sources === "linked" && symbolic) fx.links.push({ link: inner, target: s.value });
      }
    } else if (sources === "linked" && symbolic && operands[0]?.value !== undefined) {
      fx.links.push({ link: dest, target: operands[0].value });
    }
  }
  for (const s of operands) {
    if (isRemote(s)) {
      fx.notRead.add(s);
      continue;
    }
    if (sources === "moved") {
      fx.notRead.add(s);
      fx.targets.push(t(s, { tree: true, verb: "move" }));
    } else if (sources === "linked") {
      fx.notRead.add(s);
      // A hard link to a file outside lets later writes to the link change that file.
      if (!symbolic) fx.targets.push(t(s, { verb: "hard-link (and so let later writes change)", followsLink: true }));
    } else if (recursive) fx.treeReads.add(s);
  }
}

type Handler = (rule: ProgramPathRule, program: string, p: ParsedArgs, all: readonly Arg[], fx: Effects, ev: Evaluation, t: (a: Arg, extra?: Partial<Target>) => Target) => void;

const cwdTarget = (rule: ProgramPathRule, verb: string, dir = "."): Target => ({ path: dir, verb, ruleId: rule.id, followsLink: true, tree: false });

const HANDLERS: Readonly<Record<HandlerName, Handler>> = {
  "in-place-editor": (rule, program, _p, all, fx, ev, t) => {
    if (program === "perl") return perlInPlace(all, fx, t);
    const spec = PATTERN_FIRST[program === "gsed" ? "sed" : program] ?? (program.endsWith("awk") ? PATTERN_FIRST.awk! : PATTERN_FIRST.sed!);
    const p = parseArgs(all, { shortValue: spec.shortValue + (program.endsWith("awk") ? "i" : ""), longValue: [...spec.longValue], long: GNU_LONG_OPTIONS[program] });
    const scriptOptions = spec.patternOptions;
    const scripts: Arg[] = optionValues(p, scriptOptions.filter((o) => o !== "-f" && o !== "--file"));
    const operands = [...p.operands];
    if (!hasOption(p, scriptOptions) && operands.length > 0) scripts.push(operands.shift()!);
    const inPlace = program.endsWith("awk")
      ? p.options.some((o) => (o.name === "-i" || o.name === "--include") && o.value?.value === "inplace")
      : hasOption(p, ["-i", "--in-place"]);
    if (program.endsWith("awk")) fx.code.push(...scripts.map((s) => s.value ?? ""));
    if (inPlace) {
      noteUnknown(p, fx, ev);
      for (const a of operands) {
        fx.notRead.add(a);
        fx.targets.push(t(a));
      }
    }
    // sed's `w FILE` commands, awk's `print > "FILE"` redirections.
    const writeFiles = program.endsWith("awk") ? awkWriteFiles : sedWriteFiles;
    for (const s of scripts) {
      if (s.value === undefined) continue;
      for (const file of writeFiles(s.value)) fx.targets.push(t({ ...s, value: file, text: file }, { followsLink: true }));
    }
    void rule;
  },
  archive: (rule, _program, _p, all, fx, ev, t) => tarEffects(rule, all, fx, ev, t),
  unzip: (rule, _program, _p, all, fx, _ev, t) => {
    const p = parseArgs(all, { shortValue: "dP" });
    if (hasOption(p, ["-l", "-t", "-v", "-p", "-z", "-Z"])) return;
    const dirs = optionValues(p, ["-d"]);
    for (const a of p.operands.slice(1)) fx.notRead.add(a); // member names inside the archive
    if (dirs.length > 0) {
      for (const d of dirs) {
        fx.notRead.add(d);
        fx.targets.push(t(d, { tree: false }));
      }
    } else fx.targets.push(cwdTarget(rule, "extract into"));
  },
  zip: (_rule, _program, _p, all, fx, _ev, t) => {
    const p = parseArgs(all, { shortValue: "bntOP" });
    const archive = p.operands[0];
    const recursive = hasOption(p, ["-r", "-R", "--recurse-paths"]);
    for (const o of optionValues(p, ["-O"])) {
      fx.notRead.add(o);
      fx.targets.push(t(o));
    }
    if (archive && archive.value !== "-") {
      fx.notRead.add(archive);
      fx.targets.push(t(archive, { tree: false }));
    }
    if (recursive) for (const a of p.operands.slice(1)) fx.treeReads.add(a);
  },
  compressor: (_rule, program, _p, all, fx, ev, t) => {
    const p = parseArgs(all, { shortValue: "oSbL", longValue: ["suffix", "output"], long: GNU_LONG_OPTIONS[program] });
    for (const o of optionValues(p, ["-o", "--output"])) {
      fx.notRead.add(o);
      fx.targets.push(t(o));
    }
    if (hasOption(p, ["-c", "--stdout", "--to-stdout", "-t", "--test", "-l", "--list"])) return;
    if (optionValues(p, ["-o", "--output"]).length > 0) return;
    noteUnknown(p, fx, ev);
    for (const a of p.operands) {
      fx.notRead.add(a);
      fx.targets.push(t(a));
    }
  },
  patch: (rule, _program, _p, all, fx, _ev, t) => {
    const p = parseArgs(all, { shortValue: "pdiBoYrzFDVgx", long: GNU_LONG_OPTIONS.patch });
    if (hasOption(p, ["--dry-run", "-C", "--check"])) return;
    const dirs = optionValues(p, ["-d", "--directory"]);
    const dir = dirs.length > 0 ? dirs[dirs.length - 1]! : undefined;
    const within = (a: Arg): Arg => under(dir, a);
    for (const o of [...optionValues(p, ["-o", "--output", "-r", "--reject-file"])]) {
      fx.notRead.add(o);
      if (o.value !== "-") fx.targets.push(t(within(o)));
    }
    const original = p.operands[0];
    if (original && optionValues(p, ["-o", "--output"]).length === 0) {
      fx.notRead.add(original);
      fx.targets.push(t(within(original)));
    } else if (!original) {
      if (dir) {
        fx.notRead.add(dir);
        fx.targets.push(t(dir, { tree: false, verb: "patch files under" }));
      } else fx.targets.push(cwdTarget(rule, "patch files under"));
    }
  },
  split: (rule, program, _p, all, fx, _ev, t) => {
    if (program === "csplit") {
      const p = parseArgs(all, { shortValue: "fbn", long: GNU_LONG_OPTIONS.csplit });
      const prefixes = optionValues(p, ["-f", "--prefix"]);
      const prefix = prefixes[prefixes.length - 1];
      if (prefix) {
        fx.notRead.add(prefix);
        if (prefix.value !== undefined) fx.targets.push(t({ ...prefix, value: `${prefix.value}00` }));
        else fx.targets.push(t(prefix));
      } else fx.targets.push({ ...cwdTarget(rule, "write pieces to", "xx00"), tree: false });
      for (const a of p.operands.slice(1)) fx.notRead.add(a); // patterns
      return;
    }
    const p = parseArgs(all, { shortValue: "abClnt", long: GNU_LONG_OPTIONS.split });
    const prefix = p.operands[1];
    if (prefix) {
      fx.notRead.add(prefix);
      if (prefix.value !== undefined) fx.targets.push(t({ ...prefix, value: `${prefix.value}aa` }));
      else fx.targets.push(t(prefix));
    } else fx.targets.push({ ...cwdTarget(rule, "write pieces to", "xaa"), tree: false });
  },
  find: (rule, _program, _p, all, fx, _ev, t) => findEffects(rule, all, fx, t),
  git: (rule, _program, _p, all, fx, ev, t) => gitEffects(rule, all, fx, ev, t),
  "package-manager": (rule, program, _p, all, fx, ev, t) => packageEffects(rule, program, all, fx, ev, t),
  downloader: (rule, program, p, _all, fx, _ev, t) => {
    const files = program === "curl"
      ? ["-o", "--output", "-D", "--dump-header", "-c", "--cookie-jar", "--trace", "--trace-ascii", "--stderr", "--libcurl", "--etag-save"]
      : ["-O", "--output-document", "-o", "--output-file", "-a", "--append-output"];
    let named = false;
    for (const v of optionValues(p, files)) {
      fx.notRead.add(v);
      if (v.value === "-") continue;
      named = true;
      fx.targets.push(t(v));
    }
    const dirs = optionValues(p, program === "curl" ? ["--output-dir"] : ["-P", "--directory-prefix"]);
    for (const d of dirs) {
      fx.notRead.add(d);
      fx.targets.push(t(d, { tree: false }));
    }
    const remoteName = program === "curl" ? hasOption(p, ["-O", "--remote-name", "--remote-name-all"]) : !named && optionValues(p, ["-O", "--output-document"]).length === 0;
    if (remoteName && dirs.length === 0) fx.targets.push({ ...cwdTarget(rule, "download into"), tree: false });
  },
  crontab: (_rule, _program, _p, all, fx, _ev, t) => {
    const p = parseArgs(all, { shortValue: "u" });
    if (hasOption(p, ["-l"]) && p.operands.length === 0) return;
    for (const a of p.operands) fx.notRead.add(a);
    fx.targets.push({ outside: "your crontab (the system's cron spool)", verb: "replace", ruleId: "writes.crontab", followsLink: true, tree: false });
    void t;
  },
  mktemp: (rule, _program, p, _all, fx, ev, t) => {
    const dirs = optionValues(p, ["-p", "--tmpdir"]);
    const template = p.operands[0];
    if (template) fx.notRead.add(template);
    if (dirs.length > 0) {
      // The template may hold slashes: `mktemp -p DIR ../x.XXXX` creates DIR/../x.XXXX.
      for (const d of dirs) {
        fx.notRead.add(d);
        fx.targets.push(template ? t(under(d, template)) : t(d, { tree: false }));
      }
    } else if (hasOption(p, ["--tmpdir"]) && template) {
      // A bare `--tmpdir` (its DIR only ever as `--tmpdir=DIR`): the template is under $TMPDIR.
      fx.targets.push(t(under({ word: -1, text: ev.tmpDir, value: ev.tmpDir }, template)));
    } else if (template && !hasOption(p, ["-t"])) {
      fx.targets.push(t(template));
    } else fx.targets.push({ ...cwdTarget(rule, "create a file in", ev.tmpDir), tree: false });
  },
};

function perlInPlace(all: readonly Arg[], fx: Effects, t: (a: Arg, extra?: Partial<Target>) => Target): void {
  const perl = readPerlArgv(all);
  for (const c of perl.code) {
    fx.code.push(c.value ?? "");
    fx.notRead.add(c);
  }
  if (!perl.inPlace) return;
  for (const a of perl.files) {
    fx.notRead.add(a);
    fx.targets.push(t(a));
  }
}

function tarEffects(rule: ProgramPathRule, all: readonly Arg[], fx: Effects, ev: Evaluation, t: (a: Arg, extra?: Partial<Target>) => Target): void {
  const tar = readTarArgv(all);
  if (tar.unknownOptions.length > 0) fx.unknown.push(`\`${tar.unknownOptions[0]!.text}\` names no tar option, or several`);
  for (const d of tar.dirArgs) fx.notRead.add(d);
  if (tar.extract) {
    for (const a of tar.members) fx.notRead.add(a); // names inside the archive
    if (tar.toStdout) return;
    if (tar.absoluteNames) {
      fx.unknown.push("--absolute-names lets archive members land anywhere");
      return;
    }
    fx.targets.push(tar.dir ? t(tar.dir, { tree: false, verb: "extract into" }) : cwdTarget(rule, "extract into"));
    return;
  }
  if (!tar.create) return;
  for (const a of tar.archives) {
    fx.notRead.add(a);
    if (a.value !== "-" && !(a.value !== undefined && /^[^/]+:/.test(a.value))) fx.targets.push(t(a, { tree: false }));
  }
  // Members are read from the -C directory, as whole trees.
  for (const a of tar.members) {
    if (a.value !== undefined && tar.dir?.value !== undefined && !a.value.startsWith("/")) {
      fx.notRead.add(a);
      ev.readArg(under(tar.dir, a), "archive", true, "tar");
    } else fx.treeReads.add(a);
  }
}

function findEffects(rule: ProgramPathRule, all: readonly Arg[], fx: Effects, t: (a: Arg, extra?: Partial<Target>) => Target): void {
  const find = readFindArgv(all);
  for (const f of find.outputFiles) fx.targets.push(t(f, { followsLink: true, tree: false, verb: "write the list to" }));
  let writes = find.deletes ? "delete files under" : undefined;
  // Whether the files found are changed themselves (`-delete`, `-exec rm|chmod|sed -i {}`), not only copied or linked.
  let changesFound = find.deletes;
  for (const inner of find.execPrograms) {
    const innerRules = RULES_BY_PROGRAM.get(inner)?.filter((r) => r.id !== "writes.find" && r.id !== "writes.download");
    if (innerRules && innerRules.length > 0) writes ??= `${innerRules[0]!.verb} files under`;
    if (innerRules?.some((r) => r.targets.shape !== "destination" || r.targets.sources === "moved")) changesFound = true;
  }
  if (writes === undefined) return;
  // Protected files below the roots count unless a -name filter keeps every protected name out (`-name '*.tmp'`;
  // lower-cased for -iname).
  const tree = changesFound && (find.namePatterns.length === 0 || find.namePatterns.some((g) => PROTECTED_NAMES.some((n) => globCouldMatch(g.toLowerCase(), n))));
  if (find.roots.length === 0) fx.targets.push({ ...cwdTarget(rule, writes), tree });
  for (const r of find.roots) fx.targets.push(t(r, { tree, verb: writes }));
}

function gitEffects(rule: ProgramPathRule, all: readonly Arg[], fx: Effects, ev: Evaluation, t: (a: Arg, extra?: Partial<Target>) => Target): void {
  const git = readGitArgv(all);
  for (const w of git.optionWords) fx.notRead.add(w);
  if (git.unknown) {
    fx.unknown.push(`the git option ${git.unknown.text} is not known before the command runs`);
    return;
  }
  const dir = git.dir;
  ev.gitRunsIn(dir);
  const join = under;
  const subArg = git.sub;
  const sub = subArg?.value;
  if (sub === undefined) return;
  fx.notRead.add(subArg!);
  const extraTargets = git.repoPaths;
  const rest = git.rest;
  const here = (extra: Partial<Target>): Target => (dir ? t(dir, { tree: false, ...extra }) : { ...cwdTarget(rule, extra.verb ?? "write to"), tree: false });
  const sp = parseArgs(rest, { shortValue: "obujcmCFSLOt", longValue: ["origin", "branch", "upload-pack", "reference", "reference-if-able", "separate-git-dir", "depth", "shallow-since", "shallow-exclude", "jobs", "filter", "config", "template", "server-option", "bundle-uri", "ref-format", "output", "output-directory", "message", "file", "author", "date", "format", "prefix", "remote", "exec", "reuse-message", "reedit-message", "fixup", "squash", "cleanup", "pathspec-from-file", "strategy", "strategy-option"] });
  for (const a of rest) if (!GIT_SHOWS_CONTENT.has(sub)) fx.notRead.add(a);
  for (const e of extraTargets) fx.targets.push(t(join(dir, e), { tree: false, verb: "write the repository at" }));
  const outputs = optionValues(sp, ["--output"]);
  for (const o of outputs) {
    fx.notRead.add(o);
    fx.targets.push(t(join(dir, o), { tree: false, verb: "write the output to" }));
  }
  if (sub === "clone") {
    const [repo, dest] = sp.operands;
    for (const s of optionValues(sp, ["--separate-git-dir"])) fx.targets.push(t(join(dir, s), { tree: false, verb: "clone into" }));
    if (dest) fx.targets.push(t(join(dir, dest), { tree: false, verb: "clone into" }));
    else if (repo?.value !== undefined) {
      const name = path.posix.basename(repo.value.replace(/\/+$/, "").replace(/:+/g, "/")).replace(/\.git$/, "") || "repo";
      fx.targets.push(t(join(dir, { ...repo, value: name, text: name }), { tree: false, verb: "clone into" }));
    } else if (repo) fx.targets.push(t(repo, { verb: "clone into" }));
    return;
  }
  if (sub === "init") {
    const d = sp.operands[0];
    fx.targets.push(d ? t(join(dir, d), { tree: false, verb: "create a repository at" }) : here({ verb: "create a repository at" }));
    for (const s of optionValues(sp, ["--separate-git-dir"])) fx.targets.push(t(join(dir, s), { tree: false, verb: "create a repository at" }));
    return;
  }
  if (sub === "worktree") {
    const [action, ...wt] = sp.operands;
    if (action?.value === "add" || action?.value === "move" || action?.value === "remove") {
      const paths = action.value === "add" ? wt.slice(0, 1) : wt.slice(0, 2);
      for (const w of paths) fx.targets.push(t(join(dir, w), { tree: false, verb: action.value === "add" ? "create a worktree at" : "change the worktree at" }));
    } else if (action?.value !== "list") fx.targets.push(here({ verb: "change the worktrees of" }));
    return;
  }
  if (sub === "config") return gitConfig(rest, sp, dir, fx, ev, t, join);
  if (sub === "format-patch") {
    for (const o of optionValues(sp, ["-o", "--output-directory"])) fx.targets.push(t(join(dir, o), { tree: false, verb: "write patches into" }));
    return;
  }
  if (sub === "archive") {
    for (const o of optionValues(sp, ["-o"])) fx.targets.push(t(join(dir, o), { tree: false, verb: "write the archive to" }));
    return;
  }
  if (sub === "bundle" && sp.operands[0]?.value === "create" && sp.operands[1]) {
    fx.targets.push(t(join(dir, sp.operands[1]), { tree: false, verb: "write the bundle to" }));
    return;
  }
  if (GIT_READ_ONLY.has(sub)) {
    if (GIT_SHOWS_CONTENT.has(sub) && dir?.value !== undefined) {
      // Paths given to `git -C DIR show` are relative to DIR.
      for (const a of rest) {
        if (a.value === undefined || a.value.startsWith("-")) continue;
        fx.notRead.add(a);
        ev.readArg(join(dir, a), "show", false, "git");
      }
    }
    return;
  }
  fx.targets.push(here({ verb: `run git ${sub}, which writes the repository at` }));
}

function gitConfig(
  rest: readonly Arg[], sp: ParsedArgs, dir: Arg | undefined, fx: Effects, ev: Evaluation,
  t: (a: Arg, extra?: Partial<Target>) => Target, join: (base: Arg | undefined, a: Arg) => Arg,
): void {
  const names = rest.map((a) => a.value ?? "");
  const action = names.find((n) => !n.startsWith("-"));
  const newStyleWrite = ["set", "unset", "rename-section", "remove-section", "edit", "replace-all"];
  const newStyleRead = ["get", "list"];
  const writeFlags = ["--unset", "--unset-all", "--add", "--replace-all", "--rename-section", "--remove-section", "-e", "--edit"];
  const readFlags = ["--get", "--get-all", "--get-regexp", "--get-urlmatch", "-l", "--list", "--get-color", "--get-colorbool"];
  let writes: boolean;
  if (action !== undefined && newStyleWrite.includes(action)) writes = true;
  else if (action !== undefined && newStyleRead.includes(action)) writes = false;
  else if (names.some((n) => writeFlags.includes(n))) writes = true;
  else if (names.some((n) => readFlags.includes(n))) writes = false;
  else writes = sp.operands.filter((o) => !(o.value ?? "").startsWith("-")).length >= 2;
  if (!writes) return;
  const fileIdx = names.findIndex((n) => n === "-f" || n === "--file");
  const fileEq = rest.find((a) => a.value?.startsWith("--file="));
  if (fileIdx >= 0 && rest[fileIdx + 1]) {
    fx.targets.push(t(join(dir, rest[fileIdx + 1]!), { tree: false, verb: "change the git config" }));
  } else if (fileEq?.value !== undefined) {
    fx.targets.push(t(join(dir, { ...fileEq, value: fileEq.value.slice("--file=".length) }), { tree: false, verb: "change the git config" }));
  } else if (names.includes("--global")) {
    fx.targets.push({ outside: "your global git config (~/.gitconfig)", verb: "change", ruleId: "writes.git", followsLink: true, tree: false });
  } else if (names.includes("--system")) {
    fx.targets.push({ outside: "the system git config (/etc/gitconfig)", verb: "change", ruleId: "writes.git", followsLink: true, tree: false });
  } else {
    const file = names.includes("--worktree") ? ".git/config.worktree" : ".git/config";
    const base = dir ?? { word: -1, text: ".", value: "." };
    fx.targets.push(t(join(base, { word: -1, text: file, value: file }), { tree: false, verb: "change the git config in" }));
  }
  void ev;
}

function packageEffects(rule: ProgramPathRule, program: string, all: readonly Arg[], fx: Effects, ev: Evaluation, t: (a: Arg, extra?: Partial<Target>) => Target): void {
  const values = all.map((a) => a.value ?? "");
  const positional = values.filter((v) => !v.startsWith("-"));
  const outside = (where: string): void => {
    fx.targets.push({ outside: where, verb: "install into", ruleId: rule.id, followsLink: true, tree: false });
  };
  const dirValues = (names: readonly string[]): Arg[] => dirValuesOf(all, names);
  if (program === "npm" || program === "pnpm" || program === "yarn") {
    const sub = positional[0];
    const yarnGlobal = program === "yarn" && sub === "global";
    const effective = yarnGlobal ? positional[1] : sub;
    if (effective === undefined || !GLOBAL_INSTALL.nodeSubcommands.includes(effective)) return;
    if (yarnGlobal || values.some((v) => GLOBAL_INSTALL.nodeGlobalFlags.includes(v))) return outside(`the global ${program} package directory`);
    for (const d of dirValues(["--prefix", "-C", "--dir", "--cwd"])) fx.targets.push(t(d, { tree: false }));
    return;
  }
  let pipArgs: string[] | undefined;
  let pipAll: readonly Arg[] = all;
  if (program === "pip" || program === "pip3") pipArgs = values;
  else if ((program === "python" || program === "python3") && values[0] === "-m" && (values[1] === "pip" || values[1] === "pip3")) {
    pipArgs = values.slice(2);
    pipAll = all.slice(2);
  }
  if (pipArgs !== undefined) {
    const sub = pipArgs.find((v) => !v.startsWith("-"));
    if (sub === undefined || !GLOBAL_INSTALL.pipSubcommands.includes(sub)) return;
    if (sub === "install" || sub === "uninstall") {
      if (pipArgs.some((v) => GLOBAL_INSTALL.pipGlobalFlags.includes(v))) return outside("your user or system site-packages");
      if (ev.viaSudo) return outside("the system site-packages");
    }
    for (const d of dirValuesOf(pipAll, GLOBAL_INSTALL.pipDirOptions)) fx.targets.push(t(d, { tree: false }));
    return;
  }
  if (program === "uv") {
    for (const g of GLOBAL_INSTALL.uvGlobal) if (g.every((w) => values.includes(w))) return outside("uv's global tool / system environment");
    return;
  }
  const subs = GLOBAL_INSTALL.alwaysGlobal[program];
  if (!subs) return;
  const sub = program === "pacman" ? values.find((v) => v.startsWith("-")) : positional[0];
  if (sub === undefined || !subs.some((s) => s === sub || (program === "pacman" && sub.startsWith(s)))) return;
  const roots = dirValues(GLOBAL_INSTALL.rootOptions[program] ?? []);
  if (roots.length > 0) {
    for (const r of roots) fx.targets.push(t(r, { tree: false }));
    return;
  }
  outside(program === "cargo" ? "~/.cargo/bin" : program === "go" ? "$GOPATH/bin (~/go/bin)" : program === "gem" ? "the gem directory" : program === "pipx" ? "~/.local (pipx)" : "the system package directories");
}

/** The values of options `names` (`--prefix DIR`, `--prefix=DIR`) among `all`. */
function dirValuesOf(all: readonly Arg[], names: readonly string[]): Arg[] {
  const out: Arg[] = [];
  all.forEach((a, i) => {
    const v = a.value ?? "";
    for (const n of names) {
      if (v === n && all[i + 1]) out.push(all[i + 1]!);
      else if (n.startsWith("--") && v.startsWith(`${n}=`)) out.push({ ...a, value: v.slice(n.length + 1) });
    }
  });
  return out;
}

/** Program text carried by interpreter options (`python -c CODE`), or awk's first operand. */
export function interpreterCode(program: string, args: readonly Arg[], options: readonly string[], fx: Effects): string[] {
  const out: string[] = [];
  if (options.includes("")) {
    // awk: the program is every -e / --source value, else the first operand unless -f / -E gives a file.
    const p = parseArgs(args, { shortValue: "fvFeEil", longValue: ["file", "assign", "field-separator", "source", "exec"], long: GNU_LONG_OPTIONS[program] });
    const texts = optionValues(p, ["-e", "--source"]);
    for (const t of texts) {
      out.push(t.value ?? "");
      fx.notRead.add(t);
    }
    if (texts.length === 0 && !hasOption(p, ["-f", "--file", "-E", "--exec"]) && p.operands[0]?.value !== undefined) {
      out.push(p.operands[0].value);
      fx.notRead.add(p.operands[0]);
    }
    return out;
  }
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value ?? "";
    for (const o of options) {
      if (v === o && args[i + 1]) {
        out.push(args[i + 1]!.value ?? "");
        fx.notRead.add(args[i + 1]!);
      } else if (o.length === 2 && o.startsWith("-") && v.startsWith(o) && v.length > 2 && !v.startsWith("--")) {
        // `-c"code"` attached, or a cluster ending in the code switch (`python -Ic code` is rare; `-c` first is usual)
        out.push(v.slice(2));
        fx.notRead.add(args[i]!);
      } else if (o.startsWith("--") && v.startsWith(`${o}=`)) {
        out.push(v.slice(o.length + 1));
        fx.notRead.add(args[i]!);
      }
    }
  }
  return out;
}
