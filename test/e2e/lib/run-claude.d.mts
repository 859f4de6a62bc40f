import type { RecordedRequest, ScriptStep, ToolResult } from "./scripted-api.mjs";

export const REPO_ROOT: string;
export function resolveClaudeBinary(repoRoot?: string): string;

export interface Sandbox {
  root: string;
  project: string;
  home: string;
  configDir: string;
  outside: string;
  tmp: string;
  managed: string;
  write(file: string, content: string | object): string;
  cleanup(): void;
}
export function sandboxBase(): string;
export function makeSandbox(opts?: { prefix?: string; base?: string }): Sandbox;
export function claudeEnv(sb: Sandbox, apiUrl: string, opts?: { managedDirOverride?: boolean; env?: Record<string, string | undefined> }): Record<string, string>;

export interface RunOptions {
  sandbox: Sandbox;
  script: ScriptStep[];
  prompt?: string;
  permissionMode?: string;
  pluginDir?: string;
  model?: string;
  extraArgs?: string[];
  /** false: do not point HOOKWARDEN_MANAGED_DIR at the sandbox (managed-install tests read the real dir) */
  managedDirOverride?: boolean;
  /** extra environment; undefined removes a variable */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  log?: boolean;
  claudeBinary?: string;
}
export interface StreamEvent {
  type: string;
  subtype?: string;
  [key: string]: any;
}
export interface RunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  args: string[];
  stdout: string;
  stderr: string;
  events: StreamEvent[];
  toolResults: ToolResult[];
  requests: RecordedRequest[];
  apiErrors: Error[];
  sawText(needle: string): boolean;
  result: StreamEvent | undefined;
  describe(): string;
}
export function runClaude(opts: RunOptions): Promise<RunResult>;

export interface Decision {
  decision: "allow" | "deny" | "ask" | "other" | "missing";
  reason: string;
  text: string;
  is_error: boolean;
  source?: string;
}
export function decisionFor(run: { events: StreamEvent[]; toolResults: ToolResult[] }, toolUseId: string): Decision;
