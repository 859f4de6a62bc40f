// The Bash orchestrator: Unicode scan, analysis, then every shell check over the command model. Also the entry of
// the lazily loaded shell bundle (dist/shell.cjs): `checkBash` for the hook, `explainCommand` for the CLI.
// Owns `shell.unparsed`, `shell.opaque` and `bash.unmatched`; each check owns its own rule ids.
import type { Context } from "../context-types.js";
import { decide } from "../decide.js";
import { describeCommand, describeCommands } from "../explain/describe.js";
import { SUBCOMMAND_PROGRAMS } from "../explain/programs.js";
import { analyseShell } from "../shell/analyse.js";
import type { ShellCommand } from "../shell/model.js";
import { scanUnicode } from "../shell/unicode.js";
import type { Decision, Finding } from "../types.js";
import { allowlistFindings, classifyCommands, shownCommand, type Coverage } from "./allowlist.js";
import { checkBlocklist } from "./blocklist.js";
import { checkInjection, unicodeFindings } from "./injection.js";
import { checkShellNetwork } from "./network-shell.js";
import { checkReadonly } from "./readonly.js";
import { checkShellPaths } from "./shell-paths.js";

export function checkBash(command: string, ctx: Context): Finding[] {
  const findings: Finding[] = unicodeFindings(scanUnicode(command));
  const analysis = analyseShell(command);
  if (!analysis.ok) {
    findings.push({
      severity: "ask",
      rule: "shell.unparsed",
      layer: "builtin",
      reason: `hookwarden could not analyse this command (${analysis.reason}), so it asks first; split it into simpler commands.`,
    });
    return findings;
  }
  const commands = analysis.commands;
  if (commands.length === 0) {
    findings.push({ severity: "allow", rule: "shell.empty", layer: "builtin", reason: "The command runs nothing." });
    return findings;
  }
  findings.push(...checkBlocklist(commands, ctx), ...checkInjection(commands, ctx));
  findings.push(...checkOpaque(commands));
  const coverage = classifyCommands(commands, ctx);
  findings.push(...allowlistFindings(coverage, ctx), ...checkReadonly(commands, ctx), ...unmatchedFindings(coverage));
  findings.push(...checkShellPaths(commands, ctx), ...withoutAllowedNetwork(checkShellNetwork(commands, ctx), coverage));
  return findings;
}

/** A network command the user allowlisted (`Bash(git fetch:*)`) is approved; other network findings
 *  (transport overrides, taint) stand whatever the allowlist says. */
function withoutAllowedNetwork(findings: readonly Finding[], coverage: readonly Coverage[]): Finding[] {
  const allowed = coverage.filter((c) => c.kind === "allowed").map((c) => c.cmd.span);
  return findings.filter((f) => !(f.rule === "network.command" && f.span && allowed.some((s) => s.pos === f.span!.pos && s.end === f.span!.end)));
}

/** Wrappers we could not see through: ask, naming what we could not read. */
function checkOpaque(commands: readonly ShellCommand[]): Finding[] {
  return commands
    .filter((c) => c.unresolved !== undefined)
    .map((c) => ({
      severity: "ask" as const,
      rule: "shell.opaque" as const,
      layer: "builtin" as const,
      reason: `hookwarden cannot see what \`${shownCommand(c)}\` runs: ${c.unresolved}. Write the command it runs out directly.`,
      span: c.span,
    }));
}

/** Program + first word, for a suggested rule: `Bash(npm run:*)`, `Bash(make:*)`. */
function suggestedRule(c: ShellCommand): string | undefined {
  if (c.name.kind !== "literal" || !c.name.value) return undefined;
  const sub = c.args[0];
  const multi = SUBCOMMAND_PROGRAMS.has(c.name.value) && sub && !sub.dynamic && /^[a-z][a-z0-9:-]*$/.test(sub.value);
  return `Bash(${c.name.value}${multi ? ` ${sub.value}` : ""}:*)`;
}

function unmatchedFindings(coverage: readonly Coverage[]): Finding[] {
  const out: Finding[] = [];
  for (const c of coverage) {
    if (c.kind !== "unmatched" || c.cmd.unresolved) continue;
    const what = describeCommand(c.cmd);
    const rule = suggestedRule(c.cmd);
    const held = c.inactive
      ? ` The project rule "${c.inactive.raw}" in ${c.inactive.file} would allow it, but this codebase is not trusted yet (run \`hookwarden trust\`).`
      : rule
        ? ` If it is safe to run without asking, allow it with ${rule} in your Claude Code settings.`
        : "";
    out.push({
      severity: "ask",
      rule: "bash.unmatched",
      layer: "builtin",
      reason: `\`${shownCommand(c.cmd)}\` ${what} — it is not read-only (${c.why}) and no allow rule covers it, so hookwarden asks first.${held}`,
      span: c.cmd.span,
    });
  }
  return out;
}

/** `hookwarden explain`: the decision and a plain-English description of the whole command. */
export function explainCommand(command: string, ctx: Context): { decision: Decision; description: string } {
  const analysis = analyseShell(command);
  const description = analysis.ok ? describeCommands(analysis.commands) : `hookwarden cannot analyse this command: ${analysis.reason}`;
  return { decision: decide(checkBash(command, ctx)), description };
}
