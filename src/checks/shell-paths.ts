// Shell paths: what each command of a Bash call writes, deletes or reads, and whether that is allowed — writes outside
// the write scope and writes to protected paths are denied, reads of credential paths are denied, targets we cannot
// see are asked. Which arguments are paths is data (shell-paths.rules.ts), what each program does with them is
// shell-paths.programs.ts; the cwd each command runs in comes from src/paths/shell-state.ts. Not here: blocklist,
// allowlist, injection, network (their own checks).
import path from "node:path";
import type { Context } from "../context-types.js";
import { expandArgs, expandOne, hasOption, parseArgs, type Arg, type OptionSpec, type ParsedArgs } from "../paths/argv.js";
import { credentialBelow, credentialExamples, credentialFileUnder, matchCredential, type CredentialMatch, type TreeFilter } from "../paths/credentials.js";
import { withFsCache } from "../paths/fs-cache.js";
import { globCouldMatch } from "../paths/fs-glob.js";
import { readFindArgv, under } from "../paths/program-argv.js";
import { staticPrefix } from "../paths/globs.js";
import { hasPathRules, matchPathRules } from "../paths/permission-rules.js";
import { matchProtected, protectedBelow, type ProtectedMatch } from "../paths/protected.js";
import { isInside, type Resolution } from "../paths/resolve.js";
import { describeScope, inWriteScope, isSinkDevice } from "../paths/scope.js";
import { ShellTracker, type ShellState } from "../paths/shell-state.js";
import { expandWordText, isPlainWordText, type WordEnv } from "../paths/word.js";
import { fileOfValue, fileVariable } from "../shell/env-files.js";
import type { ShellCommand } from "../shell/model.js";
import { GNU_LONG_OPTIONS } from "../shell/program-options.js";
import type { Finding, RuleId } from "../types.js";
import { CONTENT_READERS, CREDENTIAL_MENTIONS, FILE_LISTERS, INTERPRETERS, MULTICALL, NON_READING_OPTIONS, NON_READING_PROGRAMS, PATTERN_FIRST, READ_REDIRECTS, TREE_READERS, WRITE_REDIRECTS, WRITE_RULES, type ProgramPathRule } from "./shell-paths.rules.js";
import { freshEffects, type Effects, type Target } from "./shell-paths.effects.js";
import { extract, interpreterCode, RULES_BY_PROGRAM } from "./shell-paths.programs.js";
import { xargsInput, xargsNameFile, xargsWrapper } from "./shell-paths.xargs.js";

const NO_RULES: readonly ProgramPathRule[] = [];
const NO_OPTIONS: readonly string[] = [];
/** Each rule's option spec per program, made once: a program with a complete long-option list (`cp --t=DIR` is
 *  `--target-directory=DIR`) reads its long options from it instead of the rule's `longValue`. */
const RULE_SPECS = new Map<ProgramPathRule, Map<string, OptionSpec>>();
function ruleSpec(r: ProgramPathRule, program: string): OptionSpec {
  let specs = RULE_SPECS.get(r);
  if (!specs) RULE_SPECS.set(r, (specs = new Map()));
  let spec = specs.get(program);
  if (!spec) specs.set(program, (spec = { shortValue: r.shortValue ?? "", longValue: r.longValue ?? [], long: GNU_LONG_OPTIONS[program] }));
  return spec;
}
const NO_FILTER: TreeFilter & { walk?: boolean } = {};
const ASSIGNMENT_VALUE = { assignmentValue: true } as const;

interface Eval {
  readonly findings: Finding[];
  readonly inside: string[];
}

export function checkShellPaths(commands: readonly ShellCommand[], ctx: Context): Finding[] {
  // The tree does not change while we decide: each lstat / stat / readdir is done once for the whole call. The cwd
  // is a real path (loadContext resolved it through the file system for this call): its components are not links.
  return withFsCache(() => shellPaths(commands, ctx), [ctx.cwd]);
}

function shellPaths(commands: readonly ShellCommand[], ctx: Context): Finding[] {
  const tracker = new ShellTracker(ctx);
  const out: Finding[] = [];
  const inside: string[] = [];
  for (const cmd of inSeqOrder(commands)) {
    const states = tracker.statesFor(cmd);
    if (states.length === 1) {
      // One possible cwd (nearly always): its findings stand as they are.
      const ev = new Evaluation(cmd, states[0]!, tracker, ctx, commands);
      ev.run();
      for (const f of ev.findings) out.push(f);
      for (const p of ev.inside) inside.push(p);
    } else {
      const evals = states.map((s) => evaluate(cmd, s, tracker, ctx, commands));
      out.push(...merge(evals, cmd));
      for (const e of evals) inside.push(...e.inside);
    }
    tracker.advance(cmd);
  }
  freshEffects(); // let go of the last command's words
  const uniqueInside = [...new Set(inside)];
  if (uniqueInside.length > 0 && !out.some((f) => f.severity === "deny")) {
    const shown = uniqueInside.slice(0, 8).join(", ") + (uniqueInside.length > 8 ? ` and ${uniqueInside.length - 8} more` : "");
    out.push({ severity: "info", rule: "scope.write-inside", layer: "builtin", reason: `Writes inside the write scope: ${shown}.` });
  }
  return dedupeFindings(out);
}

const isPlainLiteral = (w: ShellCommand["args"][number]): boolean => !w.dynamic && isPlainWordText(w.text);
const isInputWord = (w: ShellCommand["args"][number]): boolean => w.features?.includes("input") === true;

/** The commands by `seq` (the analysis emits them in that order already: then no copy is made). */
function inSeqOrder(commands: readonly ShellCommand[]): readonly ShellCommand[] {
  for (let i = 1; i < commands.length; i++) if (commands[i - 1]!.seq > commands[i]!.seq) return [...commands].sort((a, b) => a.seq - b.seq);
  return commands;
}

/** Several possible cwds: deny only when every one of them denies; when they disagree, ask. */
function merge(evals: readonly Eval[], cmd: ShellCommand): Finding[] {
  if (evals.length === 1) return evals[0]!.findings;
  const denying = evals.filter((e) => e.findings.some((f) => f.severity === "deny"));
  if (denying.length === evals.length) return evals[0]!.findings;
  const rest = evals.flatMap((e) => e.findings.filter((f) => f.severity !== "deny"));
  if (denying.length === 0) return rest;
  const example = denying[0]!.findings.find((f) => f.severity === "deny")!;
  return [...rest, ask("scope.unknown-target", `${commandText(cmd)}: where this runs depends on whether an earlier cd succeeded or ran in a subshell; in one case ${lowerFirst(example.reason ?? "")}`)];
}

function evaluate(cmd: ShellCommand, state: ShellState, tracker: ShellTracker, ctx: Context, call: readonly ShellCommand[]): Eval {
  const ev = new Evaluation(cmd, state, tracker, ctx, call);
  ev.run();
  return { findings: ev.findings, inside: ev.inside };
}

export class Evaluation {
  readonly findings: Finding[] = [];
  readonly inside: string[] = [];
  private readonly cwd: string | undefined;
  /** `{}` of `find -exec` stands for files under find's roots, which find's own handler checks. */
  inputsChecked = false;
  /** How the current tree reader narrows its walk (`--include`, hidden files). */
  private treeFilter: TreeFilter & { walk?: boolean } = NO_FILTER;

  constructor(
    private readonly cmd: ShellCommand,
    private readonly state: ShellState,
    private readonly tracker: ShellTracker,
    private readonly ctx: Context,
    /** Every command of the call (for `find … | xargs cat`: who lists the names the reader gets). */
    private readonly call: readonly ShellCommand[],
  ) {
    this.cwd = state.cwd?.physical;
  }

  get tmpDir(): string {
    return this.ctx.tmpDir;
  }

  /** Run as root: a package manager then installs into the system. */
  get viaSudo(): boolean {
    return this.cmd.via.some((v) => /^(sudo|doas|run0|pkexec)\b/.test(v));
  }

  run(): void {
    const env = this.tracker.wordEnv(this.state);
    for (const r of this.cmd.redirects) this.redirect(r.op, r.target);
    if (this.cmd.assignments.length > 0) this.assignedFiles(env);
    const name = this.programName(env);
    if (name === undefined || name === "") return;
    let program = path.posix.basename(name);
    let words = this.cmd.args;
    if (MULTICALL.has(program) && words[0] && !words[0].dynamic) {
      program = path.posix.basename(words[0].value);
      words = words.slice(1);
    }
    // `echo hi`, `ls -la src`: a program that reads no file, writes none and runs no code, with plain words only
    // (no glob to expand), leaves nothing to check below.
    if (NON_READING_PROGRAMS.has(program) && !RULES_BY_PROGRAM.has(program) && INTERPRETERS[program] === undefined && words.every(isPlainLiteral)) return;
    const fx = freshEffects();
    const fedByXargs = this.cmd.wrappers
      ? this.cmd.wrappers.some((w) => w.kind === "each" && w.name !== "find")
      : this.cmd.via.some((v) => v.startsWith("xargs") || v.startsWith("parallel"));
    const fromFind = this.cmd.wrappers ? this.cmd.wrappers.some((w) => w.kind === "each" && w.name === "find") : this.cmd.via.some((v) => v.startsWith("find"));
    if (words.some(isInputWord) && CONTENT_READERS.has(program) && !NON_READING_PROGRAMS.has(program)) this.listedReads(program, fromFind);
    // `xargs -a FILE echo` prints what FILE holds, whatever the program.
    const names = fedByXargs ? xargsNameFile(this.cmd) : undefined;
    if (names) for (const a of expandOne(names, -1, env, this.cwd)) this.readArg(a, "hand over the lines of", false, "xargs");
    // find's own handler checks the roots that `{}` stands for: its `{}` is kept in place (so `cp {} ~/.bashrc` still
    // has its destination last) but is neither a target nor an unknown.
    this.inputsChecked = fromFind;
    const args = expandArgs(words, env, this.cwd);
    for (const rule of RULES_BY_PROGRAM.get(program) ?? NO_RULES) {
      const parsed = parseArgs(args, ruleSpec(rule, program));
      // `sed --i` could be --in-place; `rm --foo`: the program reads it in a way we don't know.
      if (parsed.unresolved.length > 0 && fx.unknown.length === 0) fx.unknown.push(`\`${parsed.unresolved[0]!.text}\` names no ${program} option, or several`);
      if (rule.onlyIf && !hasOption(parsed, rule.onlyIf)) continue;
      if (rule.skipIf && hasOption(parsed, rule.skipIf)) continue;
      const before = fx.targets.length;
      extract(rule, program, parsed, args, fx, this);
      if (fedByXargs && (fx.targets.length > before || rule.targets.shape === "operands" || rule.targets.shape === "destination")) {
        fx.unknown.push(`${program} gets more arguments from ${this.cmd.via.find((v) => v.startsWith("xargs") || v.startsWith("parallel")) ?? "its input"}, which we cannot see`);
      }
    }
    for (const t of fx.targets) if (!(fromFind && t.arg?.input)) this.target(t);
    if (fx.unknown.length > 0) {
      this.findings.push(ask("scope.unknown-target", `hookwarden cannot tell where ${commandText(this.cmd)} writes (${fx.unknown[0]}), so it asks you first.`));
    }
    for (const l of fx.links) this.noteLink(l.link, l.target);
    for (const c of fx.creates) this.noteCreated(c);
    this.reads(program, args, fx);
  }

  /** git reads the repository's own config, and some of it runs programs (`core.fsmonitor` on `status`,
   *  `diff.external` on `diff`): in a directory outside the project (`git -C /tmp/x status`, `cd ~/x && git log`)
   *  even a read-only git command runs what another repository says. `dirArg`: git's `-C` directory, if any
   *  (program-argv.ts reads it). A directory only known at run time is left to the checks that ask about it. */
  gitRunsIn(dirArg: Arg | undefined): void {
    const dir = dirArg === undefined ? this.cwd : dirArg.value === undefined || this.cwd === undefined ? undefined : path.resolve(this.cwd, dirArg.value);
    if (dir === undefined || isInside(dir, this.ctx.projectRoot)) return;
    this.findings.push(ask("scope.foreign-repository", `${commandText(this.cmd)} runs git in ${dir}, outside the project: that repository's own config can make git run programs (core.fsmonitor, diff.external), so hookwarden asks first.`));
  }

  /** argv[0]; a dynamic name we can expand from this call's own assignments (`c=cat; $c .env`) counts as that
   *  program — the injection check asks about the indirection, and this one still sees what it touches. */
  private programName(env: ReturnType<ShellTracker["wordEnv"]>): string | undefined {
    if (this.cmd.name.kind === "literal") return this.cmd.name.value;
    const e = expandWordText(this.cmd.name.text, env);
    if (e.kind !== "known" || e.alternatives.length !== 1 || e.alternatives[0]!.pattern !== undefined) return undefined;
    return e.alternatives[0]!.value;
  }

  // ── writes ──────────────────────────────────────────────────────────────────────────────────────────────────────

  private redirect(op: string, target: ShellCommand["redirects"][number]["target"]): void {
    const env = this.tracker.wordEnv(this.state);
    const dup = /^(\d+|-)$/.test(target.value) && !target.dynamic;
    if (WRITE_REDIRECTS.has(op) && !((op === ">&" || op === "<&") && dup)) {
      for (const a of expandOne(target, -1, env, this.cwd)) {
        this.target({ arg: a, verb: "redirect output to", ruleId: "writes.redirect", followsLink: true, tree: false });
      }
    }
    if (READ_REDIRECTS.has(op)) {
      for (const a of expandOne(target, -1, env, this.cwd)) this.readArg(a, "redirect input from", false, "<");
    }
  }

  /** `GIT_TRACE=~/x git log`, `export GIT_INDEX_FILE=/etc/x`: the value is a file that git will write. */
  private assignedFiles(env: WordEnv): void {
    for (const a of this.cmd.assignments) {
      const v = fileVariable(a.name);
      if (v === undefined) continue;
      for (const arg of expandOne(a.value, -1, env, this.cwd, ASSIGNMENT_VALUE)) {
        const file = arg.value === undefined ? undefined : fileOfValue(v, arg.value);
        if (arg.value !== undefined && file === undefined) continue;
        // A relative index file is relative to the repository's top directory, which we do not look for.
        const value = file !== undefined && !file.startsWith("/") ? undefined : file;
        const reason = file !== undefined && value === undefined ? "relative to the top directory of the repository" : arg.reason;
        this.target({ arg: { word: -1, text: `${a.name}=${a.value.text}`, ...(value !== undefined ? { value } : { reason }) }, verb: v.verb, ruleId: "writes.env-file", followsLink: true, tree: false });
      }
    }
  }

  target(t: Target): void {
    if (t.outside !== undefined) {
      this.findings.push(deny("scope.write-outside", `${commandText(this.cmd)} would ${t.verb} ${t.outside}, outside the write scope (${describeScope(this.ctx)}). Install into the project instead (a local dependency or a virtual environment), or ask the user to run it.`));
      return;
    }
    const a = t.arg;
    let raw: string;
    if (a) {
      if (a.value === undefined) {
        this.findings.push(ask("scope.unknown-target", `hookwarden cannot tell where ${commandText(this.cmd)} would ${t.verb} ${a.text} (${a.reason ?? "a dynamic word"}), so it asks you first.`));
        return;
      }
      raw = a.value;
    } else raw = t.path ?? ".";
    if (raw === "-" && a) return; // stdin/stdout
    if (raw.startsWith("/") && isSinkDevice(raw)) return;
    if (!raw.startsWith("/") && this.cwd === undefined) {
      this.findings.push(ask("scope.unknown-target", `hookwarden cannot tell which directory ${commandText(this.cmd)} runs in (an earlier cd it cannot follow), so it cannot check where "${raw}" is; it asks you first.`));
      return;
    }
    const cwd = this.cwd ?? "/";
    // A glob that matched nothing: everything it could match lies under its fixed prefix.
    if (a?.pattern !== undefined) {
      const absPattern = a.pattern.startsWith("/") ? a.pattern : `${cwd}/${a.pattern}`;
      const hit = this.protectedLocations().find((p) => globCouldMatch(absPattern, p));
      if (hit) {
        const m = matchProtected(hit, this.ctx);
        if (m) return this.protectedDeny(t, raw, m);
      }
      raw = staticPrefix(a.pattern.startsWith("/") ? a.pattern : a.pattern === "" ? "." : a.pattern).replace(/\\(.)/g, "$1") || ".";
      if (!a.pattern.includes("/")) raw = ".";
      return this.checkResolved(t, raw, this.resolve(raw, cwd, false), a.text);
    }
    this.checkResolved(t, raw, this.resolve(raw, cwd, t.followsLink), a?.text ?? raw);
  }

  private resolve(raw: string, cwd: string, followsLink: boolean): Resolution {
    const base = path.posix.basename(raw);
    if (followsLink || base === "" || base === "." || base === ".." || raw.endsWith("/")) return this.tracker.resolve(raw, cwd);
    const parent = this.tracker.resolve(path.posix.dirname(raw), cwd);
    if (parent.kind === "unknown") return parent;
    const join = (d: string) => (d === "/" ? `/${base}` : `${d}/${base}`);
    return { kind: "path", path: join(parent.path) as typeof parent.path, lexical: join(parent.lexical) as typeof parent.lexical };
  }

  private checkResolved(t: Target, raw: string, r: Resolution, shown: string): void {
    if (r.kind === "unknown") {
      this.findings.push(ask("scope.unknown-target", `hookwarden cannot tell where ${commandText(this.cmd)} would ${t.verb} ${shown} (${r.reason}), so it asks you first.`));
      return;
    }
    const m = matchProtected(r.lexical, this.ctx) ?? matchProtected(r.path, this.ctx) ?? (t.tree ? protectedBelow(r.path, this.ctx) ?? protectedBelow(r.lexical, this.ctx) : undefined);
    if (m) return this.protectedDeny(t, shown, m);
    if (!inWriteScope(r.path, this.ctx)) {
      const where = r.path === raw ? "" : ` (${r.path})`;
      this.findings.push(deny("scope.write-outside", `${commandText(this.cmd)} would ${t.verb} ${shown}${where}, outside the write scope (${describeScope(this.ctx)}). Keep the change inside the project, or ask the user to run it or to add the directory to additionalDirectories.`));
      return;
    }
    if (hasPathRules(this.ctx)) {
      for (const { behavior, rule } of matchPathRules("write", [r.lexical, r.path], this.ctx)) {
        if (behavior === "allow") continue;
        const id: RuleId = /^[^.]+\.[^.]/.test(rule.id) ? (rule.id as RuleId) : `settings.${behavior}`;
        this.findings.push({ severity: behavior, rule: id, layer: rule.layer, reason: `${commandText(this.cmd)} would ${t.verb} ${shown}, which rule "${rule.raw}" in ${rule.file} ${behavior === "deny" ? "denies" : "asks about"}.` });
      }
    }
    this.inside.push(r.path);
  }

  private protectedDeny(t: Target, shown: string, m: ProtectedMatch): void {
    this.findings.push({ severity: "deny", rule: "self-protect.write", layer: m.layer, reason: `${commandText(this.cmd)} would ${t.verb} ${shown}, which holds ${m.what}; hookwarden protects it in every mode. Ask the user to make this change themselves.` });
  }

  /** Concrete protected files a glob could reach without listing directories. */
  private protectedLocations(): string[] {
    const j = path.posix.join;
    const c = this.ctx;
    const settings = ["settings.json", "settings.local.json", "hookwarden.json", "hookwarden.local.json"];
    const roots = [c.projectRoot, ...(this.cwd ? [this.cwd] : [])];
    return [
      ...roots.flatMap((r) => settings.map((f) => j(r, ".claude", f))),
      ...settings.map((f) => j(c.configDir, f)),
      ...roots.flatMap((r) => [j(r, ".git", "config"), j(r, ".git", "hooks", "pre-commit"), j(r, ".git", "hooks")]),
      j(c.dataDir, "trust.json"), j(c.managedDir, "managed-settings.json"),
    ];
  }

  private noteLink(link: Arg | string, target: string): void {
    const raw = typeof link === "string" ? link : link.value;
    if (raw === undefined || this.cwd === undefined) return;
    const r = this.resolve(raw, this.cwd, false);
    if (r.kind === "path") this.tracker.links.set(r.path, target);
  }

  private noteCreated(a: Arg): void {
    if (a.value === undefined || this.cwd === undefined) return;
    const r = this.tracker.resolve(a.value, this.cwd);
    if (r.kind === "path") this.tracker.created.add(r.path);
  }

  /** Resolve a path argument for handlers that need to look at the file system (is the destination a directory?). */
  resolveArg(raw: string): Resolution {
    if (!raw.startsWith("/") && this.cwd === undefined) return { kind: "unknown", reason: "unknown cwd" };
    return this.tracker.resolve(raw, this.cwd ?? "/");
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────────────────────────────

  private reads(program: string, args: readonly Arg[], fx: Effects): void {
    const code = fx.code;
    const codeOptions = INTERPRETERS[program];
    if (codeOptions !== undefined) {
      if (this.cmd.stdinText) code.push(this.cmd.stdinText);
      code.push(...interpreterCode(program, args, codeOptions, fx));
    }
    for (const text of code) this.scanCode(text);
    if (NON_READING_PROGRAMS.has(program)) return;
    const pattern = PATTERN_FIRST[program];
    let patternParsed: ParsedArgs | undefined;
    if (pattern) {
      const parsed = (patternParsed = parseArgs(pattern.pairs ? withoutPairs(args, pattern.pairs, fx) : args, { shortValue: pattern.shortValue, longValue: pattern.longValue, long: GNU_LONG_OPTIONS[program] }));
      if (!hasOption(parsed, pattern.patternOptions) && parsed.operands[0]) fx.notRead.add(parsed.operands[0]);
      // Option values are patterns, separators, counts…; only a pattern *file* (`grep -f FILE`) is read.
      for (const o of parsed.options) if (o.value && !["-f", "--file", "--from-file"].includes(o.name)) fx.notRead.add(o.value);
    }
    const exemptOptions = NON_READING_OPTIONS[program] ?? NO_OPTIONS;
    for (let i = 0; i < args.length; i++) {
      if (exemptOptions.includes(args[i]!.value ?? "") && args[i + 1]) fx.notRead.add(args[i + 1]!);
    }
    const tree = TREE_READERS[program];
    // The same split as above when the program has a pattern (parseArgs is pure): made once.
    const parsed = tree ? patternParsed ?? parseArgs(args, {}) : undefined;
    const recursive = tree !== undefined && parsed !== undefined && (tree.flags === undefined || hasOption(parsed, tree.flags));
    if (recursive && tree && parsed) {
      // `--include=*.ts` / `-g '!*.env'` are globs for the walk, not files to read.
      const globs = (names: readonly string[] | undefined) => {
        const hits = parsed.options.filter((o) => (names ?? []).includes(o.name) && o.value !== undefined);
        for (const o of hits) {
          fx.notRead.add(o.arg);
          fx.notRead.add(o.value!);
        }
        return hits.map((o) => o.value!.value ?? "*");
      };
      const include = globs(tree.include);
      this.treeFilter = {
        walk: tree.prints === true,
        skipHidden: tree.showHidden !== undefined && !hasOption(parsed, tree.showHidden) && !args.some((a) => tree.showHidden!.includes(a.value ?? "")),
        include: include.filter((g) => !g.startsWith("!")),
        exclude: [...globs(tree.exclude), ...include.filter((g) => g.startsWith("!")).map((g) => g.slice(1))],
      };
      const paths = parsed.operands.filter((a) => !fx.notRead.has(a));
      if (tree.cwdWhenNoPath && paths.length === 0) this.readArg({ word: -1, text: ".", value: "." }, "search", true, program);
    }
    for (const a of args) {
      if (fx.notRead.has(a)) continue;
      if (a.value === undefined) {
        if (CONTENT_READERS.has(program) && !a.input) {
          this.findings.push(ask("credentials.unknown-read", `hookwarden cannot tell which file ${commandText(this.cmd)} reads through ${a.text} (${a.reason ?? "a dynamic word"}); it could be a credential, so it asks you first.`));
        }
        continue;
      }
      this.readArg(a, "read", recursive || fx.treeReads.has(a), program);
    }
  }

  /** Deny when `a` (or the path inside `--opt=PATH`, `@PATH`, `REV:PATH`) is a credential path, or a glob that could
   *  reach one, or (tree reads) a directory above a home credential directory. */
  readArg(a: Arg, verb: string, tree: boolean, program: string): void {
    const v = a.value;
    if (v === undefined) return;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return; // a URL
    if (!v.includes("=")) {
      // An option without `=` (`-la`, `--stat`) names no path.
      if (v.startsWith("-") && v !== "-") return;
      // A plain operand (`src/x.ts`: no `:`, `@` or `<` either) is its only candidate.
      if (!v.includes(":") && !v.startsWith("@") && !v.startsWith("<")) {
        this.readCandidate(v, a, verb, tree, program);
        return;
      }
    }
    const env = this.tracker.wordEnv(this.state);
    const candidates = new Set<string>();
    if (!v.startsWith("-") || v === "-") candidates.add(v);
    const eq = /^[^=]*=(.+)$/.exec(v);
    if (eq) {
      const rhs = expandOne({ value: eq[1]!, text: a.text.slice(a.text.indexOf("=") + 1), dynamic: false }, -1, env, this.cwd);
      for (const r of rhs) if (r.value) candidates.add(r.value);
    }
    for (const c of [...candidates]) {
      if (c.startsWith("@") || c.startsWith("<")) candidates.add(c.slice(1));
      const colon = /^[^/:]+:(.+)$/.exec(c);
      if (colon) candidates.add(colon[1]!);
    }
    for (const c of candidates) if (this.readCandidate(c, a, verb, tree, program)) return;
  }

  /** One path an argument may read; true when it is a credential (the deny is recorded). */
  private readCandidate(c: string, a: Arg, verb: string, tree: boolean, program: string): boolean {
    if (c === "" || c === "-") return false;
    const m = this.credentialAt(c, tree, a.pattern !== undefined && c === a.value ? a.pattern : undefined);
    if (m) {
      this.findings.push({ severity: "deny", rule: "credentials.read", layer: m.layer, reason: `${commandText(this.cmd)} would ${verb} ${a.text}, which ${tree && !matchCredential(c, this.ctx) ? "contains" : "is"} ${m.what} (credential path ${m.glob}${m.file === "builtin" ? "" : ` from ${m.file}`}). Don't read credentials; ask the user for the value you need.` });
      return true;
    }
    this.readRules(c, a.text, program);
    return false;
  }

  private credentialAt(raw: string, tree: boolean, pattern: string | undefined): CredentialMatch | undefined {
    if (!raw.startsWith("/") && this.cwd === undefined) return undefined;
    const cwd = this.cwd ?? "/";
    if (pattern !== undefined) {
      const abs = pattern.startsWith("/") ? pattern : `${cwd}/${pattern}`;
      const fixed = staticPrefix(abs).replace(/\\(.)/g, "$1");
      const fixedHit = this.credentialAt(fixed, false, undefined);
      if (fixedHit) return fixedHit;
      for (const example of credentialExamples(path.posix.dirname(abs), this.ctx)) {
        if (globCouldMatch(abs, example)) return matchCredential(example, this.ctx);
      }
      return undefined;
    }
    const r = this.tracker.resolve(raw, cwd);
    if (r.kind === "unknown") return undefined;
    // Most paths have no symlink in them: one spelling, matched once.
    const same = r.lexical === r.path;
    const m = matchCredential(r.lexical, this.ctx) ?? (same ? undefined : matchCredential(r.path, this.ctx));
    if (m) return m;
    if (!tree) return undefined;
    return credentialBelow(r.path, this.ctx) ?? (same ? undefined : credentialBelow(r.lexical, this.ctx)) ?? (this.treeFilter.walk ? credentialFileUnder(r.path, this.ctx, this.treeFilter)?.match : undefined);
  }

  private readRules(raw: string, shown: string, program: string): void {
    if (NON_READING_PROGRAMS.has(program) || !hasPathRules(this.ctx)) return;
    if (!raw.startsWith("/") && this.cwd === undefined) return;
    const r = this.tracker.resolve(raw, this.cwd ?? "/");
    if (r.kind === "unknown") return;
    for (const { behavior, rule } of matchPathRules("read", [r.lexical, r.path], this.ctx)) {
      if (behavior === "allow") continue;
      const id: RuleId = /^[^.]+\.[^.]/.test(rule.id) ? (rule.id as RuleId) : `settings.${behavior}`;
      this.findings.push({ severity: behavior, rule: id, layer: rule.layer, reason: `${commandText(this.cmd)} reads ${shown}, which rule "${rule.raw}" in ${rule.file} ${behavior === "deny" ? "denies" : "asks about"}.` });
    }
  }

  /** A reader fed file names by xargs / find -exec: the names come from a lister in the same call (`find . -type f |
   *  xargs cat`, `find ~ -name id_rsa -exec cat {} +`) or from literal text (`echo ~/.aws/credentials | xargs cat`).
   *  When they include a credential, the reader reads it; names only known at run time (`cat list.txt | xargs cat`)
   *  could be one, so it asks. */
  private listedReads(program: string, fromFind: boolean): void {
    const listers: { name: string; argv: readonly ShellCommand["args"][number][] }[] = [];
    const findWrapper = this.cmd.wrappers?.find((w) => w.name === "find");
    const xargs = fromFind ? undefined : xargsWrapper(this.cmd);
    if (fromFind && findWrapper) listers.push({ name: "find", argv: findWrapper.argv.slice(1) });
    else if (xargs) {
      const env = this.tracker.wordEnv(this.state);
      const input = xargsInput(this.cmd, xargs, this.call, (w) => expandOne(w, -1, env, this.cwd));
      switch (input.kind) {
        case "none":
          return;
        case "names":
          for (const n of input.names) this.readArg({ word: -1, text: `${n} (named by ${input.from})`, value: n }, "read", false, program);
          return;
        case "unknown":
          this.findings.push(ask("credentials.unknown-read", `hookwarden cannot tell which files ${commandText(this.cmd)} reads: xargs hands it names from ${input.why}, and one could be a credential, so it asks you first.`));
          return;
        case "listers":
          for (const c of input.listers) if (c.name.kind === "literal") listers.push({ name: path.posix.basename(c.name.value), argv: c.args });
          break;
        default: {
          const never: never = input;
          throw new Error(`unhandled xargs input ${JSON.stringify(never)}`);
        }
      }
    } else {
      for (const c of this.call) {
        if (c === this.cmd || c.name.kind !== "literal" || c.seq > this.cmd.seq) continue;
        const name = path.posix.basename(c.name.value);
        if (FILE_LISTERS[name]) listers.push({ name, argv: c.args });
      }
    }
    for (const l of listers) {
      const hit = this.listedCredential(l.name, l.argv);
      if (hit) {
        this.findings.push({ severity: "deny", rule: "credentials.read", layer: hit.layer, reason: `${commandText(this.cmd)} reads the files that \`${l.name}\` lists, and they include ${hit.what} (credential path ${hit.glob}). Narrow the list to files that are not credentials.` });
        return;
      }
    }
    void program;
  }

  private listedCredential(name: string, words: readonly ShellCommand["args"][number][]): CredentialMatch | undefined {
    const spec = FILE_LISTERS[name]!;
    const args = expandArgs(words, this.tracker.wordEnv(this.state), this.cwd);
    let roots: Arg[];
    const include: string[] = [];
    if (spec.roots === "before-expression") {
      const find = readFindArgv(args);
      roots = [...find.roots];
      include.push(...find.namePatterns);
    } else {
      const operands = parseArgs(args).operands;
      roots = [...(spec.roots === "after-pattern" ? operands.slice(1) : operands)];
    }
    if (roots.length === 0) roots = [{ word: -1, text: ".", value: "." }];
    const showHidden = spec.showHidden === undefined || args.some((a) => spec.showHidden!.includes(a.value ?? "")) || hasOption(parseArgs(args), spec.showHidden);
    const saved = this.treeFilter;
    this.treeFilter = { walk: true, skipHidden: !showHidden, include, exclude: [] };
    try {
      for (const r of roots) {
        if (r.value === undefined) continue;
        const m = this.credentialAt(r.value, true, undefined);
        // A -name filter that no credential name passes keeps the home trees out as well (`find ~ -name '*.md'`).
        if (m && (include.length === 0 || this.nameFilterReaches(include))) return m;
      }
    } finally {
      this.treeFilter = saved;
    }
    return undefined;
  }

  private nameFilterReaches(include: readonly string[]): boolean {
    const names = [".env", ".env.local", "id_rsa", "id_ed25519", "id_ecdsa", "credentials", "config", "server.pem", "server.key", ".netrc", ".npmrc", ".pypirc", ".git-credentials", "hosts.yml"];
    return include.some((g) => names.some((n) => globCouldMatch(g.includes("/") ? g : `**/${g}`, `/x/${n}`) || globCouldMatch(g, n)));
  }

  /** Program text: string literals that resolve to credential paths, and home-relative credential names. */
  private scanCode(text: string): void {
    for (const re of CREDENTIAL_MENTIONS) {
      const m = re.exec(text);
      if (m) {
        this.findings.push(deny("credentials.read", `${commandText(this.cmd)} runs program text that names a credential location (${m[0].trim()}). Don't read credentials; ask the user for the value you need.`));
        return;
      }
    }
    const literals = [...text.matchAll(/'([^'\n]{1,300})'|"([^"\n]{1,300})"|`([^`\n]{1,300})`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
    const bare = [...text.matchAll(/(?:^|[\s(=,<])((?:~|\$HOME|\$\{HOME\})?\/?[\w.@-]*(?:\/[\w.@-]+)*)/g)].map((m) => m[1] ?? "");
    for (const lit of [...literals, ...bare]) {
      const s = lit.trim();
      if (s === "" || s.length > 300 || /\s/.test(s)) continue;
      const expanded = s.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, this.ctx.home);
      if (!/^[\w./@~-]+$/.test(expanded) || !/[./]/.test(expanded)) continue;
      const m = this.credentialAt(expanded, false, undefined);
      if (m) {
        this.findings.push({ severity: "deny", rule: "credentials.read", layer: m.layer, reason: `${commandText(this.cmd)} runs program text that opens ${s}, which is ${m.what} (credential path ${m.glob}). Don't read credentials; ask the user for the value you need.` });
        return;
      }
    }
  }
}

/** `args` without the two-word options in `pairs` (`--arg NAME VALUE`): their NAME is never read, their VALUE only
 *  when it is a file (it stays in `args`, so the read loop sees it). */
function withoutPairs(args: readonly Arg[], pairs: Readonly<Record<string, "file" | "value">>, fx: Effects): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.value === "--") {
      out.push(...args.slice(i));
      break;
    }
    const kind = a.value === undefined ? undefined : pairs[a.value];
    if (kind === undefined) {
      out.push(a);
      continue;
    }
    fx.notRead.add(a);
    if (args[i + 1]) fx.notRead.add(args[i + 1]!);
    if (args[i + 2] && kind === "value") fx.notRead.add(args[i + 2]!);
    i += 2;
  }
  return out;
}

// ── findings ──────────────────────────────────────────────────────────────────────────────────────────────────────

function deny(rule: RuleId, reason: string): Finding {
  return { severity: "deny", rule, layer: "builtin", reason };
}

function ask(rule: RuleId, reason: string): Finding {
  return { severity: "ask", rule, layer: "builtin", reason };
}

function commandText(cmd: ShellCommand): string {
  const name = cmd.name.kind === "literal" ? cmd.name.value : cmd.name.text;
  const words = [name, ...cmd.args.map((a) => a.text), ...cmd.redirects.map((r) => `${r.fd ?? ""}${r.op} ${r.target.text}`)].join(" ");
  return `\`${words.length > 120 ? `${words.slice(0, 117)}...` : words}\``;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = `${f.severity}\0${f.rule}\0${f.reason ?? ""}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}
