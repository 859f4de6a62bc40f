// `hookwarden doctor`: what is in force here and why — policy with provenance, hook registrations, state, problems.
import fs from "node:fs";
import path from "node:path";
import { loadContext } from "../context.js";
import { managedDirFor } from "../policy/files.js";
import { readTrustStore } from "../state/trust.js";
import { colour, parseFlags, type CliIo } from "./io.js";
import { HOOK_FILES, isHookwardenCommand } from "./install-paths.js";

const HELP = `usage: hookwarden doctor [--dir PROJECT] [--session ID] [--json]
Shows the effective policy with the layer and file behind each rule, where hookwarden's hooks are registered,
the Node version, whether dist/ is present, trust and taint state, and every problem found (exit 1 if any).
`;

export function runDoctor(argv: string[], io: CliIo): number {
  const { flags } = parseFlags(argv, ["json", "help"]);
  if (flags.help) {
    io.stdout(HELP);
    return 0;
  }
  const dir = path.resolve(io.cwd, typeof flags.dir === "string" ? flags.dir : ".");
  const env = { ...io.env, CLAUDE_PROJECT_DIR: io.env.CLAUDE_PROJECT_DIR ?? dir };
  const ctx = loadContext({ cwd: dir, session_id: typeof flags.session === "string" ? flags.session : "doctor" }, env);
  const problems: string[] = ctx.policy.problems.map((p) => `${p.file}: \`${p.path}\` ${p.message}${p.hint ? ` (${p.hint})` : ""}`);
  const trustProblem = readTrustStore(ctx.dataDir).problem;
  if (trustProblem) problems.push(`trust store: ${trustProblem}`);

  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) problems.push(`Node ${process.versions.node} is older than 20.19`);
  const install = ctx.installDir;
  const distMissing = install ? HOOK_FILES.filter((f) => !fs.existsSync(path.join(install, "dist", `${f}.cjs`))) : [];
  if (distMissing.length) problems.push(`dist/ is missing ${distMissing.join(", ")} under ${install}: run \`npm run build\``);

  const registrations = ctx.policy.files
    .filter((f) => f.kind === "settings" && f.present)
    .map((f) => ({ layer: f.layer, file: f.file, events: registeredEvents(f.file) }));
  const pluginRoot = io.env.CLAUDE_PLUGIN_ROOT;
  if (registrations.every((r) => r.events.length === 0) && !pluginRoot) problems.push("hookwarden's hooks are not registered in any settings file here (run `hookwarden init`, or install the plugin)");
  const preRegistered = registrations.filter((r) => r.events.includes("PreToolUse"));
  const report = {
    node: process.versions.node,
    installDir: install ?? null,
    managedDir: ctx.managedDir,
    managedDirOverride: io.env.HOOKWARDEN_MANAGED_DIR ? `HOOKWARDEN_MANAGED_DIR=${io.env.HOOKWARDEN_MANAGED_DIR} (the OS default is ${managedDirFor({})})` : null,
    dataDir: ctx.dataDir,
    projectRoot: ctx.projectRoot,
    trusted: ctx.trusted,
    taint: ctx.taint ?? null,
    writeScope: ctx.writeScope,
    files: ctx.policy.files,
    registrations,
    rules: ctx.policy.rules.map((r) => ({ behavior: r.behavior, rule: r.raw, layer: r.layer, file: r.file })),
    inactiveProjectAllows: ctx.policy.inactiveProjectAllows.map((r) => ({ rule: r.raw, layer: r.layer, file: r.file })),
    blocklist: { add: ctx.policy.blocklistAdd, remove: ctx.policy.blocklistRemove },
    domains: ctx.policy.domains,
    mcp: ctx.policy.mcp,
    knownMcpServers: ctx.knownMcpServers,
    audit: ctx.policy.audit,
    problems,
  };
  if (flags.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return problems.length ? 1 : 0;
  }
  const c = colour(io);
  const out: string[] = [];
  const head = (s: string) => out.push("", c.bold(s));
  out.push(`${c.bold("hookwarden doctor")}  node ${report.node}  install ${install ?? "(unknown: not run from dist/)"}`);
  head("where");
  out.push(`  project root   ${ctx.projectRoot}  (${ctx.trusted ? c.green("trusted") : c.yellow("not trusted")})`);
  out.push(`  managed dir    ${ctx.managedDir}${report.managedDirOverride ? c.yellow(`  ← ${report.managedDirOverride}`) : ""}`);
  out.push(`  data dir       ${ctx.dataDir}`);
  out.push(`  write scope    ${ctx.writeScope.join(", ")}`);
  if (ctx.taint) out.push(`  ${c.red("session tainted")} by ${ctx.taint.family} in ${ctx.taint.source} (${ctx.taint.at})`);
  head("policy files");
  for (const f of ctx.policy.files) out.push(`  ${f.layer.padEnd(8)} ${f.present ? "present" : c.dim("absent ")}  ${f.file}`);
  head("hook registrations");
  if (pluginRoot) out.push(`  plugin         ${pluginRoot}`);
  for (const r of registrations) out.push(`  ${r.layer.padEnd(8)} ${r.events.length ? r.events.join(", ") : c.dim("none")}  ${r.file}`);
  if (preRegistered.length > 1) out.push(c.yellow(`  PreToolUse is registered ${preRegistered.length} times; each runs (harmless, but slower)`));
  head("rules in force (strongest layer first)");
  for (const r of report.rules) out.push(`  ${r.behavior.padEnd(5)} ${r.rule}  ${c.dim(`[${r.layer}] ${r.file}`)}`);
  if (report.rules.length === 0) out.push(c.dim("  (none: built-in defaults only)"));
  if (report.inactiveProjectAllows.length) {
    head("waiting for `hookwarden trust` (inactive)");
    for (const r of report.inactiveProjectAllows) out.push(`  allow ${r.rule}  ${c.dim(`[${r.layer}] ${r.file}`)}`);
  }
  head("other policy");
  for (const d of ctx.policy.domains) out.push(`  domain ${d.behavior} ${d.domain}  ${c.dim(`[${d.layer}] ${d.file}`)}`);
  for (const b of ctx.policy.blocklistAdd) out.push(`  blocklist + ${b.program}  ${c.dim(`[${b.layer}] ${b.file}`)}`);
  for (const b of ctx.policy.blocklistRemove) out.push(`  blocklist - ${b.program}  ${c.dim(`[${b.layer}] ${b.file}`)}`);
  out.push(`  audit ${ctx.policy.audit.enabled ? "on" : "off"}, ${ctx.policy.audit.retentionDays} days, ${(ctx.policy.audit.maxBytes / 1024 / 1024).toFixed(1)} MB${ctx.policy.audit.path ? `, ${ctx.policy.audit.path}` : ""}`);
  if (ctx.knownMcpServers.length) out.push(`  known MCP servers: ${ctx.knownMcpServers.join(", ")}`);
  head(problems.length ? c.red(`${problems.length} problem(s)`) : c.green("no problems found"));
  for (const p of problems) out.push(`  - ${p}`);
  if (ctx.policy.problems.length) out.push(c.yellow("  While a policy file is invalid, hookwarden asks about every call (a managed file: denies every call)."));
  io.stdout(`${out.join("\n")}\n`);
  return problems.length ? 1 : 0;
}

function registeredEvents(file: string): string[] {
  try {
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { hooks?: Record<string, { hooks?: { command?: unknown }[] }[]> };
    return Object.entries(json.hooks ?? {})
      .filter(([, groups]) => Array.isArray(groups) && groups.some((g) => (g.hooks ?? []).some((h) => isHookwardenCommand(h.command))))
      .map(([event]) => event);
  } catch {
    return []; // unreadable files are already reported as policy problems
  }
}
