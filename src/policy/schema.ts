// The schema of hookwarden's own policy file (`hookwarden.json` beside each settings file). zod/mini: it is parsed on
// every hook call. `hookwarden policy schema` prints the JSON Schema made from it.
import * as z from "zod/mini";

const text = (max = 512) => z.string().check(z.minLength(1), z.maxLength(max));
const behavior = z.enum(["allow", "ask", "deny"]);
const list = (max = 512) => z.array(text(max)).check(z.maxLength(1000));

export const CommandRuleSchema = z.strictObject({
  id: text(128).check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, dots, dashes")),
  behavior,
  /** Claude Code's Bash rule syntax: `npm test:*`, `git push *`, `make`. */
  pattern: text(),
  reason: z.optional(text(1000)),
  /** Commands this rule must match (checked when the file loads). */
  match: z.optional(list(2000)),
  /** Commands this rule must not match. */
  notMatch: z.optional(list(2000)),
});

export const PolicySchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.optional(z.literal(1)),
  /** Allow, ask or deny rules for Bash commands, matched against every simple command a call runs. */
  commands: z.optional(z.array(CommandRuleSchema).check(z.maxLength(1000))),
  /** Programs denied wherever they appear; `remove` is honoured only from the managed and user layers. */
  blocklist: z.optional(z.strictObject({ add: z.optional(list(128)), remove: z.optional(list(128)) })),
  /** WebFetch and network-command domains: `example.com` or `*.example.com`. */
  domains: z.optional(z.strictObject({ allow: z.optional(list(253)), ask: z.optional(list(253)), deny: z.optional(list(253)) })),
  writeScope: z.optional(
    z.strictObject({
      /** Directories writable besides the project (absolute, `~/…`, or relative to the project). */
      additionalDirectories: z.optional(list()),
      /** The system temp dir is writable unless this is false. */
      allowTempDir: z.optional(z.boolean()),
    }),
  ),
  /** Extra credential paths (globs): never read, by any tool. */
  credentialPaths: z.optional(list()),
  /** Extra protected paths (globs): never written, deleted, moved or chmod-ed. */
  protectedPaths: z.optional(list()),
  mcp: z.optional(
    z.array(z.strictObject({ server: text(128), tool: z.optional(text(128)), behavior })).check(z.maxLength(1000)),
  ),
  audit: z.optional(
    z.strictObject({
      enabled: z.optional(z.boolean()),
      path: z.optional(text(1024)),
      retentionDays: z.optional(z.number().check(z.gte(0), z.lte(3650))),
      maxBytes: z.optional(z.number().check(z.gte(0), z.lte(10 * 1024 * 1024 * 1024))),
    }),
  ),
  /** Managed layer only: allow rules from the user, project and local layers are ignored. */
  forbidLowerAllow: z.optional(z.boolean()),
});

export type PolicyFile = z.infer<typeof PolicySchema>;

export const POLICY_KEYS = ["$schema", "version", "commands", "blocklist", "domains", "writeScope", "credentialPaths", "protectedPaths", "mcp", "audit", "forbidLowerAllow"] as const;

/** The JSON Schema for editors (`$schema`) and the README's policy reference. */
export function policyJsonSchema(): unknown {
  return { title: "hookwarden policy", ...(z.toJSONSchema(PolicySchema) as object) };
}
