// Context: everything a check may know besides the tool input — project root, mode, policy layers, trust, taint.
// The only stage besides audit that reads the file system for the hook (settings, trust store, taint file).
import fs from "node:fs";
import path from "node:path";
import type { Context } from "./context-types.js";
import { homeDir, tmpDir as tempDir } from "./host.js";
import { realPath, absolutePath } from "./paths/resolve.js";
import { configDirFor, layerFiles, managedDirFor } from "./policy/files.js";
import { loadPolicy } from "./policy/load.js";
import { dataDirFrom } from "./state/data-dir.js";
import { readTaint } from "./state/taint.js";
import { isProjectTrusted, readTrustStore } from "./state/trust.js";
import type { AbsolutePath, PermissionMode } from "./types.js";

const MODES: readonly PermissionMode[] = ["default", "plan", "acceptEdits", "auto", "dontAsk", "bypassPermissions"];

export interface ContextInput {
  readonly cwd: string;
  readonly session_id: string;
  readonly permission_mode?: string | undefined;
}

export function loadContext(input: ContextInput, env: NodeJS.ProcessEnv = process.env): Context {
  const home = realPath(absolutePath(homeDir(env), "/"));
  const cwd = realPath(absolutePath(input.cwd, "/"));
  const projectRoot = realPath(absolutePath(env.CLAUDE_PROJECT_DIR || input.cwd, cwd));
  const configDir = realPath(absolutePath(configDirFor(env, home), cwd));
  const managedDir = realPath(absolutePath(managedDirFor(env), "/"));
  const dataDir = realPath(absolutePath(dataDirFrom(env, home), cwd));
  const tmpDir = realPath(absolutePath(tempDir(env), "/"));
  const trusted = isProjectTrusted(dataDir, projectRoot);
  const policy = loadPolicy({
    layers: layerFiles({ managedDir, configDir, projectRoot, managedDropIns: dropIns(managedDir) }),
    trusted,
    home,
  });
  const writeScope: AbsolutePath[] = [projectRoot];
  for (const dir of policy.additionalDirectories) writeScope.push(realPath(absolutePath(dir.glob, projectRoot)));
  if (policy.allowTempDir) writeScope.push(tmpDir);
  const mode = MODES.find((m) => m === input.permission_mode) ?? "default";
  const taint = readTaint(dataDir, input.session_id);
  const installDir = installDirFrom(env);
  return {
    projectRoot,
    cwd,
    home,
    tmpDir,
    mode,
    sessionId: input.session_id,
    writeScope,
    policy,
    trusted,
    ...(taint ? { taint } : {}),
    dataDir,
    configDir,
    managedDir,
    ...(installDir ? { installDir } : {}),
    knownMcpServers: Object.keys(readTrustStore(dataDir).store.mcpServers ?? {}),
  };
}

/** managed-settings.d/*.json, merged alphabetically after the main file (as Claude Code does). */
function dropIns(managedDir: string): string[] {
  try {
    const dir = path.join(managedDir, "managed-settings.d");
    return fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f));
  } catch {
    return []; // no drop-in directory: nothing to merge
  }
}

/** The hookwarden install (plugin root, or the package holding the running bundle): self-protected. */
function installDirFrom(env: NodeJS.ProcessEnv): AbsolutePath | undefined {
  if (env.CLAUDE_PLUGIN_ROOT) return realPath(absolutePath(env.CLAUDE_PLUGIN_ROOT, "/"));
  const script = process.argv[1];
  if (script && /[\\/]dist[\\/][^\\/]+\.cjs$/.test(script)) return realPath(absolutePath(path.dirname(path.dirname(script)), "/"));
  return undefined;
}
