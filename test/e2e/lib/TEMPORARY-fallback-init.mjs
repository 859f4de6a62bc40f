// TEMPORARY — delete once dist/cli.cjs (`hookwarden init`) is committed.
// Writes hookwarden's hook registrations into a settings file by hand, in the exact shape `hookwarden init` uses
// (`NODE_EXTRA_CA_CERTS= node "<install>/dist/<hook>.cjs"`, anchored matcher, explicit timeout). install.mjs only
// falls back to it when dist/cli.cjs does not exist, and says so on stderr.
import fs from "node:fs";
import path from "node:path";

const EVENTS = {
  "pre-tool-use": { event: "PreToolUse", matcher: "^.*$", timeout: 30 },
  "post-tool-use": { event: "PostToolUse", matcher: "^.*$", timeout: 30 },
  "session-start": { event: "SessionStart", timeout: 15 },
  "user-prompt-submit": { event: "UserPromptSubmit", timeout: 15 },
};

export function temporaryFallbackInit(settingsFile, install) {
  process.stderr.write(`[e2e] TEMPORARY: dist/cli.cjs missing, writing ${settingsFile} by hand\n`);
  const current = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, "utf8")) : {};
  const hooks = { ...(current.hooks ?? {}) };
  for (const [file, { event, matcher, timeout }] of Object.entries(EVENTS)) {
    const command = `NODE_EXTRA_CA_CERTS= node ${JSON.stringify(path.join(install, "dist", `${file}.cjs`))}`;
    hooks[event] = [...(hooks[event] ?? []), { ...(matcher ? { matcher } : {}), hooks: [{ type: "command", command, timeout }] }];
  }
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, `${JSON.stringify({ ...current, hooks }, null, 2)}\n`);
}
