// `hookwarden trust`: trust a codebase's project-layer policy (pinned to its hash) or an MCP server.
import fs from "node:fs";
import path from "node:path";
import { dataDirFrom } from "../state/data-dir.js";
import { forgetMcpServer, readTrustStore, rememberMcpServer, trustProject, untrustProject } from "../state/trust.js";
import { colour, parseFlags, UsageError, type CliIo } from "./io.js";

const HELP = `usage: hookwarden trust [DIR]              trust DIR (default: here): its .claude allow rules become active
       hookwarden trust --revoke [DIR]     trust it no more
       hookwarden trust --mcp NAME         approve the MCP server NAME (its tools then follow the normal rules)
       hookwarden trust --mcp NAME --revoke
       hookwarden trust --list             what is trusted
Trust is pinned to a hash of the project's .claude/settings.json permissions and .claude/hookwarden.json:
when either changes, the codebase is untrusted again.
`;

export function runTrust(argv: string[], io: CliIo): number {
  const { flags, positional } = parseFlags(argv, ["revoke", "list", "help"]);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const c = colour(io);
  const dataDir = dataDirFrom(io.env, io.home);
  if (flags.list) {
    const { store, problem } = readTrustStore(dataDir);
    if (problem) io.stderr(`${c.yellow("warning:")} ${problem}\n`);
    io.stdout(`${c.bold("trusted codebases")}\n`);
    for (const [root, entry] of Object.entries(store.projects ?? {})) io.stdout(`  ${root}  ${c.dim(`since ${entry.trustedAt}`)}\n`);
    io.stdout(`${c.bold("known MCP servers")}\n`);
    for (const [name, entry] of Object.entries(store.mcpServers ?? {})) io.stdout(`  ${name}  ${c.dim(`${entry.how}, ${entry.approvedAt}`)}\n`);
    return 0;
  }
  if (flags.mcp !== undefined) {
    if (typeof flags.mcp !== "string" || !/^[A-Za-z0-9_.-]+$/.test(flags.mcp)) throw new UsageError("--mcp needs a server name (letters, digits, _ . -)");
    const written = flags.revoke ? forgetMcpServer(dataDir, flags.mcp) : rememberMcpServer(dataDir, flags.mcp, "cli");
    if (!written.ok) throw new Error(`the trust store was not changed: ${written.problem}`);
    io.stdout(`${flags.revoke ? "forgot" : c.green("approved")} MCP server ${flags.mcp}\n`);
    return 0;
  }
  if (positional.length > 1) throw new UsageError("trust one directory at a time");
  const dir = path.resolve(io.cwd, positional[0] ?? ".");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  const root = fs.realpathSync(dir);
  const written = flags.revoke ? untrustProject(dataDir, root) : trustProject(dataDir, root);
  if (!written.ok) throw new Error(`the trust store was not changed: ${written.problem}`);
  if (flags.revoke) {
    io.stdout(`${root} is no longer trusted\n`);
  } else {
    io.stdout(`${c.green("trusted")} ${root} — its project allow rules are active until its policy files change\n`);
  }
  return 0;
}
