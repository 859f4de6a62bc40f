// Allowlists and denylists per simple command: Claude Code's `Bash(…)` rules from every settings layer and
// hookwarden `commands` rules. A deny or ask rule matches a simple command found anywhere (inside sudo, `sh -c`,
// `$(…)`, after `cd x &&`); an allow rule covers only the commands it matches, and the call is allowed only when
// every command is covered or read-only. While the session is tainted, allow rules are suspended.
// Does not own: the read-only set (readonly.ts), what an unmatched command asks (bash.ts).
import type { Context } from "../context-types.js";
import type { PermissionRule } from "../policy/types.js";
import type { ShellCommand, Word } from "../shell/model.js";
import type { Finding, RuleId } from "../types.js";
import { matchBashRule, matchBashRuleLoose } from "./bash-rule-match.js";
import { readOnlyVerdict } from "./readonly.js";

export type Coverage =
  | { readonly cmd: ShellCommand; readonly kind: "read-only" }
  | { readonly cmd: ShellCommand; readonly kind: "allowed"; readonly rule: PermissionRule }
  | { readonly cmd: ShellCommand; readonly kind: "denied" | "asked"; readonly rule: PermissionRule }
  | { readonly cmd: ShellCommand; readonly kind: "tainted"; readonly why: string }
  | { readonly cmd: ShellCommand; readonly kind: "unmatched"; readonly why: string; readonly inactive?: PermissionRule };

interface Form {
  readonly argv: readonly string[];
  /** A form that stands for the whole command (its own argv, or an exec wrapper around it): allow rules may cover it. */
  readonly covers: boolean;
}

const values = (ws: readonly Word[]) => ws.map((w) => w.value);

/** The argv forms a rule is matched against: the command as written and by program name, and each wrapper's argv
 *  (so `Bash(sudo *)` denies `sudo -u root rm x`). Behind a privileged wrapper, only the wrapper's forms can allow. */
export function argvForms(cmd: ShellCommand): Form[] {
  const forms: Form[] = [];
  const privileged = cmd.wrappers?.some((w) => w.privileged) ?? false;
  const first = cmd.name.kind === "literal" ? cmd.name.value : cmd.name.text;
  if (first !== "" || cmd.args.length) {
    const args = values(cmd.args);
    forms.push({ argv: [cmd.program ?? first, ...args], covers: !privileged });
    if (cmd.program !== undefined) forms.push({ argv: [first, ...args], covers: !privileged });
  }
  const git = gitWithoutGlobalOptions(cmd, privileged);
  if (git) forms.push(git);
  for (const w of cmd.wrappers ?? []) {
    const [head, ...rest] = w.argv;
    if (!head) continue;
    const covers = w.kind === "exec";
    const restValues = values(rest);
    forms.push({ argv: [head.value, ...restValues], covers });
    if (head.value !== w.name) forms.push({ argv: [w.name, ...restValues], covers });
  }
  return forms;
}

// `git -C sub fetch`, `git --no-pager log`: rules are written for the subcommand, so match it without git's global
// options too. Deny and ask rules always see this form (`git -c x=y push` is still a push); it covers an allow only
// when the options cannot change what git runs or where (`-c`, `--git-dir`, `--exec-path`… keep it unmatched).
const GIT_HARMLESS = new Set(["--no-pager", "-P", "--paginate", "-p", "--no-optional-locks", "--literal-pathspecs", "--no-replace-objects"]);
const GIT_WITH_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env", "--super-prefix"]);
/** Its value only ever as `--exec-path=DIR`: `git --exec-path push` does not skip `push`. */
const GIT_EQUALS_ONLY = new Set(["--exec-path"]);

function gitWithoutGlobalOptions(cmd: ShellCommand, privileged: boolean): Form | undefined {
  if ((cmd.program ?? (cmd.name.kind === "literal" ? cmd.name.value : "")) !== "git") return undefined;
  const args = values(cmd.args);
  let i = 0;
  let covers = !privileged;
  while (i < args.length && args[i]!.startsWith("-")) {
    const a = args[i]!;
    const [flag] = a.split("=", 1) as [string];
    if (GIT_HARMLESS.has(a)) i += 1;
    else if (GIT_WITH_VALUE.has(flag)) {
      if (flag !== "-C") covers = false;
      i += a.includes("=") || GIT_EQUALS_ONLY.has(flag) ? 1 : 2;
    } else return undefined; // an option we don't know: no shortcut form
  }
  if (i === 0 || i >= args.length) return undefined;
  return { argv: ["git", ...args.slice(i)], covers };
}

function bashRules(ctx: Context, behavior: PermissionRule["behavior"]): PermissionRule[] {
  return ctx.policy.rules.filter((r) => r.tool === "Bash" && r.behavior === behavior);
}

function ruleMatches(rule: PermissionRule, form: Form, loose: boolean): boolean {
  const spec = rule.specifier ?? "*";
  return loose ? matchBashRuleLoose(spec, form.argv) : matchBashRule(spec, form.argv);
}

/** Each command's standing: matched by a deny/ask rule, read-only, allowed by a rule, or not covered. */
export function classifyCommands(commands: readonly ShellCommand[], ctx: Context): Coverage[] {
  const deny = bashRules(ctx, "deny");
  const ask = bashRules(ctx, "ask");
  const allow = bashRules(ctx, "allow");
  const inactive = ctx.policy.inactiveProjectAllows.filter((r) => r.tool === "Bash");
  const out: Coverage[] = [];
  const anyRules = deny.length + ask.length + allow.length + inactive.length > 0;
  for (const cmd of commands) {
    if (!anyRules) {
      // No Bash rule in any layer: only the read-only set can cover a command.
      const verdict = readOnlyVerdict(cmd);
      if (verdict.ok) out.push({ cmd, kind: "read-only" });
      else if (ctx.taint) out.push({ cmd, kind: "tainted", why: verdict.why });
      else out.push({ cmd, kind: "unmatched", why: verdict.why });
      continue;
    }
    const forms = argvForms(cmd);
    const denied = deny.find((r) => forms.some((f) => ruleMatches(r, f, true)));
    if (denied) {
      out.push({ cmd, kind: "denied", rule: denied });
      continue;
    }
    const asked = ask.find((r) => forms.some((f) => ruleMatches(r, f, true)));
    if (asked) {
      out.push({ cmd, kind: "asked", rule: asked });
      continue;
    }
    const verdict = readOnlyVerdict(cmd);
    if (verdict.ok) {
      out.push({ cmd, kind: "read-only" });
      continue;
    }
    if (ctx.taint) {
      out.push({ cmd, kind: "tainted", why: verdict.why });
      continue;
    }
    const covering = forms.filter((f) => f.covers);
    const allowed = allow.find((r) => covering.some((f) => ruleMatches(r, f, false)));
    if (allowed) {
      out.push({ cmd, kind: "allowed", rule: allowed });
      continue;
    }
    const held = inactive.find((r) => covering.some((f) => ruleMatches(r, f, false)));
    out.push({ cmd, kind: "unmatched", why: verdict.why, ...(held ? { inactive: held } : {}) });
  }
  return out;
}

/** `sudo npm publish` as the user would read it. */
export function shownCommand(cmd: ShellCommand): string {
  const outer = cmd.wrappers?.[0];
  const words = outer ? outer.argv.map((w) => w.text) : [cmd.nameText ?? (cmd.name.kind === "literal" ? cmd.program ?? cmd.name.value : cmd.name.text), ...cmd.args.map((a) => a.text)];
  const text = words.join(" ");
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function through(cmd: ShellCommand): string {
  return cmd.via.length ? ` (reached through ${cmd.via.map((v) => `\`${v}\``).join(" → ")})` : "";
}

export function checkAllowlist(commands: readonly ShellCommand[], ctx: Context): Finding[] {
  return allowlistFindings(classifyCommands(commands, ctx), ctx);
}

/** Findings from an already computed classification (bash.ts classifies once for this and `bash.unmatched`). */
export function allowlistFindings(coverage: readonly Coverage[], ctx: Context): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const once = (key: string, f: Finding) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const c of coverage) {
    switch (c.kind) {
      case "denied":
      case "asked": {
        const r = c.rule;
        const verb = c.kind === "denied" ? "deny" : "ask";
        const next = r.reason ?? (c.kind === "denied" ? "Do not run it; if the user needs it, ask them to run it themselves." : "The user must confirm it.");
        once(`${r.id}|${r.raw}|${c.cmd.seq}`, {
          severity: verb,
          rule: r.id as RuleId,
          layer: r.layer,
          reason: `\`${shownCommand(c.cmd)}\` matches the ${verb} rule "${r.raw}" in ${r.file}${through(c.cmd)}. ${next}`,
          span: c.cmd.span,
        });
        break;
      }
      case "allowed":
        once(`${c.rule.id}|${c.rule.raw}`, { severity: "allow", rule: c.rule.id as RuleId, layer: c.rule.layer, reason: `Allowed by "${c.rule.raw}" in ${c.rule.file}.` });
        break;
      case "tainted":
        once(`tainted|${c.cmd.seq}`, {
          severity: "ask",
          rule: "allowlist.tainted",
          layer: "builtin",
          reason: `This session read content that looked like a prompt injection (${ctx.taint?.source ?? "an earlier tool result"}), so allowlists are suspended and \`${shownCommand(c.cmd)}\` needs your confirmation; ${c.why}.`,
          span: c.cmd.span,
        });
        break;
      case "read-only":
      case "unmatched":
        break;
      default: {
        const never: never = c;
        return never;
      }
    }
  }
  return out;
}
