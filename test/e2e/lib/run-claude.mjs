// Run the real Claude Code CLI (`claude -p … --output-format stream-json --verbose`) against a scripted Messages API
// in a throwaway project + HOME, and collect everything a test wants to assert on: the stream-json events, stderr,
// the exit code, every request the "model" received and the tool_result blocks Claude Code sent back.
//
// Plain ESM JavaScript on purpose: scripts/demo.mjs uses it without a build step.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startScriptedApi } from "./scripted-api.mjs";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The pinned Claude Code binary from node_modules: the platform package for this os/arch first (what the wrapper's
 * postinstall would have copied), then the wrapper's own bin. Throws with what it tried when neither exists.
 */
export function resolveClaudeBinary(repoRoot = REPO_ROOT) {
  const nm = path.join(repoRoot, "node_modules", "@anthropic-ai");
  const exe = process.platform === "win32" ? "claude.exe" : "claude";
  const arch = os.arch();
  const keys = [];
  if (process.platform === "linux") {
    if (isMusl()) keys.push(`linux-${arch}-musl`);
    keys.push(`linux-${arch}`);
  } else {
    keys.push(`${process.platform}-${arch}`);
  }
  const candidates = [
    ...keys.map((k) => path.join(nm, `claude-code-${k}`, exe)),
    path.join(nm, "claude-code", "bin", "claude.exe"),
  ];
  for (const c of candidates) {
    try {
      const st = fs.statSync(c);
      // The wrapper's bin/claude.exe is a tiny placeholder until its postinstall copies the native binary over it.
      if (st.isFile() && st.size > 1024 * 1024) return c;
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`Claude Code binary not found; tried:\n  ${candidates.join("\n  ")}\nRun \`npm ci\` (it installs @anthropic-ai/claude-code).`);
}

function isMusl() {
  const report = typeof process.report?.getReport === "function" ? /** @type {any} */ (process.report.getReport()) : null;
  return report != null && report.header?.glibcVersionRuntime === undefined;
}

/**
 * Where sandboxes live. NOT the system temp dir: hookwarden puts the temp dir (`$TMPDIR` and `/tmp`) in the write
 * scope by default, so a project, HOME or "outside" directory under /tmp would make every "outside the project" write
 * land in scope. `HOOKWARDEN_E2E_TMP` overrides; otherwise /var/tmp (Linux, macOS), else the temp dir (Windows).
 */
export function sandboxBase() {
  if (process.env.HOOKWARDEN_E2E_TMP) return path.resolve(process.env.HOOKWARDEN_E2E_TMP);
  if (process.platform !== "win32") {
    try {
      fs.accessSync("/var/tmp", fs.constants.W_OK);
      return "/var/tmp";
    } catch {
      // not writable here: fall back to the temp dir
    }
  }
  return os.tmpdir();
}

/**
 * A throwaway world for one CLI run. Everything lives under one root in sandboxBase():
 *   project/        the session's cwd and CLAUDE_PROJECT_DIR (has .git/ and README.md)
 *   home/           HOME; home/.claude is CLAUDE_CONFIG_DIR, so hookwarden's data dir (~/.claude/hookwarden) is private
 *   home/outside/   a directory outside the project and outside every temp dir
 *   tmp/            TMPDIR for the CLI and its hooks (so the write scope's temp dir is this one, plus /tmp)
 *   managed/        an empty managed-settings dir (HOOKWARDEN_MANAGED_DIR) so tests never read the real /etc policy
 * @param {{ prefix?: string, base?: string }} [opts]
 */
export function makeSandbox(opts = {}) {
  const base = opts.base ?? sandboxBase();
  fs.mkdirSync(base, { recursive: true });
  const root = fs.realpathSync(fs.mkdtempSync(path.join(base, opts.prefix ?? "hw-e2e-")));
  const project = path.join(root, "project");
  const home = path.join(root, "home");
  const configDir = path.join(home, ".claude");
  const outside = path.join(home, "outside");
  const tmp = path.join(root, "tmp");
  const managed = path.join(root, "managed");
  for (const d of [path.join(project, ".git"), configDir, outside, tmp, managed]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(project, "README.md"), "# e2e project\n");
  return {
    root,
    project,
    home,
    configDir,
    outside,
    tmp,
    managed,
    /** write a file (creating parent dirs); objects are written as JSON */
    write(file, content) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
      return file;
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * The environment for the CLI: built from scratch (only PATH and locale survive from ours) so the developer's own
 * Claude Code login, settings, proxies and CA bundle never leak into a run.
 * @param {ReturnType<typeof makeSandbox>} sb
 * @param {string} apiUrl
 * @param {{ managedDirOverride?: boolean, env?: Record<string, string | undefined> }} [opts]
 */
export function claudeEnv(sb, apiUrl, opts = {}) {
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LANG: process.env.LANG ?? "C.UTF-8",
    HOME: sb.home,
    CLAUDE_CONFIG_DIR: sb.configDir,
    TMPDIR: sb.tmp,
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: "test",
    DISABLE_TELEMETRY: "1",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_ERROR_REPORTING: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    NO_COLOR: "1",
  };
  if (opts.managedDirOverride !== false) env.HOOKWARDEN_MANAGED_DIR = sb.managed;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/**
 * Run one scripted `claude -p` session.
 * @param {{
 *   sandbox: ReturnType<typeof makeSandbox>,
 *   script: { name: string, input: Record<string, unknown> }[],
 *   prompt?: string,
 *   permissionMode?: string,
 *   pluginDir?: string,
 *   model?: string,
 *   extraArgs?: string[],
 *   managedDirOverride?: boolean,
 *   env?: Record<string, string | undefined>,
 *   timeoutMs?: number,
 *   log?: boolean,
 *   claudeBinary?: string,
 * }} opts
 */
export async function runClaude(opts) {
  const sb = opts.sandbox;
  const api = await startScriptedApi({ script: opts.script, log: opts.log ?? process.env.HOOKWARDEN_E2E_LOG === "1" });
  const args = ["-p", opts.prompt ?? "Run the scripted steps.", "--output-format", "stream-json", "--verbose"];
  if (opts.permissionMode) args.push("--permission-mode", opts.permissionMode);
  if (opts.pluginDir) args.push("--plugin-dir", opts.pluginDir);
  if (opts.model) args.push("--model", opts.model);
  args.push(...(opts.extraArgs ?? []));
  const bin = opts.claudeBinary ?? resolveClaudeBinary();
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const started = Date.now();
  try {
    const child = spawn(bin, args, {
      cwd: sb.project,
      env: claudeEnv(sb, api.url, { managedDirOverride: opts.managedDirOverride, env: opts.env }),
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32", // own process group, so a timeout kills hooks and tools too
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    /** @type {{ code: number | null, signal: NodeJS.Signals | null }} */
    const exit = await new Promise((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code, signal) => resolve({ code, signal }));
    });
    clearTimeout(timer);
    const events = [];
    for (const line of stdout.split("\n")) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line));
      } catch {
        events.push({ type: "unparsed", line });
      }
    }
    return {
      exitCode: exit.code,
      signal: exit.signal,
      timedOut,
      durationMs: Date.now() - started,
      args,
      stdout,
      stderr,
      events,
      /** tool_result blocks the API received, in order: { tool_use_id, name, input, text, is_error } */
      toolResults: api.toolResults,
      /** every request the API received: { method, url, headers, body, json, kind } */
      requests: api.requests,
      apiErrors: api.errors,
      /** did `needle` appear in any request the API received? */
      sawText: (/** @type {string} */ needle) => api.sawText(needle),
      /** the final `result` event, if any */
      result: events.find((e) => e.type === "result"),
      /** a short human-readable account for assertion messages */
      describe() {
        return [
          `claude ${args.join(" ")} → exit ${exit.code}${exit.signal ? ` (${exit.signal})` : ""}${timedOut ? " TIMED OUT" : ""}`,
          ...api.toolResults.map((r) => `  ${r.name} ${JSON.stringify(r.input)} → ${r.is_error ? "ERROR " : ""}${JSON.stringify(r.text.slice(0, 300))}`),
          stderr.trim() ? `stderr: ${stderr.trim().slice(0, 2000)}` : "",
        ].filter(Boolean).join("\n");
      },
    };
  } finally {
    await api.close();
  }
}

/** @param {import("node:child_process").ChildProcess} child */
function killTree(child) {
  try {
    if (child.pid && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

const DENY_TEXT = /^(?:<tool_use_error>)?PreToolUse:([^ ]+) hook error: ([\s\S]*?)(?:<\/tool_use_error>)?$/;

/**
 * What happened to one tool call, read from what Claude Code reported (stream-json events + the tool_result):
 *   allow   a PreToolUse hook allowed it and it ran
 *   deny    a PreToolUse hook denied it; `reason` is what the model was told after `PreToolUse:<Tool> hook error: `
 *   ask     a hook asked; in -p mode nobody can answer, so Claude Code refused with the hook's reason
 *   other   no hook decided (Claude Code's own permission flow; `source` says which), `reason` = the tool_result
 * @param {{ events: any[], toolResults: import("./scripted-api.mjs").ToolResult[] }} run
 * @param {string} toolUseId
 */
export function decisionFor(run, toolUseId) {
  const t = run.toolResults.find((r) => r.tool_use_id === toolUseId);
  if (!t) return { decision: "missing", reason: "no tool_result (the session ended before this step)", text: "", is_error: true };
  let meta;
  for (const e of run.events) {
    if (e.type === "user" && Array.isArray(e.tool_result_meta)) meta ??= e.tool_result_meta.find((m) => m.id === toolUseId);
  }
  const pd = meta?.permission_decision ?? {};
  const denied = run.events.find((e) => e.type === "system" && e.subtype === "permission_denied" && e.tool_use_id === toolUseId);
  const m = DENY_TEXT.exec(t.text);
  const base = { text: t.text, is_error: t.is_error, source: pd.source };
  if (m && pd.source === "hook" && pd.decision === "reject") return { ...base, decision: "deny", reason: m[2] };
  if (denied && denied.decision_reason_type === "hook") return { ...base, decision: "ask", reason: String(denied.message ?? t.text) };
  if (pd.source === "hook" && pd.decision === "accept") return { ...base, decision: "allow", reason: "" };
  return { ...base, decision: "other", reason: t.text };
}
