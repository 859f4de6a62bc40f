// File tools (Read, Glob, Grep, LS, NotebookRead; Write, Edit, MultiEdit, NotebookEdit): credential reads, write
// scope, self-protection, Read/Edit path rules, and secrets in new content. Shell commands: shell-paths.ts.
import path from "node:path";
import type { Context } from "../context-types.js";
import { credentialBelow, matchCredential } from "../paths/credentials.js";
import { staticPrefix } from "../paths/globs.js";
import { matchPathRules, type Access } from "../paths/permission-rules.js";
import { matchProtected } from "../paths/protected.js";
import { resolveAgainst, type Resolution } from "../paths/resolve.js";
import { describeScope, inWriteScope } from "../paths/scope.js";
import { finding, type Finding, type RuleId } from "../types.js";
import { table } from "../table.js";

const READ_TOOLS: Readonly<Record<string, string>> = table({ Read: "file_path", NotebookRead: "notebook_path", LS: "path", Grep: "path", Glob: "path" });
const WRITE_TOOLS: Readonly<Record<string, string>> = table({ Write: "file_path", Edit: "file_path", MultiEdit: "file_path", NotebookEdit: "notebook_path" });
/** Tools whose path may be left out (they search the cwd). */
const OPTIONAL_PATH = new Set(["Grep", "Glob"]);
/** Modes in which Claude Code itself writes inside the project without asking. */
const EDIT_MODES = new Set(["acceptEdits", "bypassPermissions"]);

export function checkFileTool(toolName: string, toolInput: Record<string, unknown>, ctx: Context): Finding[] {
  const field = READ_TOOLS[toolName] ?? WRITE_TOOLS[toolName];
  if (field === undefined) return [finding("ask", "file-tools.unknown-tool", `hookwarden has no path rules for ${toolName}, so it asks you first.`)];
  const raw = toolInput[field] ?? (toolName === "Read" || toolName === "Write" || toolName === "Edit" ? toolInput.path : undefined);
  if (raw === undefined && OPTIONAL_PATH.has(toolName)) return checkRead(toolName, ctx.cwd, toolInput, ctx);
  if (typeof raw !== "string" || raw.trim() === "" || raw.includes("\0")) {
    return [finding("deny", "file-tools.bad-input", `${toolName} needs \`${field}\` as a non-empty path string (got ${describe(raw)}); hookwarden blocked the call. Send the absolute path of the file.`)];
  }
  return WRITE_TOOLS[toolName] !== undefined ? checkWrite(toolName, raw, toolInput, ctx) : checkRead(toolName, raw, toolInput, ctx);
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return v.includes("\0") ? "a path with a NUL byte" : "an empty string";
  return `a ${Array.isArray(v) ? "list" : typeof v}`;
}

/** Claude Code's file tools expand a leading `~`; nothing else (`$HOME` is a literal directory name to them). */
function resolveToolPath(raw: string, ctx: Context): Resolution {
  const expanded = raw === "~" ? ctx.home : raw.startsWith("~/") ? path.posix.join(ctx.home, raw.slice(2)) : raw;
  return resolveAgainst(expanded, ctx.cwd);
}

function checkRead(tool: string, raw: string, input: Record<string, unknown>, ctx: Context): Finding[] {
  const r = resolveToolPath(raw, ctx);
  if (r.kind === "unknown") return [finding("ask", "file-tools.unknown-path", `hookwarden could not resolve ${raw} (${r.reason}), so it asks you first.`)];
  const spellings = [r.lexical, r.path];
  const out: Finding[] = [];
  for (const p of spellings) {
    const m = matchCredential(p, ctx);
    if (m) {
      out.push({ severity: "deny", rule: "credentials.read", layer: m.layer, reason: `${tool} of ${raw} was blocked: it is ${m.what} (credential path ${m.glob}${m.file === "builtin" ? "" : ` from ${m.file}`}). Ask the user for the value you need instead of reading the file.` });
      return out;
    }
  }
  // Grep searches the whole tree below its path: rooted above ~/.ssh or ~/.config/gh it reads those too.
  if (tool === "Grep") {
    const below = credentialBelow(r.path, ctx);
    if (below) {
      out.push({ severity: "deny", rule: "credentials.read", layer: below.layer, reason: `Grep in ${raw} would search ${below.what} (credential path ${below.glob}) as well. Search a narrower directory, such as the project.` });
      return out;
    }
  }
  // Grep and Glob also read through their filters: `Grep {glob: ".env*"}` or `Glob {pattern: "~/.ssh/*"}`.
  const filter = tool === "Grep" ? input.glob : tool === "Glob" ? input.pattern : undefined;
  if (typeof filter === "string" && filter !== "") {
    const hit = filterReachesCredential(filter, r.path, ctx, tool === "Grep");
    if (hit) {
      out.push({ severity: "deny", rule: "credentials.read", layer: hit.layer, reason: `${tool} with "${filter}" would read ${hit.what} (credential path ${hit.glob}). Narrow the search to files that are not credentials.` });
      return out;
    }
  }
  out.push(...ruleFindings("read", tool, raw, spellings, ctx));
  if (!out.some((f) => f.severity === "deny" || f.severity === "ask")) out.push(finding("allow", "file-tools.read", `${tool} only reads.`));
  return out;
}

/** Does a Grep `glob` / Glob `pattern` rooted at `root` reach a credential? The pattern's fixed directory always
 *  counts; the names it matches count only when the tool reads content (Grep), since Glob lists names. */
function filterReachesCredential(filter: string, root: string, ctx: Context, readsContent: boolean) {
  const expanded = filter.startsWith("~/") ? path.posix.join(ctx.home, filter.slice(2)) : filter;
  const abs = expanded.startsWith("/") ? expanded : path.posix.join(root, expanded);
  const fixed = staticPrefix(abs);
  const direct = matchCredential(fixed, ctx);
  if (direct) return direct;
  if (!readsContent) return undefined;
  const base = path.posix.basename(abs);
  // ripgrep --glob without a slash matches the basename at any depth.
  for (const name of [".env", ".env.local", ".env.production", "id_rsa", "id_ed25519", "server.pem", "server.key"]) {
    if (globMatchesName(base, name)) {
      const m = matchCredential(path.posix.join(fixed, name), ctx);
      if (m) return m;
    }
  }
  return undefined;
}

function globMatchesName(glob: string, name: string): boolean {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*\*?/g, ".*").replace(/\?/g, ".")}$`);
  return re.test(name);
}

function ruleFindings(access: Access, tool: string, raw: string, spellings: readonly string[], ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const { behavior, rule } of matchPathRules(access, spellings, ctx)) {
    const id: RuleId = /^[^.]+\.[^.]/.test(rule.id) ? (rule.id as RuleId) : `settings.${behavior}`;
    const where = `rule "${rule.raw}" in ${rule.file}`;
    if (behavior === "allow") out.push({ severity: "allow", rule: id, layer: rule.layer, reason: `${tool} of ${raw} is allowed by ${where}.` });
    else out.push({ severity: behavior, rule: id, layer: rule.layer, reason: `${tool} of ${raw} is ${behavior === "deny" ? "denied" : "set to ask"} by ${where}.${behavior === "deny" ? " Work on another file or ask the user to change the rule." : ""}` });
  }
  return out;
}

function checkWrite(tool: string, raw: string, input: Record<string, unknown>, ctx: Context): Finding[] {
  const r = resolveToolPath(raw, ctx);
  if (r.kind === "unknown") return [finding("ask", "scope.unknown-target", `hookwarden could not tell where ${tool} of ${raw} would write (${r.reason}), so it asks you first.`)];
  const spellings = [r.lexical, r.path];
  for (const p of spellings) {
    const m = matchProtected(p, ctx);
    if (m) {
      return [{ severity: "deny", rule: "self-protect.write", layer: m.layer, reason: `${tool} of ${raw} was blocked: it would change ${m.what}, which hookwarden protects in every mode. Ask the user to make this change themselves.` }];
    }
  }
  if (!inWriteScope(r.path, ctx)) {
    const via = r.path !== r.lexical ? ` (it resolves to ${r.path})` : "";
    return [finding("deny", "scope.write-outside", `${tool} of ${raw} was blocked: it is outside the write scope, ${describeScope(ctx)}${via}. Write inside the project, or ask the user to add the directory to additionalDirectories.`)];
  }
  const out: Finding[] = ruleFindings("write", tool, raw, spellings, ctx);
  if (out.some((f) => f.severity === "deny")) return out;
  const credential = spellings.map((p) => matchCredential(p, ctx)).find((m) => m !== undefined);
  if (credential) out.push({ severity: "ask", rule: "credentials.write", layer: credential.layer, reason: `${tool} of ${raw} changes ${credential.what} (credential path ${credential.glob}); hookwarden asks before any edit of a file that may hold secrets.` });
  const secret = findSecret(newContent(tool, input));
  if (secret) out.push(finding("ask", "secrets.content", `The new content for ${raw} contains what looks like ${secret}; hookwarden asks before writing secrets to disk. Use a placeholder or an environment variable instead.`));
  const allowedByRule = out.some((f) => f.severity === "allow");
  if (EDIT_MODES.has(ctx.mode)) out.push(finding("allow", "scope.write-inside", `${tool} of ${raw} is inside the project and the session accepts edits (${ctx.mode}).`));
  else if (!allowedByRule) out.push(finding("ask", "scope.write-inside", `${tool} of ${raw} writes inside the project; in ${ctx.mode} mode hookwarden asks before edits.`));
  return out;
}

/** The text a write tool would put on disk. */
function newContent(tool: string, input: Record<string, unknown>): string {
  const parts: string[] = [];
  const push = (v: unknown) => { if (typeof v === "string") parts.push(v); };
  if (tool === "Write") push(input.content);
  if (tool === "Edit") push(input.new_string);
  if (tool === "NotebookEdit") push(input.new_source);
  if (tool === "MultiEdit" && Array.isArray(input.edits)) for (const e of input.edits) if (e && typeof e === "object") push((e as Record<string, unknown>).new_string);
  return parts.join("\n");
}

// A minimal, synchronous secret detector: PEM private keys and a few provider tokens. The full detector (secretlint)
// belongs to the content-scanning check; this one only has to keep an obvious key out of a file write.
// `hints`: one of them is in every match, so a text without any skips the regex (compiled on first use otherwise).
const SECRET_PATTERNS: readonly { what: string; hints: readonly string[]; re: RegExp }[] = [
  { what: "a private key block", hints: ["PRIVATE KEY"], re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { what: "a GitHub token", hints: ["gh", "github_pat_"], re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { what: "an AWS access key id", hints: ["AKIA", "ASIA"], re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { what: "a Slack token", hints: ["xox"], re: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g },
  { what: "a Stripe secret key", hints: ["k_live_"], re: /\b[rs]k_live_[0-9A-Za-z]{16,}\b/g },
  { what: "an API secret key", hints: ["sk-"], re: /\bsk-(?:proj-|ant-(?:api\d+-)?)?[A-Za-z0-9_-]{20,}\b/g },
];

/** Documentation placeholders: AWS's own example key, x-runs, "your_…", all-same characters. */
function isPlaceholder(token: string): boolean {
  if (/EXAMPLE|example|XXXX|xxxx|your[_-]|dummy|placeholder|sample|fake|redacted|\.\.\./i.test(token)) return true;
  const body = token.replace(/^(gh[pousr]_|github_pat_|AKIA|ASIA|xox[baprs]-|[rs]k_live_|sk-(proj-|ant-)?)/, "");
  return new Set(body.replace(/[-_]/g, "")).size < 6;
}

export function findSecret(text: string): string | undefined {
  if (text === "") return undefined;
  for (const { what, hints, re } of SECRET_PATTERNS) {
    if (!hints.some((h) => text.includes(h))) continue;
    for (const m of text.matchAll(re)) {
      if (what === "a private key block" || !isPlaceholder(m[0])) return what;
    }
  }
  return undefined;
}
