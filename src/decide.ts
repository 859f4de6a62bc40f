// Findings → one decision. A maximum over deny > ask > allow; when nothing allowed the call, the answer is ask.
import type { Decision, Finding } from "./types.js";

const RANK = { deny: 3, ask: 2, allow: 1, info: 0 } as const;

export function decide(findings: readonly Finding[]): Decision {
  let top: Finding | undefined;
  for (const f of findings) if (!top || RANK[f.severity] > RANK[top.severity]) top = f;
  switch (top?.severity) {
    case "deny":
    case "ask": {
      const kind = top.severity;
      // Every finding of the winning severity speaks: the user sees all reasons, strongest layer first.
      const reasons = unique(findings.filter((f) => f.severity === kind).map((f) => f.reason ?? ""));
      return { kind, reason: reasons.join(" "), findings };
    }
    case "allow":
      return { kind: "allow", reason: top.reason, findings };
    case "info":
    case undefined:
      return { kind: "ask", reason: "hookwarden found nothing that allows this call, so it asks you first.", findings };
    default: {
      const never: never = top;
      return never;
    }
  }
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}
