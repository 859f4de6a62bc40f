// Network effects of Bash commands (issue 5). Stub: the full table lands shortly.
import type { Finding } from "../types.js";
import type { Context } from "../context-types.js";
import type { ShellCommand } from "../shell/model.js";

export function checkShellNetwork(commands: readonly ShellCommand[], ctx: Context): Finding[] {
  void commands;
  void ctx;
  return [];
}
