// Network effects of Bash commands: which simple commands reach the network through a program that is not
// blocklisted (git fetch, npm install, ssh, docker pull, gh…), and the host when the arguments say it. Each such
// command gets an ask `network.command` carrying the command's span, which an allowlist rule for that simple command
// may satisfy (allowlist.ts decides); a transport override or a tainted session gets an ask that no allowlist lifts.
// Does not own: blocklisted downloaders (curl, wget, nc: blocklist.ts), remote→exec (injection), web tools (network.ts).
import type { Context } from "../context-types.js";
import type { Redirect, ShellCommand, Word } from "../shell/model.js";
import type { Finding, RuleId } from "../types.js";
import { scanArgs, type OptionUse, type Scan } from "../net/argv.js";
import { computed, packageHosts, placeOf, remotePlace } from "../net/places.js";
import { copyRemote, gitRemote, imageRegistry, looksLikeHost, sshDestination, urlRemote, type Remote } from "../net/remote.js";
import { preview } from "../net/url.js";
import { abbreviates } from "../shell/long-options.js";
import { MODULE_LAUNCHERS, NETWORK_PROGRAMS, WRAPPERS, type LazyNetworkRule, type NetworkProgramRule, type NetworkSubcommand } from "./network.rules.js";

/** A program with its arguments, after wrappers (`sudo`, `env`, `command`) and `python -m` are peeled off. */
interface Invocation {
  readonly program: string;
  readonly args: readonly Word[];
  readonly assignments: readonly { readonly name: string; readonly value: Word }[];
  readonly via: readonly string[];
}

/** What the arguments say about the destination. */
interface Target {
  /** Readable destinations: hosts, `remote "origin"`, `the configured package mirrors`. */
  readonly places: readonly string[];
  /** Nothing leaves the machine (a local clone, an offline install, `rsync a/ b/`). */
  readonly local?: boolean;
  /** Extra ask reasons that an allowlist must not lift (a command run to connect). */
  readonly overrides: readonly string[];
  /** Appended to the reason (`and runs "uptime" there`). */
  readonly note?: string;
}

const BY_PROGRAM: ReadonlyMap<string, LazyNetworkRule> = new Map(NETWORK_PROGRAMS.flatMap((r) => r.programs.map((p) => [p, r] as const)));
const MAX_UNWRAP = 8;

export function checkShellNetwork(commands: readonly ShellCommand[], ctx: Context): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const command of commands) {
    for (const f of checkCommand(command, ctx)) {
      const key = `${f.rule}\u0000${f.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

const NONE: readonly Finding[] = [];
const WRAPPER_PROGRAMS: ReadonlySet<string> = new Set(WRAPPERS.flatMap((w) => w.programs));
const LAUNCHER_PROGRAMS: ReadonlySet<string> = new Set(MODULE_LAUNCHERS.flatMap((l) => l.programs));

/** Most commands (`ls`, `grep`, `echo`) are no wrapper, no module launcher and no network program: nothing to do. */
function mayReachNetwork(program: string): boolean {
  const base = program.replace(/-?[0-9][0-9.]*$/, "");
  return WRAPPER_PROGRAMS.has(program) || LAUNCHER_PROGRAMS.has(base) || BY_PROGRAM.has(program) || BY_PROGRAM.has(base);
}

function checkCommand(command: ShellCommand, ctx: Context): readonly Finding[] {
  if (command.name.kind !== "literal") return NONE;
  const program = programName(command.name.value);
  if (!mayReachNetwork(program)) return NONE;
  const inv = unwrap({ program, args: command.args, assignments: command.assignments, via: command.via });
  if (!inv) return [];
  const rule = ruleFor(inv.program);
  if (!rule) return [];
  const matched = matchSubcommand(rule, inv);
  if (!matched) return [];
  const shown = `\`${preview([inv.program, ...inv.args.map((a) => a.text)].join(" "), 100)}\``;
  const via = inv.via.length > 0 ? ` (run through ${inv.via.join(", ")})` : "";
  const span = command.span;
  const taint = ctx.taint ? ` while this session is marked by a likely prompt injection (${ctx.taint.family} in ${ctx.taint.source}); allowlists are suspended — approve only if you asked for it.` : "";
  if (matched === "dynamic") {
    const found = [ask("network.command", `${shown} runs ${inv.program} with a subcommand computed at run time, which may reach the network${via} — approve it only if you know what it expands to.`, span)];
    return taint ? [...found, ask("network.tainted", `${shown} may reach the network${taint}`, span)] : found;
  }
  const target = readTarget(rule, matched.sub, inv, matched.after, command.redirects);
  const overrides = target.overrides.map((o) => ask("network.transport-override", `${shown} ${o}; hookwarden asks even when the command is allowlisted — approve only if you set this up.`, span));
  // `git clone --upload-pack=… . d` never leaves the machine, and runs the command all the same.
  if (target.local) return overrides;
  const where = target.places.length > 0 ? target.places.join(", ") : "a remote host";
  const effect = (matched.sub.effect ?? rule.effect).replaceAll("{host}", where);
  const out: Finding[] = [
    ask("network.command", `${shown} ${effect}${target.note ?? ""}${via} — approve it, or allowlist it with \`Bash(${allowPrefix(inv, matched)}:*)\`.`, span),
  ];
  out.push(...overrides);
  if (taint) out.push(ask("network.tainted", `${shown} reaches ${where}${taint}`, span));
  return out;
}

function ask(rule: RuleId, reason: string, span: ShellCommand["span"]): Finding {
  return { severity: "ask", rule, layer: "builtin", reason, span };
}

/** `/usr/bin/Git.exe` → `git`. Lower case on purpose: case-insensitive file systems run `GIT` as git. */
function programName(name: string): string {
  let hit = PROGRAM_NAMES.get(name);
  if (hit === undefined) {
    if (PROGRAM_NAMES.size >= 1024) PROGRAM_NAMES.clear();
    hit = (name.split(/[\\/]/).pop() ?? name).toLowerCase().replace(/\.exe$/, "");
    PROGRAM_NAMES.set(name, hit);
  }
  return hit;
}

/** programName is pure and a long command names the same few programs thousands of times. */
const PROGRAM_NAMES = new Map<string, string>();

/** Exact name first, then without a version suffix (`pip3.12`, `python3`, `easy_install-3.8`). */
function ruleFor(program: string): NetworkProgramRule | undefined {
  return (BY_PROGRAM.get(program) ?? BY_PROGRAM.get(program.replace(/-?[0-9][0-9.]*$/, "")))?.rule();
}

function unwrap(start: Invocation): Invocation | undefined {
  let inv = start;
  for (let depth = 0; depth < MAX_UNWRAP; depth++) {
    const base = inv.program.replace(/-?[0-9][0-9.]*$/, "");
    const wrapper = WRAPPERS.find((w) => w.programs.includes(inv.program));
    const launcher = MODULE_LAUNCHERS.find((l) => l.programs.includes(base));
    if (wrapper) {
      const scan = scanArgs(inv.args, 0, new Set(wrapper.valueOptions), "getopt", true);
      if (scan.options.some((o) => wrapper.notRunning?.includes(o.name))) return undefined;
      const assignments = [...inv.assignments];
      let k = 0;
      while (wrapper.assignments && k < scan.operands.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(scan.operands[k]!.word.value)) {
        const w = scan.operands[k]!.word;
        const eq = w.value.indexOf("=");
        assignments.push({ name: w.value.slice(0, eq), value: { value: w.value.slice(eq + 1), text: w.text, dynamic: w.dynamic } });
        k++;
      }
      k += wrapper.skipOperands ?? 0;
      const inner = scan.operands[k];
      if (!inner || inner.word.dynamic) return undefined; // nothing runs, or a name we can't read: not ours to judge
      inv = { program: programName(inner.word.value), args: inv.args.slice(inner.index + 1), assignments, via: [...inv.via, inv.program] };
      continue;
    }
    if (launcher) {
      const at = moduleIndex(inv.args, launcher.flag, new Set(launcher.valueOptions));
      if (!at) return inv;
      inv = { program: programName(at.module), args: inv.args.slice(at.next), assignments: inv.assignments, via: [...inv.via, `${inv.program} ${launcher.flag}`] };
      continue;
    }
    return inv;
  }
  return inv;
}

/** `python3 -I -m pip install x` → module pip, its arguments start after it. `-c` first means no module. */
function moduleIndex(args: readonly Word[], flag: string, valueOptions: ReadonlySet<string>): { module: string; next: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.dynamic || !w.value.startsWith("-")) return undefined;
    if (w.value === flag) {
      const m = args[i + 1];
      return m && !m.dynamic ? { module: m.value, next: i + 2 } : undefined;
    }
    if (w.value.startsWith(flag) && w.value.length > flag.length) return { module: w.value.slice(flag.length), next: i + 1 };
    if (w.value === "-c") return undefined;
    if (valueOptions.has(w.value)) i++;
  }
  return undefined;
}

type Matched = { readonly sub: NetworkSubcommand; readonly after: number; readonly operand?: string } | "dynamic";

function matchSubcommand(rule: NetworkProgramRule, inv: Invocation): Matched | undefined {
  const args = inv.args;
  if (args.some((a) => !a.dynamic && a.value === "--help")) return undefined;
  if (rule.requireOption && !args.some((a) => !a.dynamic && rule.requireOption!.test(a.value))) return undefined;
  const style = rule.optionStyle ?? "getopt";
  const { global, named, anySub } = ruleTables(rule);
  const first = scanArgs(args, 0, global, style);
  const found = findNamed(named, first) ?? findNamed(named, scanArgs(args, 0, new Set(), style)); // 2nd pass: an unknown option swallowed nothing
  if (found) {
    const rest = scanArgs(args, found.after, new Set(found.sub.valueOptions ?? []), style);
    if (found.sub.needsOperand && rest.operands.length === 0) return undefined;
    const lead = rest.operands[0]?.word;
    if (found.sub.operandPattern && !(lead && (lead.dynamic || found.sub.operandPattern.test(lead.value)))) return undefined;
    return found;
  }
  const lead = first.operands[0];
  if (named.length > 0 && !anySub) {
    if (lead?.word.dynamic && named.some((s) => s.words.length > 0)) return "dynamic";
    if (!lead && rule.bare?.includes(inv.program) && rule.subcommands[0]) return { sub: rule.subcommands[0], after: args.length };
    return undefined;
  }
  if (!anySub) return undefined;
  const op = scanArgs(args, 0, new Set([...global, ...(anySub.valueOptions ?? [])]), style).operands[0];
  if (op && !op.word.dynamic && rule.localSubcommands?.includes(op.word.value)) return undefined;
  if (!op && !rule.requireOption && !rule.bare?.includes(inv.program)) return undefined;
  return { sub: anySub, after: 0, ...(op && !op.word.dynamic ? { operand: op.word.value } : {}) };
}

/** Per rule, computed once: its global value options, its named subcommands longest first, its catch-all. */
interface RuleTables {
  readonly global: ReadonlySet<string>;
  readonly named: readonly NetworkSubcommand[];
  readonly anySub: NetworkSubcommand | undefined;
}

const TABLES = new WeakMap<NetworkProgramRule, RuleTables>();

function ruleTables(rule: NetworkProgramRule): RuleTables {
  let t = TABLES.get(rule);
  if (t === undefined) {
    t = {
      global: new Set(rule.globalValueOptions ?? []),
      named: [...rule.subcommands].filter((s) => s.words.length > 0).sort((a, b) => b.words.length - a.words.length),
      anySub: rule.subcommands.find((s) => s.words.length === 0),
    };
    TABLES.set(rule, t);
  }
  return t;
}

function findNamed(named: readonly NetworkSubcommand[], scan: Scan): { sub: NetworkSubcommand; after: number } | undefined {
  const ops = scan.operands;
  for (const sub of named) {
    const n = sub.words.length;
    if (ops.length < n) continue;
    let same = true;
    for (let i = 0; i < n && same; i++) same = !ops[i]!.word.dynamic && ops[i]!.word.value === sub.words[i];
    if (same) return { sub, after: ops[n - 1]!.index + 1 };
  }
  return undefined;
}

function readTarget(rule: NetworkProgramRule, sub: NetworkSubcommand, inv: Invocation, after: number, redirects: readonly Redirect[]): Target {
  const style = rule.optionStyle ?? "getopt";
  const valueOpts = new Set([...(rule.globalValueOptions ?? []), ...(sub.valueOptions ?? []), ...(rule.hostOptions ?? [])]);
  const all = scanArgs(inv.args, 0, valueOpts, style);
  const operands = scanArgs(inv.args, after, new Set([...(sub.valueOptions ?? []), ...(rule.hostOptions ?? [])]), style).operands.map((o) => o.word);
  const overrides = overridesOf(rule, inv, all.options);
  const optionHosts = all.options.filter((o) => rule.hostOptions?.includes(o.name) && o.value).map((o) => placeOf(o.value!));
  // GOPROXY=https://a,direct · GH_HOST=ghe.example.org · GOPROXY=off (offline)
  const envValues = inv.assignments.filter((a) => rule.hostEnv?.includes(a.name)).flatMap((a) => (a.value.dynamic ? [a.value] : a.value.value.split(/[,|]/).map((v) => ({ ...a.value, value: v.trim() }))));
  const offline = all.options.some((o) => rule.offlineOptions?.includes(o.name)) || envValues.some((w) => !w.dynamic && w.value === "off");
  const fallback = [...optionHosts, ...envValues.filter((w) => w.dynamic || !["", "off", "direct"].includes(w.value)).map(placeOf)];
  const defaults = fallback.length > 0 ? fallback : rule.defaultHost ? [rule.defaultHost] : [];
  const first = operands[0];
  const fromStdin = inv.via.includes("xargs") ? ["hosts given on stdin (xargs)"] : [];
  switch (sub.host) {
    case "git-url": {
      if (!first) return { places: fromStdin.length > 0 ? fromStdin : ["a repository"], overrides };
      if (first.dynamic) return { places: [computed(first)], overrides };
      const r = gitRemote(first.value);
      return { places: [remotePlace(r)], overrides: [...overrides, ...helperOverride(r)], ...(r.kind === "local" ? { local: true } : {}) };
    }
    case "git-remote": {
      const repo = all.options.find((o) => o.name === "--repo" && o.value)?.value ?? first;
      if (!repo) return { places: [all.options.some((o) => o.name === "--all") ? "every remote" : "the configured remote"], overrides };
      if (repo.dynamic) return { places: [computed(repo)], overrides };
      const r = looksLikeRemoteSpec(repo.value) ? gitRemote(repo.value) : undefined;
      if (!r) return { places: [`remote "${preview(repo.value, 60)}"`], overrides };
      return { places: [remotePlace(r)], overrides: [...overrides, ...helperOverride(r)], ...(r.kind === "local" ? { local: true } : {}) };
    }
    case "ssh-destination": {
      if (!first) return { places: fromStdin, overrides, ...(fromStdin.length === 0 ? { local: true } : {}) };
      const jumps = all.options.filter((o) => o.name === "-J" && o.value).map((o) => `jump host ${placeOf(o.value!)}`);
      const dest = first.dynamic ? computed(first) : remotePlace(sshDestination(first.value));
      const remoteCommand = operands.slice(1).map((w) => w.text).join(" ");
      const stdin = redirects.some((r) => r.op === "<" || r.op === "<<" || r.op === "<<<") ? " with local input sent to it" : "";
      return { places: [dest, ...jumps], overrides, note: `${remoteCommand ? ` and runs \`${preview(remoteCommand, 80)}\` there` : ""}${stdin}` };
    }
    case "copy-operands": {
      const places: string[] = [];
      for (const w of operands) {
        if (w.dynamic) places.push(computed(w));
        else {
          const r = copyRemote(w.value);
          if (r) places.push(remotePlace(r));
        }
      }
      return places.length > 0 ? { places: unique(places), overrides } : { places: [], overrides, local: fromStdin.length === 0 };
    }
    case "name-operand": {
      const servers = operands.filter((w) => !w.dynamic && w.value.startsWith("@")).map((w) => `server ${placeOf({ ...w, value: w.value.slice(1) })}`);
      const names = operands.filter((w) => w.dynamic || (!w.value.startsWith("@") && looksLikeHost(w.value)));
      const pick = names.find((w) => w.dynamic || /[.:]/.test(w.value)) ?? names[0];
      const places = [...(pick ? [placeOf(pick)] : defaults), ...servers];
      return { places: places.length > 0 ? places : fromStdin, overrides };
    }
    case "image-operand": {
      if (!first) return { places: defaults, overrides };
      if (first.dynamic) return { places: [computed(first)], overrides };
      return { places: [imageRegistry(first.value, rule.defaultHost ?? "a registry")], overrides };
    }
    case "url-operands": {
      const places = unique(operands.filter((w) => w.dynamic || urlRemote(w.value)).map((w) => (w.dynamic ? computed(w) : remotePlace(urlRemote(w.value)!))));
      return places.length > 0 ? { places, overrides } : { places: [], overrides, local: true };
    }
    case "packages": {
      const extra = unique(operands.flatMap((w) => packageHosts(w, rule.operandHosts)));
      const places = unique([...(offline && fallback.length === 0 ? [] : defaults), ...extra]);
      return places.length > 0 ? { places, overrides } : { places: [], overrides, local: true };
    }
    case "fixed":
      return { places: defaults, overrides };
    default: {
      const never: never = sub.host;
      return never;
    }
  }
}

/** Things that make the program run a command of its choosing to connect, or connect somewhere else than written. */
function overridesOf(rule: NetworkProgramRule, inv: Invocation, options: readonly OptionUse[]): string[] {
  const out: string[] = [];
  for (const a of inv.assignments) {
    if (rule.commandEnv?.includes(a.name) || /^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(a.name)) out.push(`sets ${a.name}=${preview(a.value.value, 60)}, which makes ${inv.program} run a command or read settings of its own when it connects`);
  }
  for (const o of options) {
    // git and GNU programs take an unambiguous prefix of a long option: `--upload-p=x` (or `--upload-p x`) is
    // `--upload-pack`. Any prefix of a command option counts, ambiguous or not: asking is the safe reading.
    const abbreviated = rule.commandOptions?.find((c) => abbreviates(o.name, c));
    if (abbreviated) out.push(`passes ${o.name}${o.value ? ` ${preview(o.value.value, 60)}` : ""} (${abbreviated}), a command ${inv.program} runs to connect`);
    if (!o.value) continue;
    if (rule.commandOptions?.includes(o.name)) out.push(`passes ${o.name} ${preview(o.value.value, 60)}, a command ${inv.program} runs to connect`);
    const setting = rule.commandSettings?.find((s) => (s.option === o.name || abbreviates(o.name, s.option)) && (o.value!.dynamic || s.value.test(o.value!.value)));
    if (setting) out.push(`sets ${o.name}${o.name === setting.option ? "" : ` (${setting.option})`} ${preview(o.value.value, 60)}, which changes how or where ${inv.program} connects`);
  }
  return out;
}

function helperOverride(r: Remote): string[] {
  return r.kind === "helper" && r.helper === "ext" ? [`uses the ext:: transport, which runs \`${preview(r.address, 60)}\` as a command`] : [];
}

/** A remote-name-or-URL argument that is clearly a URL or `host:path` rather than a remote name. */
function looksLikeRemoteSpec(v: string): boolean {
  return /:\/\//.test(v) || /::/.test(v) || /^[^/]*:/.test(v) || /^(\.{0,2}\/|~)/.test(v);
}

function allowPrefix(inv: Invocation, matched: Exclude<Matched, "dynamic">): string {
  const words = matched.sub.words.length > 0 ? matched.sub.words : matched.operand ? [matched.operand] : [];
  return [inv.program, ...words].join(" ");
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
