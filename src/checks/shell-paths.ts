// Shell paths: what each command of a Bash call writes, deletes or reads, and whether that is allowed — writes outside
// the write scope and writes to protected paths are denied, reads of credential paths are denied, targets we cannot
// see are asked. Which arguments are paths is data (shell-paths.rules.ts); the cwd each command runs in comes from
// src/paths/shell-state.ts. Not here: blocklist, allowlist, injection, network (their own checks).
import path from "node:path";
import type { Context } from "../context-types.js";
import { expandArgs, expandOne, hasOption, optionValues, parseArgs, type Arg, type OptionSpec, type ParsedArgs } from "../paths/argv.js";
import { credentialBelow, credentialExamples, credentialFileUnder, matchCredential, type CredentialMatch, type TreeFilter } from "../paths/credentials.js";
import { withFsCache } from "../paths/fs-cache.js";
import { globCouldMatch } from "../paths/fs-glob.js";
import { readFindArgv, readGitArgv, readPerlArgv, readTarArgv, sedWriteFiles, under } from "../paths/program-argv.js";
import { staticPrefix } from "../paths/globs.js";
import { hasPathRules, matchPathRules } from "../paths/permission-rules.js";
import { matchProtected, protectedBelow, type ProtectedMatch } from "../paths/protected.js";
import { isDirectory, type Resolution } from "../paths/resolve.js";
import { describeScope, inWriteScope, isSinkDevice } from "../paths/scope.js";
import { ShellTracker, type ShellState } from "../paths/shell-state.js";
import { expandWordText, isPlainWordText } from "../paths/word.js";
import type { ShellCommand } from "../shell/model.js";
import type { Finding, RuleId } from "../types.js";
import {
  CONTENT_READERS, CREDENTIAL_MENTIONS, FILE_LISTERS, GIT_READ_ONLY, GIT_SHOWS_CONTENT, GLOBAL_INSTALL, INTERPRETERS, MULTICALL,
  NON_READING_OPTIONS, NON_READING_PROGRAMS, PATTERN_FIRST, READ_REDIRECTS, TREE_READERS, WRITE_REDIRECTS,
  WRITE_RULES, type HandlerName, type ProgramPathRule,
} from "./shell-paths.rules.js";

const RULES_BY_PROGRAM = new Map<string, ProgramPathRule[]>();
const NO_RULES: readonly ProgramPathRule[] = [];
const NO_OPTIONS: readonly string[] = [];
/** Each rule's option spec, made once. */
const RULE_SPECS = new Map<ProgramPathRule, OptionSpec>(WRITE_RULES.map((r) => [r, { shortValue: r.shortValue ?? "", longValue: r.longValue ?? [] }]));
const NO_FILTER: TreeFilter & { walk?: boolean } = {};
for (const rule of WRITE_RULES) for (const p of rule.programs) RULES_BY_PROGRAM.set(p, [...(RULES_BY_PROGRAM.get(p) ?? []), rule]);

/** A place a command writes. `path` (relative to the cwd) when it is not an argument itself (`tar x` → the cwd);
 *  `outside` when it is a location we know is outside without resolving it (`npm i -g`). `tree`: the whole tree at
 *  the path is deleted, moved or re-moded wholesale (`rm -r`, `mv`, `chmod -R`), so protected files below it count;
 *  writes *into* a directory (`tar x -C`, `cp … dir/`, `find -delete` with filters) check the directory's scope only. */
interface Target {
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
class ArgSet {
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
interface Effects {
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

function freshEffects(): Effects {
  EFFECTS.targets.length = 0;
  EFFECTS.notRead.clear();
  EFFECTS.treeReads.clear();
  EFFECTS.code.length = 0;
  EFFECTS.unknown.length = 0;
  EFFECTS.links.length = 0;
  EFFECTS.creates.length = 0;
  return EFFECTS;
}

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

class Evaluation {
  readonly findings: Finding[] = [];
  readonly inside: string[] = [];
  private readonly cwd: string | undefined;
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
    // find's own handler checks the roots that `{}` stands for; the clause's other words still count.
    if (fromFind) words = words.filter((w) => !(w.features?.includes("input") ?? w.value === "{}"));
    const args = expandArgs(words, env, this.cwd);
    for (const rule of RULES_BY_PROGRAM.get(program) ?? NO_RULES) {
      const parsed = parseArgs(args, RULE_SPECS.get(rule)!);
      if (rule.onlyIf && !hasOption(parsed, rule.onlyIf)) continue;
      if (rule.skipIf && hasOption(parsed, rule.skipIf)) continue;
      const before = fx.targets.length;
      extract(rule, program, parsed, args, fx, this);
      if (fedByXargs && (fx.targets.length > before || rule.targets.shape === "operands" || rule.targets.shape === "destination")) {
        fx.unknown.push(`${program} gets more arguments from ${this.cmd.via.find((v) => v.startsWith("xargs") || v.startsWith("parallel")) ?? "its input"}, which we cannot see`);
      }
    }
    for (const t of fx.targets) this.target(t);
    if (fx.unknown.length > 0) {
      this.findings.push(ask("scope.unknown-target", `hookwarden cannot tell where ${commandText(this.cmd)} writes (${fx.unknown[0]}), so it asks you first.`));
    }
    for (const l of fx.links) this.noteLink(l.link, l.target);
    for (const c of fx.creates) this.noteCreated(c);
    this.reads(program, args, fx);
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
      const parsed = (patternParsed = parseArgs(args, { shortValue: pattern.shortValue, longValue: pattern.longValue }));
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
   *  xargs cat`, `find ~ -name id_rsa -exec cat {} +`). When the lister would list a credential, the reader reads it.
   *  Names from elsewhere (`cat list.txt | xargs cat`) are not followed. */
  private listedReads(program: string, fromFind: boolean): void {
    const listers: { name: string; argv: readonly ShellCommand["args"][number][] }[] = [];
    const findWrapper = this.cmd.wrappers?.find((w) => w.name === "find");
    if (fromFind && findWrapper) listers.push({ name: "find", argv: findWrapper.argv.slice(1) });
    else {
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

// ── per-program extraction ────────────────────────────────────────────────────────────────────────────────────────

function extract(rule: ProgramPathRule, program: string, p: ParsedArgs, all: readonly Arg[], fx: Effects, ev: Evaluation): void {
  const recursive = rule.recursive !== undefined && hasOption(p, rule.recursive);
  const t = (arg: Arg, extra: Partial<Target> = {}): Target => ({ arg, verb: rule.verb, ruleId: rule.id, followsLink: rule.followsLink, tree: recursive, ...extra });
  const shape = rule.targets;
  if (rule.readsOperands === false) for (const a of p.operands) fx.notRead.add(a);
  switch (shape.shape) {
    case "operands": {
      const files = skipLeading(shape.skip, p, all);
      if (p.unknown.length > 0) fx.unknown.push(`the argument ${p.unknown[0]!.text} is not known before the command runs`);
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
    case "keywords": {
      for (const a of p.operands) {
        const m = a.value !== undefined ? /^([a-z]+)=(.*)$/.exec(a.value) : null;
        if (a.value === undefined) {
          fx.unknown.push(`the argument ${a.text} is not known before the command runs`);
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

function isDirArg(a: Arg, ev: Evaluation): boolean {
  if (a.value === undefined) return false;
  const r = ev.resolveArg(a.value);
  return r.kind === "path" && isDirectory(r.path);
}

const CHMOD_FLAG = /^(-[RcfvHLP]+|--(recursive|changes|silent|quiet|verbose|no-preserve-root|preserve-root|dereference|no-dereference|reference=.*|from=.*))$/;

/** Operands after chmod's MODE / chown's OWNER. chmod accepts modes that look like options (`chmod -x f`). */
function skipLeading(skip: "mode" | "owner" | undefined, p: ParsedArgs, all: readonly Arg[]): readonly Arg[] {
  if (skip === undefined) return p.operands;
  if (hasOption(p, ["--reference"])) return p.operands;
  const files: Arg[] = [];
  let skipped = false;
  let dashdash = false;
  for (const a of all) {
    if (!dashdash && a.value === "--") {
      dashdash = true;
      continue;
    }
    if (!dashdash && a.value !== undefined && CHMOD_FLAG.test(a.value)) continue;
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
  if (p.unknown.length > 0) fx.unknown.push(`the argument ${p.unknown[0]!.text} is not known before the command runs`);
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
  "in-place-editor": (rule, program, _p, all, fx, _ev, t) => {
    if (program === "perl") return perlInPlace(all, fx, t);
    const spec = PATTERN_FIRST[program === "gsed" ? "sed" : program] ?? PATTERN_FIRST.sed!;
    const p = parseArgs(all, { shortValue: spec.shortValue + (program.endsWith("awk") ? "i" : ""), longValue: [...spec.longValue] });
    const scriptOptions = spec.patternOptions;
    const scripts: Arg[] = optionValues(p, scriptOptions.filter((o) => o !== "-f" && o !== "--file"));
    const operands = [...p.operands];
    if (!hasOption(p, scriptOptions) && operands.length > 0) scripts.push(operands.shift()!);
    const inPlace = program.endsWith("awk")
      ? p.options.some((o) => (o.name === "-i" || o.name === "--include") && o.value?.value === "inplace")
      : hasOption(p, ["-i", "--in-place"]);
    if (program.endsWith("awk")) fx.code.push(...scripts.map((s) => s.value ?? ""));
    if (inPlace) {
      if (p.unknown.length > 0) fx.unknown.push(`the argument ${p.unknown[0]!.text} is not known before the command runs`);
      for (const a of operands) {
        fx.notRead.add(a);
        fx.targets.push(t(a));
      }
    }
    if (!program.endsWith("awk")) {
      for (const s of scripts) {
        if (s.value === undefined) continue;
        for (const file of sedWriteFiles(s.value)) fx.targets.push(t({ ...s, value: file, text: file }, { followsLink: true }));
      }
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
  compressor: (_rule, _program, _p, all, fx, _ev, t) => {
    const p = parseArgs(all, { shortValue: "oSbL", longValue: ["suffix", "output"] });
    for (const o of optionValues(p, ["-o", "--output"])) {
      fx.notRead.add(o);
      fx.targets.push(t(o));
    }
    if (hasOption(p, ["-c", "--stdout", "--to-stdout", "-t", "--test", "-l", "--list"])) return;
    if (optionValues(p, ["-o", "--output"]).length > 0) return;
    if (p.unknown.length > 0) fx.unknown.push(`the argument ${p.unknown[0]!.text} is not known before the command runs`);
    for (const a of p.operands) {
      fx.notRead.add(a);
      fx.targets.push(t(a));
    }
  },
  patch: (rule, _program, _p, all, fx, _ev, t) => {
    const p = parseArgs(all, { shortValue: "pdiBoYrzFDVg", longValue: ["strip", "directory", "input", "prefix", "output", "basename-prefix", "reject-file", "suffix", "fuzz", "ifdef", "version-control", "get", "quoting-style", "reject-format", "read-only"] });
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
      const p = parseArgs(all, { shortValue: "fbn", longValue: ["prefix", "suffix-format", "digits"] });
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
    const p = parseArgs(all, { shortValue: "abClnt", longValue: ["additional-suffix", "bytes", "line-bytes", "lines", "number", "separator", "suffix-length", "filter"] });
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
    if (dirs.length > 0) {
      for (const d of dirs) {
        fx.notRead.add(d);
        fx.targets.push(t(d, { tree: false }));
      }
    } else if (template && !hasOption(p, ["-t"])) {
      fx.notRead.add(template);
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
  for (const inner of find.execPrograms) {
    const innerRules = RULES_BY_PROGRAM.get(inner)?.filter((r) => r.id !== "writes.find" && r.id !== "writes.download");
    if (innerRules && innerRules.length > 0) writes ??= `${innerRules[0]!.verb} files under`;
  }
  if (writes === undefined) return;
  if (find.roots.length === 0) fx.targets.push(cwdTarget(rule, writes));
  for (const r of find.roots) fx.targets.push(t(r, { tree: false, verb: writes }));
}

function gitEffects(rule: ProgramPathRule, all: readonly Arg[], fx: Effects, ev: Evaluation, t: (a: Arg, extra?: Partial<Target>) => Target): void {
  const git = readGitArgv(all);
  for (const w of git.optionWords) fx.notRead.add(w);
  if (git.unknown) {
    fx.unknown.push(`the git option ${git.unknown.text} is not known before the command runs`);
    return;
  }
  const dir = git.dir;
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
function interpreterCode(program: string, args: readonly Arg[], options: readonly string[], fx: Effects): string[] {
  const out: string[] = [];
  if (options.includes("")) {
    // awk: the first operand is the program unless -f gives a file.
    const p = parseArgs(args, { shortValue: "fvF", longValue: ["file", "assign", "field-separator"] });
    if (!hasOption(p, ["-f", "--file"]) && p.operands[0]?.value !== undefined) {
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
