// Where hookwarden is installed and which settings file each install scope writes.
import fs from "node:fs";
import path from "node:path";
import { configDirFor, managedDirFor } from "../policy/files.js";

export type Scope = "project" | "user" | "managed";
export const SCOPES: readonly Scope[] = ["project", "user", "managed"];
export const HOOK_FILES = ["pre-tool-use", "post-tool-use", "session-start", "user-prompt-submit"] as const;

/** The package root holding dist/: from the running bundle (dist/cli.cjs) or an explicit --install-dir. */
export function installDir(explicit: string | undefined): string {
  if (explicit) return path.resolve(explicit);
  const script = process.argv[1] ? fs.realpathSync(process.argv[1]) : "";
  if (/[\\/]dist[\\/]cli\.cjs$/.test(script)) return path.dirname(path.dirname(script));
  throw new Error("cannot tell where hookwarden is installed; pass --install-dir");
}

export function settingsFileFor(scope: Scope, opts: { dir: string; env: NodeJS.ProcessEnv; home: string; managedDir?: string | undefined }): string {
  switch (scope) {
    case "project":
      return path.join(opts.dir, ".claude", "settings.json");
    case "user":
      return path.join(configDirFor(opts.env, opts.home), "settings.json");
    case "managed":
      return path.join(opts.managedDir ?? managedDirFor(opts.env), "managed-settings.json");
    default: {
      const never: never = scope;
      return never;
    }
  }
}

/** A handler is ours when its command runs one of our dist files. */
export function isHookwardenCommand(command: unknown): boolean {
  return typeof command === "string" && /dist[\\/](pre-tool-use|post-tool-use|session-start|user-prompt-submit)\.cjs/.test(command);
}
