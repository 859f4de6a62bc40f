// The audit trail after a scripted session through the real Claude Code CLI (project install), issue 7:
// `hookwarden audit --json` (same HOME / CLAUDE_CONFIG_DIR / data dir as the hooks) lists each decision with its tool,
// decision and rule ids; a token in a command is masked in the log; the log and the trust store are 0600 in a 0700
// data dir; a record older than the retention (30 days by default) is gone after the next SessionStart, recent ones
// stay. Record format: docs/audit-schema.md, src/audit/schema.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { E2E_TIMEOUT_MS, bash, expectDenied, expectRan, modeOf, randomAlnum, sessionIdOf, useInstall } from "./lib/harness.js";
import { decisionFor } from "./lib/run-claude.mjs";

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS });

interface AuditRecord {
  Timestamp: string;
  TimeUnixNano: string;
  SeverityText: string;
  SeverityNumber: number;
  Body: string;
  Attributes: Record<string, any>;
  Resource: Record<string, any>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A record of schema version 1, as append.ts writes them, dated `ms`. */
function oldRecord(ms: number, sessionId: string): AuditRecord {
  return {
    Timestamp: new Date(ms).toISOString(),
    TimeUnixNano: `${ms}000000`,
    SeverityText: "ERROR",
    SeverityNumber: 17,
    Body: "an old decision that is past the retention",
    Attributes: {
      "hookwarden.schema_version": 1,
      "log.record.uid": "01AAAAAAAAOLDRECORD0000000",
      "session.id": sessionId,
      "hook.event": "PreToolUse",
      "tool.name": "Bash",
      "hookwarden.decision": "deny",
      "hookwarden.rules": ["blocklist.curl"],
      "hookwarden.layers": ["builtin"],
      "hookwarden.duration_ms": 3.5,
      "hookwarden.input_summary": "command: curl https://old.example",
      "process.pid": 4242,
    },
    Resource: { "service.name": "hookwarden", "service.version": "0.1.0", "host.name": "old-host" },
  };
}

describe("audit log, hookwarden installed via project settings", () => {
  const world = useInstall("project");

  it("`hookwarden audit --json` lists each decision of a session, secrets masked, files private, old records pruned on SessionStart", async () => {
    const w = world();
    // A trust store, so its mode can be checked too (no project allow rules: it changes no decision here).
    w.cli(["trust", w.project]);
    const token = `ghp_${randomAlnum(36)}`;
    const s = await w.run([bash("ls"), bash("echo x > ../f"), bash(`echo ${token}`)]);
    const session = sessionIdOf(s);
    expect(expectRan(s, 0)).toContain("README.md");
    expect(expectDenied(s, 1)).toMatch(/outside/);
    expect(expectRan(s, 2)).toBe("ghp_…[redacted github-token]");
    expect([0, 1, 2].map((i) => decisionFor(s, `toolu_e2e_${i}`).decision)).toEqual(["allow", "deny", "allow"]);

    // Each decision, in order, with tool, decision and rule ids.
    const out = w.cli(["audit", "--json"]);
    const records: AuditRecord[] = out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const ours = records.filter((r) => r.Attributes["session.id"] === session);
    expect(ours.length, out).toBe(records.length);
    const pre = ours.filter((r) => r.Attributes["hook.event"] === "PreToolUse");
    expect(pre.map((r) => [r.Attributes["tool.name"], r.Attributes["hookwarden.decision"], r.Attributes["hookwarden.input_summary"]])).toEqual([
      ["Bash", "allow", "command: ls; description: scripted e2e step"],
      ["Bash", "deny", "command: echo x > ../f; description: scripted e2e step"],
      ["Bash", "allow", "command: echo ghp_…[redacted github-token]; description: scripted e2e step"],
    ]);
    expect(pre[0]!.Attributes["hookwarden.rules"]).toEqual(["readonly.safe"]);
    expect(pre[1]!.Attributes["hookwarden.rules"]).toContain("scope.write-outside");
    expect(pre[2]!.Attributes["hookwarden.rules"]).toEqual(["readonly.safe"]);
    expect(pre.map((r) => [r.SeverityText, r.SeverityNumber])).toEqual([["INFO", 9], ["ERROR", 17], ["INFO", 9]]);
    expect(pre[1]!.Body).toMatch(/^`echo x > \.\.\/f` would redirect output to \.\.\/f .*outside the write scope/);
    for (const r of ours) {
      expect(r.Attributes["hookwarden.schema_version"]).toBe(1);
      expect(r.Attributes["log.record.uid"]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(r.Attributes["hookwarden.cwd"]).toBe(w.project);
      expect(r.Resource["service.name"]).toBe("hookwarden");
      expect(BigInt(r.TimeUnixNano)).toBe(BigInt(Date.parse(r.Timestamp)) * 1_000_000n);
    }
    // The echo's output held the token: PostToolUse masked it and logged that, naming the rule (content.<kind>).
    const post = ours.filter((r) => r.Attributes["hook.event"] === "PostToolUse");
    expect(post.map((r) => [r.Attributes["tool.name"], r.Attributes["hookwarden.decision"], r.Attributes["hookwarden.input_summary"]])).toEqual([
      ["Bash", "redact", "command: echo ghp_…[redacted github-token]; description: scripted e2e step"],
    ]);
    expect(ours).toHaveLength(4);

    // The token is nowhere in the log or in what `audit` prints; the files are private.
    const log = path.join(w.dataDir, "audit.jsonl");
    expect(fs.readFileSync(log, "utf8")).not.toContain(token.slice(4));
    expect(out).not.toContain(token.slice(4));
    expect(w.cli(["audit"])).not.toContain(token.slice(4));
    expect(modeOf(log)).toBe(0o600);
    expect(modeOf(path.join(w.dataDir, "trust.json"))).toBe(0o600);
    expect(modeOf(w.dataDir)).toBe(0o700);

    // An old record (40 days, first in the file as it would be) is pruned by the next SessionStart; recent ones stay.
    const before = fs.readFileSync(log, "utf8");
    const old = oldRecord(Date.now() - 40 * DAY_MS, "old-session-0001");
    fs.writeFileSync(log, `${JSON.stringify(old)}\n${before}`);
    const listed = w.cli(["audit", "--json", "--limit", "100"]).split("\n").filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
    expect(listed.map((r) => r.Attributes["session.id"])).toContain("old-session-0001"); // a valid record until pruned
    const next = await w.run([]);
    expect(next.exitCode).toBe(0);
    const after = fs.readFileSync(log, "utf8");
    expect(after).not.toContain("old-session-0001");
    expect(after).toBe(before); // exactly the recent records, untouched (the empty session decided nothing)
    expect(modeOf(log)).toBe(0o600);
    const remaining = w.cli(["audit", "--json"]).split("\n").filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
    expect(remaining.map((r) => r.Attributes["log.record.uid"])).toEqual(ours.map((r) => r.Attributes["log.record.uid"]));
  });

  it("the PostToolUse redact record names the rule behind it (content.*), like every other decision", async () => {
    const w = world();
    const token = `ghp_${randomAlnum(36)}`;
    w.write(path.join(w.project, "creds.txt"), `GITHUB_TOKEN=${token}\n`);
    const s = await w.run([bash("cat creds.txt")]);
    expectRan(s);
    const records = w.cli(["audit", "--json"]).split("\n").filter(Boolean).map((l) => JSON.parse(l) as AuditRecord);
    const redact = records.find((r) => r.Attributes["hookwarden.decision"] === "redact");
    expect(redact, JSON.stringify(records)).toBeDefined();
    expect(redact!.Attributes["hookwarden.rules"], JSON.stringify(redact)).toEqual([expect.stringMatching(/^content\./)]);
  });
});
