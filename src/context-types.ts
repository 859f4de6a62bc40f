// What every check may know about the call besides its input. Built once per call by src/context.ts.
import type { AbsolutePath, PermissionMode } from "./types.js";
import type { EffectivePolicy } from "./policy/types.js";

export interface Taint {
  /** The tool and target that tainted the session, e.g. "WebFetch https://example.org/p". */
  readonly source: string;
  readonly family: string;
  readonly at: string;
}

export interface Context {
  readonly projectRoot: AbsolutePath;
  /** The input `cwd` (where relative paths and Bash commands start). */
  readonly cwd: AbsolutePath;
  readonly home: AbsolutePath;
  readonly tmpDir: AbsolutePath;
  readonly mode: PermissionMode;
  readonly sessionId: string;
  /** Project root, additional directories, temp dir (if allowed): all real paths. */
  readonly writeScope: readonly AbsolutePath[];
  readonly policy: EffectivePolicy;
  readonly trusted: boolean;
  readonly taint?: Taint;
  /** Where trust store, taint files and audit log live ($CLAUDE_PLUGIN_DATA or ~/.claude/hookwarden). */
  readonly dataDir: AbsolutePath;
  /** Claude Code's config dir ($CLAUDE_CONFIG_DIR or ~/.claude). */
  readonly configDir: AbsolutePath;
  /** Directory of managed settings (/etc/claude-code on Linux; HOOKWARDEN_MANAGED_DIR overrides for tests). */
  readonly managedDir: AbsolutePath;
  /** The hookwarden install (plugin root or package root) — protected. */
  readonly installDir?: AbsolutePath;
  /** MCP servers known (trusted) in the trust store. */
  readonly knownMcpServers: readonly string[];
}
