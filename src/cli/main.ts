// `hookwarden` — the operator's command. One catch at the edge turns any failure into a message and an exit code.
import os from "node:os";
import { colour, UsageError, type CliIo } from "./io.js";
import { table } from "../table.js";

type Command = (argv: string[], io: CliIo) => Promise<number> | number;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = table({
  check: { summary: "dry-run a tool call and show the decision, the rules and the layers behind it", load: async () => (await import("./check.js")).runCheck },
  explain: { summary: "say in plain English what a shell command would do, and the decision", load: async () => (await import("./explain.js")).runExplain },
  init: { summary: "register the hooks in project, user or managed settings", load: async () => (await import("./init.js")).runInit },
  doctor: { summary: "effective policy with provenance, where hooks are registered, problems found", load: async () => (await import("./doctor.js")).runDoctor },
  trust: { summary: "trust this codebase's policy, or an MCP server", load: async () => (await import("./trust.js")).runTrust },
  audit: { summary: "recent decisions from the audit log", load: async () => (await import("../cli/audit.js")).runAuditCommand as Command },
  policy: { summary: "`policy schema` prints the JSON Schema; `policy test` runs rule examples and case files", load: async () => (await import("./policy.js")).runPolicy },
});

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    "usage: hookwarden <command> [options]   (hookwarden <command> --help for more)",
    "",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
  ].join("\n");
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.stdout(`${__VERSION__}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`hookwarden: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`hookwarden ${name}: ${error.message}\n(run \`hookwarden ${name} --help\`)\n`);
      return 2;
    }
    io.stderr(`${colour(io).red(`hookwarden ${name} failed:`)} ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

declare const __VERSION__: string;

const isEntry = typeof require !== "undefined" && require.main === module;
if (isEntry) {
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    home: process.env.HOME || os.homedir(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
