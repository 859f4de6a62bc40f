// The effective policy: every rule from every layer, each remembering where it came from. Built by src/policy/load.ts.
import type { Layer } from "../types.js";

export type RuleBehavior = "allow" | "ask" | "deny";

/** Where a rule came from, for reasons and `doctor`. */
export interface Provenance {
  readonly layer: Layer;
  /** The file it was read from ("builtin" for built-in tables). */
  readonly file: string;
}

/** A Claude Code permission rule (`Bash(npm test:*)`, `Read(./.env)`, `WebFetch(domain:x)`, `mcp__s__t`). */
export interface PermissionRule extends Provenance {
  readonly behavior: RuleBehavior;
  /** Tool name: `Bash`, `Read`, `Edit`, `WebFetch`, `mcp__server__tool`… */
  readonly tool: string;
  /** The text inside the parentheses, if any (`npm test:*`, `./.env`, `domain:x`). */
  readonly specifier?: string;
  /** The rule as written, for reasons. */
  readonly raw: string;
  /** Where the rule lives: a hookwarden `commands` rule carries its id; Claude Code rules get `settings.<behavior>`. */
  readonly id: string;
  /** Base directory for relative path specifiers (the settings file's project root, or home for user rules). */
  readonly base: string;
  /** hookwarden `commands` rules: a reason to show, and examples checked through the shell pipeline. */
  readonly reason?: string;
  readonly match?: readonly string[];
  readonly notMatch?: readonly string[];
}

export interface DomainRule extends Provenance {
  readonly behavior: RuleBehavior;
  /** `example.com` (exact) or `*.example.com` (subdomains). */
  readonly domain: string;
}

export interface ProgramRule extends Provenance {
  readonly program: string;
  readonly reason?: string;
}

export interface PathRule extends Provenance {
  /** A glob (minimatch, dot: true), absolute after `~` expansion, or relative to the project root. */
  readonly glob: string;
}

export interface McpRule extends Provenance {
  readonly behavior: RuleBehavior;
  /** Server name glob. */
  readonly server: string;
  /** Tool name glob (`*` when absent). */
  readonly tool: string;
}

export interface PolicyProblem {
  readonly file: string;
  /** JSON path of the offending field, e.g. `permissions.allow[2]`. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

export interface EffectivePolicy {
  /** Claude Code permission rules plus hookwarden `commands` rules (as tool "Bash"). Project-layer allow rules are
   *  already dropped here when the codebase is untrusted (see `inactiveProjectAllows`). */
  readonly rules: readonly PermissionRule[];
  /** Project-layer allow rules held back because the codebase is not trusted. */
  readonly inactiveProjectAllows: readonly PermissionRule[];
  /** Extra blocklisted programs, and built-ins removed by a layer (managed/user only). */
  readonly blocklistAdd: readonly ProgramRule[];
  readonly blocklistRemove: readonly ProgramRule[];
  readonly domains: readonly DomainRule[];
  readonly additionalDirectories: readonly PathRule[];
  readonly allowTempDir: boolean;
  readonly credentialPaths: readonly PathRule[];
  readonly protectedPaths: readonly PathRule[];
  readonly mcp: readonly McpRule[];
  readonly audit: { readonly enabled: boolean; readonly path?: string; readonly retentionDays: number; readonly maxBytes: number };
  /** Files that failed to load; non-empty → the hook answers fail-closed. */
  readonly problems: readonly PolicyProblem[];
  /** Files read, by layer, for `doctor`. */
  readonly files: readonly { readonly layer: Layer; readonly file: string; readonly kind: "settings" | "hookwarden"; readonly present: boolean }[];
}
