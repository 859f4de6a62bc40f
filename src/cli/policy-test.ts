// Runs rule examples and JSONL case files through the whole pipeline, in process.
import fs from "node:fs";
import { checkToolCall } from "../checks/index.js";
import { loadContext } from "../context.js";
import { decide } from "../decide.js";
import { runExamples } from "../checks/policy-examples.js";
import { loadShellChecks } from "../checks/load-shell.js";
import { table } from "../table.js";

export interface CaseResult {
  readonly id: string;
  readonly expect: string;
  readonly got: string;
  readonly pass: boolean;
  readonly reason?: string;
}

const OK: Record<string, (got: string) => boolean> = table({
  allow: (g) => g === "allow",
  ask: (g) => g === "ask",
  deny: (g) => g === "deny",
  block: (g) => g === "deny" || g === "ask",
  "not-deny": (g) => g !== "deny",
  "not-allow": (g) => g !== "allow",
});

export async function runPolicyTests(files: readonly string[], cwd: string, env: NodeJS.ProcessEnv, onProgress: (done: number) => void = () => {}): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const ctx = loadContext({ cwd, session_id: "policy-test" }, env);
  // Examples: a command rule's `match` must be decided by that rule; `notMatch` must not be.
  const { checkBash } = await loadShellChecks();
  for (const r of runExamples(ctx, checkBash)) {
    onProgress(results.length + 1);
    results.push({ id: `${r.rule.id} ${r.kind}: ${r.command}`, expect: r.kind === "match" ? "matched" : "not matched", got: r.hit ? "matched" : "not matched", pass: r.pass, reason: r.rule.file });
  }
  for (const file of files) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    for (const [n, line] of lines.entries()) {
      const text = line.trim();
      if (!text || text.startsWith("//")) continue;
      const c = JSON.parse(text) as { id?: string; tool: string; input: Record<string, unknown>; expect: string; mode?: string };
      const caseCtx = c.mode ? loadContext({ cwd, session_id: "policy-test", permission_mode: c.mode }, env) : ctx;
      const decision = decide(await checkToolCall(c.tool, c.input, caseCtx));
      const check = OK[c.expect];
      onProgress(results.length + 1);
      results.push({ id: c.id ?? `${file}:${n + 1}`, expect: c.expect, got: decision.kind, pass: check ? check(decision.kind) : false, ...(decision.reason ? { reason: decision.reason } : {}) });
    }
  }
  return results;
}
