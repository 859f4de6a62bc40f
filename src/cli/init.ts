// `hookwarden init`: register the hooks in a settings file. Idempotent: our old entries are replaced, everything
// else in the file is kept as it was.
import fs from "node:fs";
import path from "node:path";
import { colour, parseFlags, UsageError, type CliIo } from "./io.js";
import { makeDirs } from "../state/data-dir.js";
import { HOOK_FILES, installDir, isHookwardenCommand, SCOPES, settingsFileFor, type Scope } from "./install-paths.js";

const HELP = `usage: hookwarden init [--scope project|user|managed] [--dir PROJECT] [--managed-dir DIR] [--install-dir DIR] [--dry-run]
Registers hookwarden's PreToolUse, PostToolUse, SessionStart and UserPromptSubmit hooks:
  project   PROJECT/.claude/settings.json (default; PROJECT defaults to here)
  user      $CLAUDE_CONFIG_DIR/settings.json or ~/.claude/settings.json
  managed   /etc/claude-code/managed-settings.json (macOS: /Library/Application Support/ClaudeCode; needs root)
Running it again replaces hookwarden's entries and keeps everything else in the file.
--dry-run prints the file it would write and writes nothing.
`;

const EVENTS: Record<(typeof HOOK_FILES)[number], { event: string; matcher?: string; timeout: number }> = {
  "pre-tool-use": { event: "PreToolUse", matcher: "^.*$", timeout: 30 },
  "post-tool-use": { event: "PostToolUse", matcher: "^.*$", timeout: 30 },
  "session-start": { event: "SessionStart", timeout: 15 },
  "user-prompt-submit": { event: "UserPromptSubmit", timeout: 15 },
};

export function hookCommand(install: string, file: string): string {
  return `NODE_EXTRA_CA_CERTS= node ${JSON.stringify(path.join(install, "dist", `${file}.cjs`))}`;
}

/** Pure: the settings object with hookwarden's hooks registered exactly once. */
export function withHooks(settings: Record<string, unknown>, install: string): Record<string, unknown> {
  const hooks = (isRecord(settings.hooks) ? { ...settings.hooks } : {}) as Record<string, unknown>;
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    hooks[event] = groups
      .map((g) => (isRecord(g) && Array.isArray(g.hooks) ? { ...g, hooks: g.hooks.filter((h) => !(isRecord(h) && isHookwardenCommand(h.command))) } : g))
      .filter((g) => !(isRecord(g) && Array.isArray(g.hooks) && g.hooks.length === 0));
  }
  for (const file of HOOK_FILES) {
    const { event, matcher, timeout } = EVENTS[file];
    const list = Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : [];
    list.push({ ...(matcher ? { matcher } : {}), hooks: [{ type: "command", command: hookCommand(install, file), timeout }] });
    hooks[event] = list;
  }
  return { ...settings, hooks };
}

export function runInit(argv: string[], io: CliIo): number {
  const { flags } = parseFlags(argv, ["dry-run", "help"]);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const scope = (typeof flags.scope === "string" ? flags.scope : "project") as Scope;
  if (!SCOPES.includes(scope)) throw new UsageError(`--scope must be one of ${SCOPES.join(", ")}`);
  const install = installDir(typeof flags["install-dir"] === "string" ? flags["install-dir"] : undefined);
  if (!fs.existsSync(path.join(install, "dist", "pre-tool-use.cjs"))) throw new Error(`${install}/dist/pre-tool-use.cjs is missing; run \`npm run build\` in ${install}`);
  const dir = path.resolve(io.cwd, typeof flags.dir === "string" ? flags.dir : ".");
  const file = settingsFileFor(scope, { dir, env: io.env, home: io.home, managedDir: typeof flags["managed-dir"] === "string" ? flags["managed-dir"] : undefined });

  let current: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8");
    try {
      const parsed: unknown = text.trim() ? JSON.parse(text) : {};
      if (!isRecord(parsed)) throw new Error("not a JSON object");
      current = parsed;
    } catch (error) {
      throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix it first — hookwarden will not overwrite it`);
    }
  }
  const next = `${JSON.stringify(withHooks(current, install), null, 2)}\n`;
  const c = colour(io);
  if (flags["dry-run"]) {
    io.stdout(`${c.bold(`would write ${file}:`)}\n${next}${c.dim("(dry run: nothing written)")}\n`);
    return 0;
  }
  makeDirs(path.dirname(file));
  const tmp = `${file}.hookwarden-${process.pid}.tmp`;
  fs.writeFileSync(tmp, next, { mode: fs.existsSync(file) ? fs.statSync(file).mode & 0o777 : 0o644 });
  fs.renameSync(tmp, file);
  io.stdout(`${c.green("registered")} hookwarden's hooks in ${file} (${scope} scope), running ${install}/dist\n`);
  return 0;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
