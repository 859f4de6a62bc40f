// Where each layer's files live. Claude Code's settings file and hookwarden's own policy file sit side by side.
import path from "node:path";
import type { Layer } from "../types.js";

export interface LayerFiles {
  readonly layer: Exclude<Layer, "builtin">;
  /** Claude Code settings files, in merge order. */
  readonly settings: readonly string[];
  readonly hookwarden: string;
  /** Base for relative paths in this layer's rules. */
  readonly base: string;
}

/** The OS managed-settings directory; HOOKWARDEN_MANAGED_DIR overrides it for tests (`doctor` reports the override). */
export function managedDirFor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.HOOKWARDEN_MANAGED_DIR) return env.HOOKWARDEN_MANAGED_DIR;
  if (platform === "darwin") return "/Library/Application Support/ClaudeCode";
  if (platform === "win32") return "C:\\Program Files\\ClaudeCode";
  return "/etc/claude-code";
}

export function configDirFor(env: NodeJS.ProcessEnv, home: string): string {
  return env.CLAUDE_CONFIG_DIR || path.join(home, ".claude");
}

export function layerFiles(opts: { managedDir: string; configDir: string; projectRoot: string; managedDropIns: readonly string[] }): LayerFiles[] {
  const { managedDir, configDir, projectRoot } = opts;
  const claude = path.join(projectRoot, ".claude");
  return [
    {
      layer: "managed",
      settings: [path.join(managedDir, "managed-settings.json"), ...opts.managedDropIns],
      hookwarden: path.join(managedDir, "hookwarden.json"),
      base: projectRoot,
    },
    { layer: "user", settings: [path.join(configDir, "settings.json")], hookwarden: path.join(configDir, "hookwarden.json"), base: projectRoot },
    { layer: "project", settings: [path.join(claude, "settings.json")], hookwarden: path.join(claude, "hookwarden.json"), base: projectRoot },
    { layer: "local", settings: [path.join(claude, "settings.local.json")], hookwarden: path.join(claude, "hookwarden.local.json"), base: projectRoot },
  ];
}
