// Blocklist: programs denied wherever they appear in the command tree (any depth, any wrapper), and redirections that
// open `/dev/tcp` / `/dev/udp`. Tables: blocklist.rules.ts plus the policy's add/remove lists.
// Does not own: what network commands that are not blocked may do (network-shell.ts asks for those).
import type { Context } from "../context-types.js";
import type { ShellCommand, Word } from "../shell/model.js";
import { programName } from "../shell/programs.js";
import type { Finding, Layer, RuleId } from "../types.js";
import { BLOCKLIST, NETWORK_DEVICES, POLICY_BLOCK_INSTEAD } from "./blocklist.rules.js";

interface Entry {
  readonly id: RuleId;
  readonly layer: Layer;
  readonly does: string;
  readonly instead: string;
  readonly file?: string;
}

/** Built once per policy object: the tables are read on every call, the policy does not change during one. */
const EFFECTIVE = new WeakMap<object, ReadonlyMap<string, Entry>>();

/** Program (lower case) → why it is blocked, after the policy's additions and removals. */
export function effectiveBlocklist(ctx: Context): ReadonlyMap<string, Entry> {
  let map = EFFECTIVE.get(ctx.policy);
  if (map === undefined) EFFECTIVE.set(ctx.policy, (map = buildBlocklist(ctx)));
  return map;
}

function buildBlocklist(ctx: Context): ReadonlyMap<string, Entry> {
  const map = new Map<string, Entry>();
  for (const rule of BLOCKLIST) for (const p of rule.programs) map.set(p, { id: rule.id, layer: "builtin", does: rule.does, instead: rule.instead });
  for (const r of ctx.policy.blocklistRemove) map.delete(r.program.toLowerCase());
  for (const a of ctx.policy.blocklistAdd) {
    const key = a.program.toLowerCase();
    if (!map.has(key)) map.set(key, { id: "blocklist.policy", layer: a.layer, does: a.reason ? a.reason.replace(/[.\s]+$/, "") : "", instead: POLICY_BLOCK_INSTEAD, file: a.file });
  }
  return map;
}

/** `CURL`, `curl.exe`, `/usr/bin/curl` and zsh's `=curl` (equals expansion) are all curl to the blocklist. */
function key(name: string): string {
  const lower = programName(name.startsWith("=") ? name.slice(1) : name).toLowerCase();
  return lower.endsWith(".exe") ? lower.slice(0, -4) : lower;
}

function where(cmd: ShellCommand): string {
  const parts: string[] = [];
  if (cmd.via.length) parts.push(`through ${cmd.via.map((v) => `\`${v}\``).join(" → ")}`);
  if (cmd.position.includes("$(…)")) parts.push("inside a command substitution");
  if (cmd.position.includes("<(…)")) parts.push("inside a process substitution");
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function mentionsDevice(w: Word): boolean {
  for (const p of NETWORK_DEVICES.prefixes) if (w.value.includes(p) || w.text.includes(p)) return true;
  return false;
}

/** Bash opens a connection only for a redirection whose target *is* `/dev/tcp/HOST/PORT` (it matches the name, it
 *  is not a file): a literal target must start with it; a target with expansions may become it. */
function opensDevice(w: Word): boolean {
  if (w.dynamic) return mentionsDevice(w);
  return NETWORK_DEVICES.prefixes.some((p) => w.value.startsWith(p));
}

export function checkBlocklist(commands: readonly ShellCommand[], ctx: Context): Finding[] {
  const blocked = effectiveBlocklist(ctx);
  const out: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const k = `${f.rule}\u0000${f.reason}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  };
  const check = (n: string, cmd: ShellCommand) => {
    const entry = blocked.get(key(n));
    if (!entry) return;
    const what = entry.file ? `\`${n}\` is blocklisted by ${entry.file}${entry.does ? ` (${entry.does})` : ""}` : `\`${n}\` ${entry.does}, which is blocked here`;
    add({
      severity: "deny",
      rule: entry.id,
      layer: entry.layer,
      reason: `${what}; it appears in this command${where(cmd)}. Instead, ${entry.instead}.`,
      span: cmd.span,
    });
  };
  const carriers = deviceCarriers(commands);
  for (const cmd of commands) {
    if (cmd.name.kind === "literal" && cmd.name.value) check(cmd.name.value, cmd);
    // A wrapper we could not see through (`sudo --unknown-flag curl x`): its words may be the program it runs.
    if (cmd.unresolved) for (const a of cmd.args) if (!a.dynamic) check(a.value, cmd);
    const device = deviceWord(cmd, carriers);
    if (device) {
      add({
        severity: "deny",
        rule: NETWORK_DEVICES.id,
        layer: "builtin",
        reason: `\`${device.text}\` opens a network connection through bash's /dev/tcp or /dev/udp, which is blocked here. Instead, use the WebFetch tool, or ask the user to make the connection.`,
        span: cmd.span,
      });
    }
  }
  return out;
}

const HEREDOCS = new Set(["<<", "<<-", "<<<"]);
const POSITIONAL = /\$\{?[0-9@*]/;

/** The word that opens /dev/tcp or /dev/udp in this command. Bash connects only for a redirection whose target *is*
 *  `/dev/tcp/HOST/PORT`; elsewhere the name is just a path (`echo /dev/tcp/x/1`, `grep -r /dev/tcp/ docs`, and `cat
 *  /dev/tcp/h/80` finds no such file) — unless an expansion carries it on: `D=/dev/tcp/h/80; exec 3<>$D`, `C='cat
 *  </dev/tcp/h/80'; eval "$C"`, `bash -c 'cat < "$1"' _ /dev/tcp/h/80`. */
function deviceWord(cmd: ShellCommand, carriers: Carriers): Word | undefined {
  for (const r of cmd.redirects) {
    if (HEREDOCS.has(r.op)) continue;
    if (opensDevice(r.target)) return r.target;
    if (carriers.argument && r.target.dynamic && POSITIONAL.test(r.target.text)) return carriers.argument;
  }
  if (carriers.variables.length === 0) return undefined;
  const words = [...cmd.args, ...cmd.redirects.map((r) => r.target), ...(cmd.name.kind === "dynamic" ? [{ text: cmd.name.text, value: "", dynamic: true }] : [])];
  for (const v of carriers.variables) {
    const use = new RegExp(`\\$\\{?${v.name}\\b`);
    if (words.some((w) => w.dynamic && use.test(w.text))) return v.value;
  }
  return undefined;
}

/** Words of the call that name a network device where an expansion could pick them up: assigned values (by name) and
 *  arguments (as positional parameters of a `sh -c` string or a function). */
interface Carriers {
  readonly variables: readonly { readonly name: string; readonly value: Word }[];
  readonly argument?: Word;
}

function deviceCarriers(commands: readonly ShellCommand[]): Carriers {
  const variables: { name: string; value: Word }[] = [];
  let argument: Word | undefined;
  for (const cmd of commands) {
    for (const a of cmd.assignments) if (mentionsDevice(a.value)) variables.push(a);
    argument ??= cmd.args.find(mentionsDevice);
    // `bash -c CODE _ ARG`: the shell's own words live on the commands it runs, as their wrapper's argv.
    for (const w of cmd.wrappers ?? []) argument ??= w.argv.find(mentionsDevice);
  }
  return argument ? { variables, argument } : { variables };
}
