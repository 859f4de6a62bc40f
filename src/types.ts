// Core domain types shared by every pipeline stage. Data only: no logic lives here.

export type Layer = "builtin" | "managed" | "user" | "project" | "local";
export const LAYERS_STRONGEST_FIRST: readonly Layer[] = ["managed", "user", "project", "local", "builtin"];

export type RuleId = `${string}.${string}`;

/** A path made absolute and normalised; minted only in src/paths/resolve.ts. */
export type AbsolutePath = string & { readonly __brand: "AbsolutePath" };

export type Span = { readonly pos: number; readonly end: number };

export type Severity = "deny" | "ask" | "allow" | "info";

export type Finding =
  | { readonly severity: "deny" | "ask"; readonly rule: RuleId; readonly layer: Layer; readonly reason: string; readonly span?: Span }
  | { readonly severity: "allow" | "info"; readonly rule: RuleId; readonly layer: Layer; readonly reason?: string; readonly span?: Span };

export type Decision =
  | { readonly kind: "deny" | "ask"; readonly reason: string; readonly findings: readonly Finding[] }
  | { readonly kind: "allow"; readonly reason?: string; readonly findings: readonly Finding[] };

export type PermissionMode = "default" | "plan" | "acceptEdits" | "auto" | "dontAsk" | "bypassPermissions";

export function finding(
  severity: Severity,
  rule: RuleId,
  reason: string,
  layer: Layer = "builtin",
): Finding {
  return severity === "deny" || severity === "ask"
    ? { severity, rule, layer, reason }
    : { severity, rule, layer, reason };
}
