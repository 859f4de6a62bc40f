// Rules test themselves: a `commands` rule's `match` examples must be decided by it and its `notMatch` examples must
// not. An example that fails makes the rule's file invalid — the call is answered fail-closed, naming file, rule and
// example — because a rule that does not do what its author wrote is a hole nobody sees. Examples run through the
// whole pipeline (parse → unwrap → check), so this needs the shell analyser: it runs on shell calls and in
// `hookwarden policy test`.
import type { Context } from "../context-types.js";
import { decide } from "../decide.js";
import type { PermissionRule } from "../policy/types.js";
import { finding, type Finding } from "../types.js";

export type CheckShell = (command: string, ctx: Context) => Finding[];

export interface ExampleResult {
  readonly rule: PermissionRule;
  readonly kind: "match" | "notMatch";
  readonly command: string;
  readonly hit: boolean;
  readonly pass: boolean;
}

/** A deny/ask rule decides a command when it fires; an allow rule only when the whole call is then allowed
 *  (`npm test && curl x` is not allowed by `npm test:*`). */
export function ruleDecides(rule: PermissionRule, findings: readonly Finding[]): boolean {
  const fired = findings.some((f) => f.rule === rule.id && f.severity === rule.behavior);
  return fired && (rule.behavior !== "allow" || decide(findings).kind === "allow");
}

export function runExamples(ctx: Context, checkShell: CheckShell): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const rule of ctx.policy.rules) {
    for (const kind of ["match", "notMatch"] as const) {
      for (const command of rule[kind] ?? []) {
        const hit = ruleDecides(rule, checkShell(command, ctx));
        out.push({ rule, kind, command, hit, pass: kind === "match" ? hit : !hit });
      }
    }
  }
  return out;
}

export function checkPolicyExamples(ctx: Context, checkShell: CheckShell): Finding[] {
  if (!ctx.policy.rules.some((r) => r.match?.length || r.notMatch?.length)) return [];
  return runExamples(ctx, checkShell)
    .filter((r) => !r.pass)
    .slice(0, 3)
    .map(({ rule, kind, command }) => {
      const managed = rule.layer === "managed";
      return finding(
        managed ? "deny" : "ask",
        "policy.example-failed",
        `hookwarden's policy file ${rule.file} is invalid: rule "${rule.id.replace(/^commands\./, "")}" should ${kind === "match" ? "" : "not "}decide its example \`${command}\`, but it ${kind === "match" ? "does not" : "does"}. Until the rule or its example is fixed hookwarden ${managed ? "blocks" : "asks about"} every shell command; run \`hookwarden policy test\` to see every example.`,
        rule.layer,
      );
    });
}
