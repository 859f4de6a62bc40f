// `hookwarden explain '<command>'`: what a shell command would do, in plain English, and what hookwarden decides.
import { loadContext } from "../context.js";
import { loadShellChecks } from "../checks/load-shell.js";
import { colour, parseFlags, UsageError, type CliIo } from "./io.js";

const HELP = `usage: hookwarden explain [--json] [--cwd DIR] '<shell command>'
Prints what the command would run, read and write, then hookwarden's decision and its reasons.
`;

export async function runExplain(argv: string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, ["json", "help"]);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const command = positional.join(" ");
  if (!command.trim()) throw new UsageError("give the command to explain, in quotes");
  const cwd = typeof flags.cwd === "string" ? flags.cwd : io.cwd;
  const ctx = loadContext({ cwd, session_id: "cli-explain" }, io.env);
  const { explainCommand } = await loadShellChecks();
  const { decision, description } = explainCommand(command, ctx);
  if (flags.json) {
    io.stdout(`${JSON.stringify({ command, description, decision: decision.kind, reason: decision.reason ?? null, findings: decision.findings }, null, 2)}\n`);
  } else {
    const c = colour(io);
    const paint = decision.kind === "deny" ? c.red : decision.kind === "ask" ? c.yellow : c.green;
    io.stdout(`${description}\n${paint(decision.kind.toUpperCase())}${decision.reason ? `  ${decision.reason}` : ""}\n`);
  }
  return 0;
}
