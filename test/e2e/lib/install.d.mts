export const HOOK_BUNDLES: string[];
export const SYSTEM_MANAGED_DIR: string;
export function hookwardenRoot(): string;
export function missingDist(repo?: string): string[];
export function managedInstallEnabled(): boolean;
export function hookwardenCli(args: string[], opts?: { repo?: string; cwd?: string; env?: NodeJS.ProcessEnv }): string;
export function installProject(sb: { project: string; home: string; configDir: string; managed: string }, repo?: string): string;
export function pluginArgs(repo?: string): { pluginDir: string };
export function installManaged(dir?: string, repo?: string): { file: string; restore(): void };
