// Blocklist: programs denied wherever they appear in the command tree (any depth, any wrapper), and redirections or
// arguments that open `/dev/tcp` / `/dev/udp`. Tables: blocklist.rules.ts plus the policy's add/remove lists.
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

function hasDevice(w: Word): boolean {
  for (const p of NETWORK_DEVICES.prefixes) if (w.value.includes(p) || w.text.includes(p)) return true;
  return false;
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
  for (const cmd of commands) {
    if (cmd.name.kind === "literal" && cmd.name.value) check(cmd.name.value, cmd);
    // A wrapper we could not see through (`sudo --unknown-flag curl x`): its words may be the program it runs.
    if (cmd.unresolved) for (const a of cmd.args) if (!a.dynamic) check(a.value, cmd);
    const device = deviceWord(cmd);
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

/** The first argument, redirection target or assigned value that names /dev/tcp or /dev/udp. */
function deviceWord(cmd: ShellCommand): Word | undefined {
  for (const w of cmd.args) if (hasDevice(w)) return w;
  for (const r of cmd.redirects) if (hasDevice(r.target)) return r.target;
  for (const a of cmd.assignments) if (hasDevice(a.value)) return a.value;
  return undefined;
}
