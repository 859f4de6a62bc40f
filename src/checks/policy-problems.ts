// A policy file that failed to load never silently disables anything: the call is answered fail-closed, naming the
// file and the field. A broken managed file denies; a broken user/project/local file asks.
import type { Context } from "../context-types.js";
import { finding, type Finding } from "../types.js";

export function checkPolicyProblems(ctx: Context): Finding[] {
  return ctx.policy.problems.slice(0, 3).map((p) => {
    const layer = ctx.policy.files.find((f) => f.file === p.file)?.layer ?? "user";
    const reason = `hookwarden's policy file ${p.file} is invalid at \`${p.path}\`: ${p.message}${p.hint ? ` (${p.hint})` : ""}. Until it is fixed hookwarden ${layer === "managed" ? "blocks" : "asks about"} every call; ask the user to fix the file and run \`hookwarden doctor\`.`;
    return finding(layer === "managed" ? "deny" : "ask", "policy.invalid", reason, layer);
  });
}
