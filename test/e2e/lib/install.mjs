// The three ways a user installs hookwarden, done the way a user would, with the package's own outputs:
//   project  `hookwarden init --scope project --dir <project>` → <project>/.claude/settings.json
//   plugin   `claude --plugin-dir <repo>` (the repo's .claude-plugin/plugin.json + hooks/hooks.json)
//   managed  `hookwarden init --scope managed --managed-dir /etc/claude-code` → /etc/claude-code/managed-settings.json
//            (root only, opt-in with HOOKWARDEN_E2E_MANAGED=1; whatever was there is restored afterwards)
//
// Plain ESM JavaScript on purpose: scripts/demo.mjs uses it without a build step.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./run-claude.mjs";

export const HOOK_BUNDLES = ["pre-tool-use", "post-tool-use", "session-start", "user-prompt-submit"];
export const SYSTEM_MANAGED_DIR = "/etc/claude-code";

/** The hookwarden build under test: this repo, or HOOKWARDEN_E2E_REPO (another checkout/build, for development). */
export function hookwardenRoot() {
  return path.resolve(process.env.HOOKWARDEN_E2E_REPO || REPO_ROOT);
}

/** Which hook bundles are missing from <repo>/dist (empty when ready; the CLI is checked when it is run). */
export function missingDist(repo = hookwardenRoot()) {
  return HOOK_BUNDLES.map((f) => path.join(repo, "dist", `${f}.cjs`)).filter((f) => !fs.existsSync(f));
}

/** Managed-settings tests touch the real /etc/claude-code: only as root and only when explicitly asked for. */
export function managedInstallEnabled() {
  return process.getuid?.() === 0 && process.env.HOOKWARDEN_E2E_MANAGED === "1";
}

/** Run the package's own CLI (`node <repo>/dist/cli.cjs …`); returns stdout, throws with stderr on failure. */
export function hookwardenCli(args, opts = {}) {
  const repo = opts.repo ?? hookwardenRoot();
  try {
    return execFileSync(process.execPath, [path.join(repo, "dist", "cli.cjs"), ...args], {
      cwd: opts.cwd ?? repo,
      env: opts.env ?? process.env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
  } catch (error) {
    const e = /** @type {any} */ (error);
    throw new Error(`hookwarden ${args.join(" ")} failed (exit ${e.status}):\n${e.stderr ?? ""}${e.stdout ?? ""}`);
  }
}

/**
 * Project install: `hookwarden init --scope project --dir <project>`, run with the sandbox's HOME so nothing outside
 * the sandbox is touched. Returns the settings file it wrote.
 * @param {{ project: string, home: string, configDir: string, managed: string }} sb
 */
export function installProject(sb, repo = hookwardenRoot()) {
  const settings = path.join(sb.project, ".claude", "settings.json");
  hookwardenCli(["init", "--scope", "project", "--dir", sb.project], {
    repo,
    cwd: sb.project,
    env: { PATH: process.env.PATH ?? "", HOME: sb.home, CLAUDE_CONFIG_DIR: sb.configDir, HOOKWARDEN_MANAGED_DIR: sb.managed },
  });
  if (!fs.existsSync(settings)) throw new Error(`hookwarden init did not write ${settings}`);
  return settings;
}

/** Plugin install: the arguments that load the repo as a plugin for one session. */
export function pluginArgs(repo = hookwardenRoot()) {
  if (!fs.existsSync(path.join(repo, ".claude-plugin", "plugin.json"))) throw new Error(`${repo}/.claude-plugin/plugin.json is missing`);
  if (!fs.existsSync(path.join(repo, "hooks", "hooks.json"))) throw new Error(`${repo}/hooks/hooks.json is missing`);
  return { pluginDir: repo };
}

/**
 * Managed install into `dir` (default /etc/claude-code) with `hookwarden init --scope managed`. The previous state of
 * managed-settings.json (content and mode, or absence, and whether the directory existed) is saved to a marker file
 * first, so a run that dies half-way is repaired by the next one; `restore()` puts it back and is safe to call twice.
 */
export function installManaged(dir = SYSTEM_MANAGED_DIR, repo = hookwardenRoot()) {
  const file = path.join(dir, "managed-settings.json");
  const marker = path.join(dir, "managed-settings.json.hookwarden-e2e-backup");
  if (fs.existsSync(marker)) restoreFromMarker(file, marker); // an earlier run died before restoring
  const dirExisted = fs.existsSync(dir);
  const existed = fs.existsSync(file);
  const backup = {
    dirExisted,
    existed,
    content: existed ? fs.readFileSync(file).toString("base64") : null,
    mode: existed ? fs.statSync(file).mode & 0o7777 : null,
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(marker, JSON.stringify(backup), { mode: 0o600 });
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.removeListener("exit", restore);
    restoreFromMarker(file, marker);
  };
  process.once("exit", restore); // last resort if afterAll never runs
  try {
    hookwardenCli(["init", "--scope", "managed", "--managed-dir", dir], { repo });
  } catch (error) {
    restore();
    throw error;
  }
  return { file, restore };
}

function restoreFromMarker(file, marker) {
  const backup = JSON.parse(fs.readFileSync(marker, "utf8"));
  if (backup.existed) {
    fs.writeFileSync(file, Buffer.from(backup.content, "base64"));
    fs.chmodSync(file, backup.mode);
  } else {
    fs.rmSync(file, { force: true });
  }
  fs.rmSync(marker, { force: true });
  const dir = path.dirname(file);
  if (!backup.dirExisted) {
    try {
      fs.rmdirSync(dir); // only if empty: never delete anything we did not create
    } catch {
      // something else lives there now; leave it
    }
  }
}
