import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, auditFilePath, readAudit, type AuditConfig } from "../../src/audit/log.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { entry } from "./fixtures.js";

const cfg: AuditConfig = { enabled: true, retentionDays: 30, maxBytes: 10 * 1024 * 1024 };
let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
  const t = Date.parse("2025-06-01T00:00:00Z");
  appendAudit(entry({ time: new Date(t), sessionId: "a", tool: "Bash", decision: "allow", rules: [] }), cfg, sb.data);
  appendAudit(entry({ time: new Date(t + 3600_000), sessionId: "a", tool: "Write", decision: "ask", rules: ["scope.write-ask"] }), cfg, sb.data);
  appendAudit(entry({ time: new Date(t + 7200_000), sessionId: "b", tool: "mcp__github__create_issue", decision: "ask", rules: ["mcp.unknown-server"] }), cfg, sb.data);
  appendAudit(entry({ time: new Date(t + 9000_000), sessionId: "b", tool: "Bash", decision: "deny" }), cfg, sb.data);
});
afterEach(() => sb.cleanup());

const ids = (f: Parameters<typeof readAudit>[2]) =>
  readAudit(sb.data, cfg, f).records.map((r) => `${r.Attributes["session.id"]}:${r.Attributes["tool.name"]}:${r.Attributes["hookwarden.decision"]}`);

describe("readAudit", () => {
  it("returns every record, oldest first", () => {
    expect(ids({})).toEqual(["a:Bash:allow", "a:Write:ask", "b:mcp__github__create_issue:ask", "b:Bash:deny"]);
  });

  it("filters by session, decision, tool (exact or prefix*) and since", () => {
    expect(ids({ session: "a" })).toEqual(["a:Bash:allow", "a:Write:ask"]);
    expect(ids({ decision: "ask" })).toEqual(["a:Write:ask", "b:mcp__github__create_issue:ask"]);
    expect(ids({ tool: "Bash" })).toEqual(["a:Bash:allow", "b:Bash:deny"]);
    expect(ids({ tool: "mcp__github__*" })).toEqual(["b:mcp__github__create_issue:ask"]);
    expect(ids({ tool: "Bas" })).toEqual([]);
    expect(ids({ since: new Date("2025-06-01T01:30:00Z") })).toEqual(["b:mcp__github__create_issue:ask", "b:Bash:deny"]);
    expect(ids({ session: "b", decision: "deny", tool: "Bash" })).toEqual(["b:Bash:deny"]);
  });

  it("counts lines that are not records and carries on", () => {
    fs.appendFileSync(auditFilePath(cfg, sb.data), "garbage\n{\"a\":1}\n\n");
    appendAudit(entry({ sessionId: "c" }), cfg, sb.data);
    const r = readAudit(sb.data, cfg, {});
    expect(r.invalidLines).toBe(2);
    expect(r.records).toHaveLength(5);
  });

  it("a line far longer than any record (3 MB, no newline for a while) is one bad line, read in bounded chunks", () => {
    fs.appendFileSync(auditFilePath(cfg, sb.data), `${"x".repeat(3 * 1024 * 1024)}\n`);
    appendAudit(entry({ sessionId: "after" }), cfg, sb.data);
    const r = readAudit(sb.data, cfg, {});
    expect(r.invalidLines).toBe(1);
    expect(r.records.at(-1)?.Attributes["session.id"]).toBe("after");
    expect(r.records).toHaveLength(5);
  });

  it("a missing log is empty, not a problem", () => {
    const r = readAudit(`${sb.data}-none`, cfg, {});
    expect(r).toMatchObject({ records: [], invalidLines: 0 });
    expect(r.problem).toBeUndefined();
  });
});
