// The schema of hookwarden's own policy file (`hookwarden.json` beside each settings file). zod/mini: it is parsed on
// every hook call. `hookwarden policy schema` prints the JSON Schema made from it; the README's policy reference is
// generated from the descriptions here (scripts/policy-reference.mjs).
import * as z from "zod/mini";
import "../zod-config.js";

const d = z.describe;
const text = (max = 512) => z.string().check(z.minLength(1), z.maxLength(max));
const list = (max: number, description: string) => z.array(text(max)).check(z.maxLength(1000), d(description));

// Built on first use: most hook calls read no hookwarden.json at all, and building the schema costs start-up time.
function buildPolicySchema() {
const behavior = z.enum(["allow", "ask", "deny"]);
const CommandRuleSchema = z.strictObject({
  id: text(128).check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, dots, dashes"), d("Stable id; shows in reasons and the audit log as `commands.<id>`.")),
  behavior: behavior.check(d("`allow`, `ask` or `deny`.")),
  pattern: text().check(d("Claude Code's Bash rule syntax, matched against every simple command: `npm test:*`, `git push *`, `make`.")),
  reason: z.optional(text(1000).check(d("Said to Claude (deny) or the user (ask); say what to do instead."))),
  match: z.optional(list(2000, "Commands this rule must decide; checked by `hookwarden policy test`.")),
  notMatch: z.optional(list(2000, "Commands this rule must not decide.")),
});

return z.strictObject({
  $schema: z.optional(z.string().check(d("Path or URL of schema/hookwarden.schema.json, for editors."))),
  version: z.optional(z.literal(1).check(d("Format version; 1."))),
  commands: z.optional(
    z.array(CommandRuleSchema).check(z.maxLength(1000), d("Allow, ask or deny rules for Bash commands, applied to every simple command a call runs (through wrappers, `sh -c`, `$(…)`).")),
  ),
  blocklist: z.optional(
    z.strictObject({
      add: z.optional(list(128, "Programs denied wherever they appear in a command.")),
      remove: z.optional(list(128, "Built-in blocklist entries to lift; honoured only from the managed and user layers.")),
    }).check(d("Programs denied wherever they appear.")),
  ),
  domains: z.optional(
    z.strictObject({
      allow: z.optional(list(253, "WebFetch without asking: `example.com` (exact) or `*.example.com` (subdomains).")),
      ask: z.optional(list(253, "Always ask for these domains.")),
      deny: z.optional(list(253, "Never fetch these domains.")),
    }).check(d("Network approval by domain.")),
  ),
  writeScope: z.optional(
    z.strictObject({
      additionalDirectories: z.optional(list(512, "Directories writable besides the project (absolute, `~/…`, or relative to the project); project and local layers need trust.")),
      allowTempDir: z.optional(z.boolean().check(d("The system temp dir is writable unless a layer sets this to false."))),
    }).check(d("Where writes may go.")),
  ),
  credentialPaths: z.optional(list(512, "Extra credential paths (globs): never read, by any tool or command.")),
  protectedPaths: z.optional(list(512, "Extra protected paths (globs): never written, deleted, moved or chmod-ed.")),
  mcp: z.optional(
    z.array(
      z.strictObject({
        server: text(128).check(d("Server name or glob.")),
        tool: z.optional(text(128).check(d("Tool name or glob; all tools when absent."))),
        behavior: behavior.check(d("`allow`, `ask` or `deny`.")),
      }),
    ).check(z.maxLength(1000), d("Rules for MCP tools by server and tool.")),
  ),
  audit: z.optional(
    z.strictObject({
      enabled: z.optional(z.boolean().check(d("Write the audit log (default true)."))),
      path: z.optional(text(1024).check(d("Log file (default: audit.jsonl in the data dir)."))),
      retentionDays: z.optional(z.number().check(z.gte(0), z.lte(3650), d("Records older than this are pruned at SessionStart (default 30)."))),
      maxBytes: z.optional(z.number().check(z.gte(0), z.lte(10 * 1024 * 1024 * 1024), d("The log is cut to the newest records under this size (default 10 MB)."))),
    }).check(d("Audit log settings; read from the managed and user layers only.")),
  ),
  forbidLowerAllow: z.optional(z.boolean().check(d("Managed layer only: allow rules from the user, project and local layers are ignored."))),
});
}

let schema: ReturnType<typeof buildPolicySchema> | undefined;
export function policySchema(): ReturnType<typeof buildPolicySchema> {
  schema ??= buildPolicySchema();
  return schema;
}

export type PolicyFile = z.infer<ReturnType<typeof buildPolicySchema>>;

export const POLICY_KEYS = ["$schema", "version", "commands", "blocklist", "domains", "writeScope", "credentialPaths", "protectedPaths", "mcp", "audit", "forbidLowerAllow"] as const;

/** The JSON Schema for editors (`$schema`) and the README's policy reference. */
export function policyJsonSchema(): Record<string, unknown> {
  return { title: "hookwarden policy (hookwarden.json)", ...(z.toJSONSchema(policySchema()) as Record<string, unknown>) };
}
