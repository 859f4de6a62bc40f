// Read-only: whether a simple command only reads (DESIGN.md's safe set, with the options that make each one safe),
// and the allow finding when every command of a call does. Table: readonly.rules.ts. Does not own: which files are
// read (credential reads are shell-paths.ts), allowlists (allowlist.ts).
import type { Context } from "../context-types.js";
import type { LazyRule } from "../table.js";
import { splitGit } from "../shell/git.js";
import { resolveLong, unresolvedLong, type LongOptions } from "../shell/long-options.js";
import type { Redirect, ShellCommand, Word, Wrapper } from "../shell/model.js";
import { assignsFile, fileVariable } from "../shell/env-files.js";
import { GIT_LONG_OPTIONS, GNU_LONG_OPTIONS } from "../shell/program-options.js";
import { dangerousVariableSet, isDangerousVariable, SYSTEM_BIN_DIRS } from "../shell/programs.js";
import { mayBeOption } from "../shell/words.js";
import { declaresNameref, runtimeNamedOperand } from "../shell/declarations.js";
import { sedInvocation, sedScriptReadOnly } from "../shell/sed.js";
import type { Finding } from "../types.js";
import { GIT_GLOBAL_FORBID, GIT_LISTING, GIT_READ_ONLY, READ_ONLY, type ReadOnlyRule } from "./readonly.rules.js";

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

const OK: Verdict = { ok: true };
const no = (why: string): Verdict => ({ ok: false, why });

const BY_PROGRAM: ReadonlyMap<string, LazyRule<ReadOnlyRule>> = new Map(READ_ONLY.flatMap((r) => r.programs.map((p) => [p, r] as const)));

const WRITE_OPS = new Set([">", ">>", ">|", "&>", "&>>", "<>"]);
const HARMLESS_TARGETS = new Set(["/dev/null", "/dev/stdout", "/dev/stderr"]);
const NO_REDIRECTS: readonly Redirect[] = [];
const NONE: readonly string[] = [];

/** Redirections that write a file (not `2>&1`, not `/dev/null`). */
export function writeRedirects(cmd: ShellCommand): Redirect[] {
  return cmd.redirects.filter((r) => {
    if (r.op === ">&" || r.op === "<&") return r.target.dynamic || !/^(\d+|-|\d+-)$/.test(r.target.value);
    if (!WRITE_OPS.has(r.op)) return false;
    return r.target.dynamic || !HARMLESS_TARGETS.has(r.target.value);
  });
}

/** Is this one simple command read-only-safe? The reason says why not, for `bash.unmatched`. */
export function readOnlyVerdict(cmd: ShellCommand): Verdict {
  if (cmd.unresolved) return no(cmd.unresolved);
  if (cmd.name.kind === "dynamic") return no(`its program name \`${cmd.name.text}\` is only known at run time`);
  const privileged = cmd.wrappers?.find(isPrivileged);
  if (privileged) return no(`it runs as another user through \`${privileged.name}\``);
  const danger = cmd.assignments.find(setsDangerousVariable)?.name ?? (cmd.name.value ? dangerousVariableSet(cmd.name.value, cmd.args) : undefined);
  if (danger) return no(`it sets ${danger}, which changes what programs run or load`);
  const file = cmd.assignments.find(namesWrittenFile);
  if (file) return no(`it sets ${file.name}, which would ${fileVariable(file.name)!.verb} \`${file.value.text}\``);
  const writes = cmd.redirects.length === 0 ? NO_REDIRECTS : writeRedirects(cmd);
  if (writes.length) return no(`it writes to ${writes.map((r) => `\`${r.target.text}\``).join(", ")}`);
  const name = cmd.name.value;
  if (name === "") return OK; // only assignments and harmless redirections
  if (cmd.synthetic) return OK;
  if (cmd.program !== undefined && !fromSystemDir(cmd.program)) return no(`\`${cmd.program}\` is a program from that path, not the system's \`${name}\``);
  const rule = BY_PROGRAM.get(name);
  if (!rule) return no(`\`${name}\` is not in the read-only set`);
  return ruleVerdict(rule.rule(), name, cmd.args);
}

/** `--compress-prog=sh` as the option it abbreviates (`--compress-program=sh`), for a program whose long options
 *  are listed; a word that names none of them, or several, is not read-only (the program's reading is unknown). */
function fullOption(v: string, long: LongOptions | undefined, program: string): { ok: true; word: string; shown: string } | { ok: false; verdict: Verdict } {
  const shown = `\`${program} ${v}\``;
  if (long === undefined || !v.startsWith("--")) return { ok: true, word: v, shown };
  const m = resolveLong(v, long);
  if (!m.ok) return { ok: false, verdict: no(unresolvedLong(program, m)) };
  const word = m.inline === undefined ? m.name : `${m.name}=${m.inline}`;
  return { ok: true, word, shown: word === v ? shown : `${shown} (\`${word}\`)` };
}

/** A `forbid` word (`--output`, `--output=x`, `-s*`) or a `forbidShort` letter in a short cluster, up to the first
 *  letter that takes the rest as its value (`sort -k1o` is a key, `sort -uo` an output). */
function forbidden(word: string, rule: { readonly forbid?: readonly string[]; readonly forbidShort?: string; readonly shortValue?: string }): boolean {
  for (const f of rule.forbid ?? NONE) {
    if (f.endsWith("*") ? word.startsWith(f.slice(0, -1)) : word === f || (f.startsWith("--") && word.startsWith(`${f}=`))) return true;
  }
  if (!rule.forbidShort || word.startsWith("--")) return false;
  for (let k = 1; k < word.length; k++) {
    if (rule.forbidShort.includes(word[k]!)) return true;
    if (rule.shortValue?.includes(word[k]!)) return false;
  }
  return false;
}

// Callbacks made once, not per command.
const isPrivileged = (w: Wrapper): boolean => w.privileged === true;
const setsDangerousVariable = (a: { readonly name: string }): boolean => isDangerousVariable(a.name);
const namesWrittenFile = (a: { readonly name: string; readonly value: Word }): boolean => assignsFile(a.name, a.value);

function fromSystemDir(program: string): boolean {
  const slash = program.lastIndexOf("/");
  return slash > 0 && SYSTEM_BIN_DIRS.has(program.slice(0, slash));
}

function ruleVerdict(rule: ReadOnlyRule, name: string, args: readonly Word[]): Verdict {
  const long = GNU_LONG_OPTIONS[name];
  let operands = 0;
  let endOfOptions = false;
  for (const a of args) {
    if (a.dynamic) {
      if (rule.optionSensitive && !endOfOptions && mayBeOption(a)) return no(`\`${a.text}\` is only known at run time and could be an option of ${name}`);
      operands++;
      continue;
    }
    const v = a.value;
    if (endOfOptions || !v.startsWith("-") || v === "-") {
      operands++;
      continue;
    }
    if (v === "--") {
      endOfOptions = true;
      continue;
    }
    const option = fullOption(v, long, name);
    if (!option.ok) return option.verdict;
    if (forbidden(option.word, rule)) return no(`${option.shown} can write files or run programs`);
  }
  if (rule.maxOperands !== undefined && operands > rule.maxOperands) return no(`\`${name}\` with ${operands} operands writes its last one`);
  if (rule.require && !args.some((a) => rule.require!.includes(a.value))) return no(`\`${name}\` runs a program unless given ${rule.require.join(" or ")}`);
  switch (rule.special) {
    case undefined:
      return OK;
    case "sed":
      return sedVerdict(args);
    case "git":
      return gitVerdict(args);
    case "jq":
      return jqVerdict(args);
    case "printf":
      return args.some((a) => a.value === "-v" || (!a.dynamic && /^-v./.test(a.value))) ? no("`printf -v` sets a shell variable") : OK;
    case "set":
      return setVerdict(args);
    case "declaration":
      return declarationVerdict(name, args);
    default: {
      const never: never = rule.special;
      return never;
    }
  }
}

// ── sed ──────────────────────────────────────────────────────────────────────────────────────────────────────────

function sedVerdict(args: readonly Word[]): Verdict {
  const inv = sedInvocation(args);
  if (!inv.ok) return no(inv.why);
  if (inv.sandbox) return OK; // GNU sed --sandbox rejects w, e and r itself
  for (const s of inv.scripts) {
    if (s.dynamic) return no(`the sed script \`${s.text}\` is only known at run time`);
    if (!sedScriptReadOnly(s.value)) return no(`the sed script \`${s.value}\` writes files or runs commands (w, W, e, r or an s///e or s///w flag)`);
  }
  return OK;
}

// ── git ────────────────────────────────────────────────────────────────────────────────────────────────────────

function gitVerdict(args: readonly Word[]): Verdict {
  const call = splitGit(args);
  if (!call.ok) return no(call.reason);
  const bad = call.globals.find((g) => GIT_GLOBAL_FORBID.includes(g.name));
  if (bad) return no(`\`git ${bad.name}\` can run a program or write files`);
  if (!call.sub) return OK; // `git`, `git --version`
  if (call.sub.dynamic) return no(`the git subcommand \`${call.sub.text}\` is only known at run time`);
  const sub = call.sub.value;
  const spec = GIT_READ_ONLY[sub];
  if (!spec) return no(`\`git ${sub}\` is not a read-only git command`);
  const long = GIT_LONG_OPTIONS[sub];
  for (const a of call.args) {
    if (a.dynamic) {
      if (mayBeOption(a)) return no(`\`${a.text}\` is only known at run time and could be an option of git ${sub}`);
      continue;
    }
    if (a.value === "--") break; // paths follow
    if (!a.value.startsWith("-")) continue;
    const option = fullOption(a.value, long, `git ${sub}`);
    if (!option.ok) return option.verdict;
    if (forbidden(option.word, spec)) return no(`${option.shown} can write files or run programs`);
  }
  switch (spec.special) {
    case undefined:
      return OK;
    case "branch":
    case "tag":
      return listingVerdict(spec.special, call.args, GIT_LISTING[spec.special], GIT_LONG_OPTIONS[spec.special]!);
    case "remote":
      return remoteVerdict(call.args);
    case "stash":
      return call.args.length === 0 || !["list", "show"].includes(call.args[0]!.value) ? no("`git stash` changes the working tree unless it is `stash list` or `stash show`") : OK;
    case "reflog": {
      const a = call.args;
      return a.length === 0 || a[0]!.value === "show" || (a[0]!.value.startsWith("-") && !a.some((w) => ["expire", "delete"].includes(w.value))) ? OK : no("`git reflog` edits the reflog unless it only shows it");
    }
    default: {
      const never: never = spec.special;
      return never;
    }
  }
}

/** `git branch` / `git tag` only list: listing options, and patterns only with `--list`. parse-options reads options
 *  anywhere, and `--color[=WHEN]` never takes the next word: `git branch --color NAME` creates NAME. */
function listingVerdict(sub: "branch" | "tag", args: readonly Word[], listingOptions: readonly string[], long: LongOptions): Verdict {
  const operands: string[] = [];
  let listing = false;
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (endOfOptions || !v.startsWith("-") || v === "-") {
      operands.push(v);
      continue;
    }
    if (v === "--") {
      endOfOptions = true;
      continue;
    }
    let name = v;
    if (v.startsWith("--")) {
      const m = resolveLong(v, long);
      if (!m.ok) return no(unresolvedLong(`git ${sub}`, m));
      name = m.name;
      if (m.arity === "value" && m.inline === undefined) i++; // --sort KEY, --merged COMMIT
    } else if (sub === "tag" && /^-n[0-9]*$/.test(v)) continue;
    if (!listingOptions.includes(name)) return no(`\`git ${sub} ${v}\` changes ${sub === "tag" ? "tags" : "branches"}`);
    if (name === "-l" || name === "--list") listing = true;
  }
  if (operands.length > 0 && !listing) return no(`\`git ${sub} ${operands[0]}\` creates a ${sub}`);
  return OK;
}

function remoteVerdict(args: readonly Word[]): Verdict {
  const words = args.filter((a) => a.value !== "-v" && a.value !== "--verbose");
  if (words.length === 0) return OK;
  if (words[0]!.value === "get-url") return OK;
  return no(`\`git remote ${words[0]!.value}\` changes or contacts remotes`);
}

// ── jq, set, declarations ──────────────────────────────────────────────────────────────────────────────────────

const JQ_VALUE_OPTIONS = new Set(["--indent", "-L", "--tab"]);
const JQ_TWO_VALUES = new Set(["--arg", "--argjson", "--slurpfile", "--rawfile"]);

function jqVerdict(args: readonly Word[]): Verdict {
  let filter: Word | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.value;
    if (!a.dynamic && v.startsWith("-") && v !== "-") {
      if (v === "-f" || v === "--from-file") return no("`jq -f` reads its program from a file");
      if (JQ_TWO_VALUES.has(v)) i += 2;
      else if (JQ_VALUE_OPTIONS.has(v) && v !== "--tab") i++;
      else if (v === "--args" || v === "--jsonargs") break;
      continue;
    }
    filter = a;
    break;
  }
  if (!filter) return OK;
  if (filter.dynamic) return no(`the jq program \`${filter.text}\` is only known at run time`);
  // `env` / `$ENV` print the environment, which holds secrets (the reason `env` itself is not read-only).
  if (/\$ENV\b|(^|[^A-Za-z0-9_$])env\b/.test(filter.value)) return no("the jq program reads the environment, which can hold secrets");
  return OK;
}

function setVerdict(args: readonly Word[]): Verdict {
  if (args.length === 0) return no("`set` without options prints every shell variable, secrets included");
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (args[i]!.dynamic) return no(`\`set ${args[i]!.text}\` is only known at run time`);
    if (v === "--") return OK;
    if (!/^[-+][a-zA-Z]+$/.test(v)) return no(`\`set ${v}\` is not an option`);
    if (/o$/.test(v)) {
      if (args[i + 1] === undefined) return no("`set -o` without a name prints every option");
      i++;
    }
  }
  return OK;
}

function declarationVerdict(name: string, args: readonly Word[]): Verdict {
  const operands = args.filter((a) => a.dynamic || !a.value.startsWith("-"));
  const prints = args.some((a) => !a.dynamic && /^-[a-zA-Z]*p/.test(a.value));
  if (prints || (operands.length === 0 && name !== "local")) return no(`\`${name}\` without a name prints variables, secrets included`);
  const unnamed = runtimeNamedOperand(name, args);
  if (unnamed) return no(`\`${unnamed.text}\` names a variable only known at run time`);
  if (declaresNameref(name, args)) return no(`\`${name} -n\` makes a name refer to another variable`);
  return OK;
}

// ── the check ──────────────────────────────────────────────────────────────────────────────────────────────────

/** One allow finding when every simple command only reads; nothing otherwise (allowlist.ts and bash.ts speak then). */
export function checkReadonly(commands: readonly ShellCommand[], _ctx: Context): Finding[] {
  if (commands.length === 0) return [];
  for (const c of commands) if (!readOnlyVerdict(c).ok) return [];
  return [{ severity: "allow", rule: "readonly.safe", layer: "builtin", reason: "Every command only reads." }];
}
