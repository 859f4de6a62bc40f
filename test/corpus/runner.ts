// Runs a corpus case the way Claude Code calls the hooks: the commands in hooks/hooks.json, one input JSON on stdin,
// CLAUDE_PLUGIN_ROOT / CLAUDE_PROJECT_DIR / a private HOME, in a fresh sandbox per case.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "../..");

export interface Case {
  id: string;
  tool?: string;
  input?: Record<string, unknown>;
  expect?: string;
  event?: string;
  response?: unknown;
  mode?: string;
  cwd?: string;
  tags?: string[];
  setup?: { files?: Record<string, unknown>; dirs?: string[]; links?: Record<string, string> };
  steps?: (Partial<Case> & { cli?: string[]; write?: Record<string, unknown> })[];
}

type Env = { PROJECT: string; HOME: string; OUTSIDE: string; TMP: string };

function subst<T>(value: T, env: Env): T {
  if (typeof value === "string") return value.replace(/\$\{(PROJECT|HOME|OUTSIDE|TMP)\}/g, (_, k: keyof Env) => env[k]) as T;
  if (Array.isArray(value)) return value.map((v) => subst(v, env)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [subst(k, env), subst(v, env)])) as T;
  return value;
}

function writeAll(files: Record<string, unknown>): void {
  for (const [p, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
}

function sandbox(c: Case): { root: string; env: Env } {
  // Not under the temp dir: temp is in the write scope, and OUTSIDE must be outside.
  const base = path.join(os.homedir(), ".cache", "hookwarden-corpus");
  fs.mkdirSync(base, { recursive: true });
  const root = fs.realpathSync(fs.mkdtempSync(path.join(base, "case-")));
  const env: Env = { PROJECT: path.join(root, "project"), HOME: path.join(root, "home"), OUTSIDE: path.join(root, "outside"), TMP: path.join(root, "tmp") };
  for (const d of Object.values(env)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(env.PROJECT, ".git"));
  fs.mkdirSync(path.join(env.PROJECT, "src"));
  fs.writeFileSync(path.join(env.PROJECT, "README.md"), "# demo\n");
  fs.writeFileSync(path.join(env.PROJECT, "src", "index.ts"), "export const x = 1;\n");
  const setup = subst(c.setup ?? {}, env);
  for (const d of setup.dirs ?? []) fs.mkdirSync(d, { recursive: true });
  writeAll(setup.files ?? {});
  for (const [p, target] of Object.entries(setup.links ?? {})) {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.symlinkSync(target, p);
  }
  return { root, env };
}

interface Handler { command: string; timeout?: number }
const registration = JSON.parse(fs.readFileSync(path.join(REPO, "hooks", "hooks.json"), "utf8")).hooks as Record<string, { matcher?: string; hooks: Handler[] }[]>;

function matches(matcher: string | undefined, tool: string): boolean {
  if (matcher === undefined || matcher === "" || matcher === "*") return true;
  if (/^[A-Za-z0-9_ |,-]+$/.test(matcher)) return matcher.split(/[|,]/).map((s) => s.trim()).includes(tool);
  return new RegExp(matcher).test(tool);
}

function run(command: string, args: string[] | null, stdin: string, env: Env, cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const vars = { CLAUDE_PLUGIN_ROOT: REPO, CLAUDE_PROJECT_DIR: env.PROJECT, CLAUDE_PLUGIN_DATA: path.join(env.HOME, ".claude", "plugins", "data", "hookwarden") };
    const expand = (s: string) => s.replace(/\$\{(CLAUDE_PLUGIN_ROOT|CLAUDE_PROJECT_DIR|CLAUDE_PLUGIN_DATA)\}/g, (_, k: keyof typeof vars) => vars[k]);
    const childEnv = { PATH: process.env.PATH, ...vars, HOME: env.HOME, TMPDIR: env.TMP, CLAUDE_CONFIG_DIR: path.join(env.HOME, ".claude"), HOOKWARDEN_MANAGED_DIR: path.join(env.HOME, "managed") };
    const child = args ? spawn(expand(command), args.map(expand), { cwd, env: childEnv }) : spawn("sh", ["-c", expand(command)], { cwd, env: childEnv });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.on("error", () => {});
    child.stdin.end(stdin);
  });
}

export interface Outcome { got: string; reason: string }

async function callHooks(c: Partial<Case>, env: Env, cwd: string, session: string, n: number): Promise<Outcome> {
  const event = c.event ?? "PreToolUse";
  const input: Record<string, unknown> = {
    session_id: session, transcript_path: path.join(env.HOME, "t.jsonl"), cwd, permission_mode: c.mode ?? "default",
    hook_event_name: event, tool_name: c.tool, tool_input: subst(c.input ?? {}, env), tool_use_id: `toolu_${n}`,
  };
  if (event === "PostToolUse") input.tool_response = subst(c.response ?? {}, env);
  const outcomes: Outcome[] = [];
  for (const group of registration[event] ?? []) {
    if (!matches(group.matcher, c.tool ?? "")) continue;
    for (const h of group.hooks) {
      const r = await run(h.command, null, JSON.stringify(input), env, cwd);
      if (r.code !== 0 || !r.out.trim().startsWith("{")) {
        outcomes.push({ got: "broken", reason: `exit ${r.code}: ${r.err.slice(0, 300)} ${r.out.slice(0, 200)}` });
        continue;
      }
      const j = JSON.parse(r.out) as { decision?: string; reason?: string; hookSpecificOutput?: Record<string, unknown> };
      const hso = j.hookSpecificOutput ?? {};
      if (event === "PreToolUse") outcomes.push({ got: String(hso.permissionDecision ?? "none"), reason: String(hso.permissionDecisionReason ?? "") });
      else {
        const flagged = j.decision === "block" || Boolean(hso.additionalContext) || hso.updatedToolOutput !== undefined;
        outcomes.push({ got: flagged ? "flag" : "quiet", reason: String(j.reason ?? hso.additionalContext ?? "") });
      }
    }
  }
  return outcomes[0] ?? { got: "none", reason: "no hook registered" };
}

const OK: Record<string, (g: string) => boolean> = {
  allow: (g) => g === "allow", ask: (g) => g === "ask", deny: (g) => g === "deny", block: (g) => g === "deny" || g === "ask",
  "not-deny": (g) => g !== "deny" && g !== "broken", "not-allow": (g) => g === "deny" || g === "ask", flag: (g) => g === "flag", quiet: (g) => g === "quiet",
};

export function passes(expect: string, got: string): boolean {
  return OK[expect]?.(got) ?? false;
}

/** Runs one case (single call or a sequence); returns what each step got. */
export async function runCase(c: Case): Promise<{ pass: boolean; detail: string }> {
  const { root, env } = sandbox(c);
  try {
    const cwd = c.cwd ? subst(c.cwd, env) : env.PROJECT;
    if (!c.steps) {
      const o = await callHooks(c, env, cwd, `corpus-${c.id}`, 0);
      return { pass: passes(c.expect ?? "", o.got), detail: `expected ${c.expect}, got ${o.got}: ${o.reason}` };
    }
    for (const [n, step] of c.steps.entries()) {
      if (step.cli) {
        const r = await run(process.execPath, [path.join(REPO, "dist", "cli.cjs"), ...subst(step.cli, env)], "", env, cwd);
        if (r.code !== 0) return { pass: false, detail: `step ${n + 1}: hookwarden ${step.cli.join(" ")} exited ${r.code}: ${r.err}` };
        continue;
      }
      if (step.write) {
        writeAll(subst(step.write, env));
        continue;
      }
      const o = await callHooks({ mode: c.mode, ...step }, env, cwd, `corpus-${c.id}`, n);
      if (!passes(step.expect ?? "", o.got)) return { pass: false, detail: `step ${n + 1}: expected ${step.expect}, got ${o.got}: ${o.reason}` };
    }
    return { pass: true, detail: "" };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function loadCases(dir: string): { file: string; cases: Case[] }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => ({
      file: f,
      cases: fs.readFileSync(path.join(dir, f), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//")).map((l) => JSON.parse(l) as Case),
    }));
}
