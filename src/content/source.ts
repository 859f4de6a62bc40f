// Where a tool's output came from, and so how strictly it is scanned. Owns the tool → trust table and the few
// file-name facts that change a verdict (code vs prose, files of instructions meant for agents). Pure: no I/O.
import path from "node:path";
import type { Source, Trust } from "./types.js";

/** Tools whose output is the outside world talking. */
const UNTRUSTED_TOOLS: ReadonlySet<string> = new Set(["WebFetch", "WebSearch"]);
/** Tools that read files: trust depends on where the file is. */
const FILE_TOOLS: ReadonlySet<string> = new Set(["Read", "NotebookRead", "Grep", "Glob", "LS"]);
/** Tools whose output is the model's own or a local process's. */
const EXTERNAL_TOOLS: ReadonlySet<string> = new Set(["Bash", "BashOutput", "KillShell", "Agent", "Task", "TodoWrite", "ExitPlanMode"]);

// A command that prints what it fetched is as untrusted as WebFetch: `gh issue view`, `curl`, `wget -O-`.
const FETCHING_COMMAND = /(?:^|[\s;&|(`$])(?:curl|wget|gh|glab|http|https|xh|lynx|w3m|links|elinks|aria2c|fetch|nc|ncat|socat|telnet|hub)(?=\s|$)/;

const LABEL_MAX = 120;

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > LABEL_MAX ? `${one.slice(0, LABEL_MAX - 1)}…` : one;
}

function field(input: unknown, key: string): string | undefined {
  if (input === null || typeof input !== "object") return undefined;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(root, file));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The source of a tool's output: which tool, how trusted, a label for reasons and the taint. */
export function sourceOf(toolName: string, toolInput: unknown, projectRoot: string): Source {
  if (UNTRUSTED_TOOLS.has(toolName)) {
    const target = field(toolInput, "url") ?? field(toolInput, "query") ?? "";
    return { tool: toolName, trust: "untrusted", label: clip(`${toolName} ${target}`) };
  }
  if (toolName.startsWith("mcp__")) return { tool: toolName, trust: "untrusted", label: clip(toolName) };
  if (FILE_TOOLS.has(toolName)) {
    const file = field(toolInput, "file_path") ?? field(toolInput, "notebook_path") ?? field(toolInput, "path");
    const where = file ?? projectRoot;
    const trust: Trust = inside(projectRoot, where) ? "project" : "external";
    const shown = file ? (trust === "project" ? path.relative(projectRoot, path.resolve(projectRoot, file)) || file : file) : field(toolInput, "pattern") ?? "";
    return { tool: toolName, trust, label: clip(`${toolName} ${shown}`), ...(file && toolName !== "Grep" && toolName !== "Glob" ? { path: file } : {}) };
  }
  if (toolName === "Bash") {
    const command = field(toolInput, "command") ?? "";
    return { tool: toolName, trust: FETCHING_COMMAND.test(command) ? "untrusted" : "external", label: clip(`Bash \`${command}\``) };
  }
  if (EXTERNAL_TOOLS.has(toolName)) return { tool: toolName, trust: "external", label: clip(toolName) };
  return { tool: toolName, trust: "untrusted", label: clip(toolName) };
}

export const USER_PROMPT: Source = { tool: "UserPromptSubmit", trust: "user", label: "the user's prompt" };

// Files written for agents to follow: instructions to an AI are their purpose, so only carriers count there.
const AGENT_INSTRUCTION_FILE =
  /(?:^|[\\/])(?:CLAUDE(?:\.local)?\.md|AGENTS\.md|GEMINI\.md|\.cursorrules|\.windsurfrules|\.clinerules|copilot-instructions\.md|[^\\/]*\.prompt(?:\.md)?|[^\\/]*\.mdc)$|(?:^|[\\/])(?:\.claude|\.cursor|\.github[\\/]prompts|prompts?)[\\/]/i;
const CODE_FILE =
  /\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|kts|scala|swift|c|cc|cpp|cxx|h|hpp|cs|php|pl|pm|lua|sh|bash|zsh|fish|ps1|r|jl|ex|exs|erl|hs|ml|fs|clj|dart|vue|svelte|sql|ya?ml|toml|json|jsonc|ini|cfg|conf|lock|xml|gradle|tf)$/i;

/** The file is meant to instruct agents (CLAUDE.md, AGENTS.md, .cursorrules, prompt files). */
export function isAgentInstructionFile(file: string | undefined): boolean {
  return file !== undefined && AGENT_INSTRUCTION_FILE.test(file);
}

/** The file is code or configuration, not prose: injection-looking text in it is data (a test fixture, a string). */
export function isCodeFile(file: string | undefined): boolean {
  return file !== undefined && CODE_FILE.test(file);
}
