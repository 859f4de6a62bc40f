// The one ordered list of checks: which check sees which tool. Checks are pure; this file only routes.
import type { Context } from "../context-types.js";
import { finding, type Finding } from "../types.js";
import { checkFileTool } from "./file-tools.js";
import { checkMcpTool } from "./mcp.js";
import { checkWebTool } from "./network.js";
import { checkPolicyExamples } from "./policy-examples.js";
import { checkPolicyProblems } from "./policy-problems.js";
import { checkToolRules } from "./tool-rules.js";
import { describeMcpServer } from "../mcp-config.js";
import { loadShellChecks } from "./load-shell.js";

/** Tools that only read or plan: allowed unless a path check objects. */
export const FILE_TOOLS: ReadonlySet<string> = new Set(["Read", "Glob", "Grep", "LS", "NotebookRead", "Write", "Edit", "MultiEdit", "NotebookEdit"]);
const WRITE_TOOLS: ReadonlySet<string> = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);
/** Side-effect-free tools of Claude Code itself (planning, todo lists, subagents whose own calls are checked). */
const HARMLESS_TOOLS: ReadonlySet<string> = new Set([
  "TodoWrite", "Agent", "Task", "TaskCreate", "TaskGet", "TaskList", "TaskUpdate", "TaskOutput",
  "ExitPlanMode", "EnterPlanMode", "AskUserQuestion", "ToolSearch",
]);
/** Tools that run shell commands. */
const SHELL_TOOLS: ReadonlySet<string> = new Set(["Bash", "Monitor"]);

export async function checkToolCall(tool: string, input: Record<string, unknown>, ctx: Context): Promise<Finding[]> {
  const findings: Finding[] = [...checkPolicyProblems(ctx), ...checkToolRules(tool, input, ctx)];
  if (SHELL_TOOLS.has(tool)) {
    const command = input.command;
    if (typeof command !== "string") {
      findings.push(finding("deny", "protocol.bad-input", `The ${tool} call has no command string, so hookwarden blocked it; send the command as \`command\`.`));
    } else {
      const { checkBash } = await loadShellChecks();
      findings.push(...checkPolicyExamples(ctx, checkBash), ...checkBash(command, ctx));
    }
  } else if (FILE_TOOLS.has(tool)) {
    findings.push(...checkFileTool(tool, input, ctx));
  } else if (tool === "WebFetch" || tool === "WebSearch") {
    findings.push(...checkWebTool(tool, input, ctx));
  } else if (tool.startsWith("mcp__")) {
    findings.push(...checkMcpTool(tool, input, ctx, (name) => describeMcpServer(name, ctx.projectRoot, ctx.configDir)));
  } else if (HARMLESS_TOOLS.has(tool)) {
    findings.push(finding("allow", "tool.harmless", `${tool} has no side effects of its own.`));
  } else if (tool === "PowerShell") {
    findings.push(finding("ask", "tool.powershell", "hookwarden cannot analyse PowerShell commands yet, so it asks you first."));
  } else if (!findings.some((f) => f.severity === "allow")) {
    findings.push(finding("ask", "tool.unknown", `hookwarden has no rules for the tool "${tool}", so it asks you first.`));
  }
  return ctx.taint && !isReadOnlyCall(tool) && !SHELL_TOOLS.has(tool) ? suspendAllows(findings, ctx) : findings;
}

function isReadOnlyCall(tool: string): boolean {
  return (FILE_TOOLS.has(tool) && !WRITE_TOOLS.has(tool)) || HARMLESS_TOOLS.has(tool);
}

/** While the session is tainted by a prompt injection, nothing but reading runs without a person saying yes. */
function suspendAllows(findings: Finding[], ctx: Context): Finding[] {
  const kept = findings.filter((f) => f.severity !== "allow");
  if (kept.some((f) => f.severity !== "info" && f.rule.includes("taint"))) return kept; // a check already said so
  kept.push(finding("ask", "taint.suspended", `This session read content that looked like a prompt injection (${ctx.taint?.family} in ${ctx.taint?.source}), so hookwarden suspended its allowlists until the session ends; confirm this call only if you asked for it.`));
  return kept;
}
