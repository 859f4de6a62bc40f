// `hookwarden audit` (src/cli/audit.ts): table, filters, --json, --summary, usage errors, terminal safety.
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, type AuditConfig } from "../../src/audit/log.js";
import { runAuditCommand } from "../../src/cli/audit.js";
import { UsageError } from "../../src/cli/io.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { entry, GH_TOKEN } from "./fixtures.js";

const cfg: AuditConfig = { enabled: true, retentionDays: 30, maxBytes: 10 * 1024 * 1024 };
const ESC = "\u001b";
let sb: Sandbox;

function run(argv: string[], isTTY = false): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runAuditCommand(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY, env: sb.env, home: sb.home, cwd: sb.project });
  return { code, out, err };
}

beforeEach(() => {
  sb = makeSandbox();
  const now = Date.now();
  appendAudit(entry({ time: new Date(now - 3 * 3600_000), sessionId: "sess-aaaa", tool: "Read", decision: "allow", rules: [], reason: "", input: { file_path: "/repo/README.md" } }), cfg, sb.data);
  appendAudit(entry({ time: new Date(now - 2 * 3600_000), sessionId: "sess-aaaa", tool: "Bash", decision: "deny", rules: ["blocklist.curl"], input: { command: `curl -H "Authorization: token ${GH_TOKEN}" https://x` } }), cfg, sb.data);
  appendAudit(entry({ time: new Date(now - 60_000), sessionId: "sess-bbbb", tool: "WebFetch", decision: "ask", rules: ["network.domain-unknown"], reason: "example.org is not allowlisted.", input: { url: "https://example.org" } }), cfg, sb.data);
  appendAudit(entry({ time: new Date(now - 30_000), sessionId: "sess-bbbb", tool: "Bash", decision: "ask", rules: ["injection.substitution", "network.domain-unknown"], input: { command: `echo ${ESC}[31mred${ESC}[0m \u202egnp.exe` } }), cfg, sb.data);
});
afterEach(() => sb.cleanup());

describe("hookwarden audit", () => {
  it("shows the recent decisions as a table, oldest first, without colour off a TTY", () => {
    const { code, out } = run([]);
    expect(code).toBe(0);
    const rows = out.trimEnd().split("\n");
    expect(rows[0]).toMatch(/^TIME +DECISION +TOOL +RULES +SESSION +INPUT$/);
    expect(out).toMatch(/allow +Read .*file_path: \/repo\/README.md/);
    expect(out).toMatch(/deny +Bash +blocklist\.curl/);
    expect(out).toMatch(/↳ Downloads are blocked here/);
    expect(out.indexOf("Read")).toBeLessThan(out.indexOf("WebFetch"));
    expect(out).not.toContain(ESC);
    expect(out).not.toContain(GH_TOKEN);
  });

  it("colours decisions on a TTY, but never passes logged escape sequences or bidi overrides through", () => {
    const { out } = run([], true);
    expect(out).toContain(`${ESC}[31mdeny`);
    expect(out).not.toContain(`${ESC}[31mred`);
    expect(out).not.toContain("\u202e");
    expect(run([], true).out).toContain("red");
    expect(runWithNoColor().out).not.toContain(ESC);
  });

  it("filters by decision, session, tool and since", () => {
    expect(run(["--decision", "deny"]).out.trimEnd().split("\n")).toHaveLength(3); // header, row, reason
    expect(run(["--session", "sess-bbbb"]).out).not.toMatch(/Read/);
    expect(run(["--tool=WebFetch"]).out).not.toMatch(/blocklist/);
    const since = run(["--since", "90m"]).out;
    expect(since).toMatch(/WebFetch/);
    expect(since).not.toMatch(/blocklist\.curl/);
    expect(run(["--since", new Date(Date.now() - 150 * 60_000).toISOString(), "--decision", "deny"]).out).toMatch(/blocklist\.curl/);
    expect(run(["--session", "nobody"]).out).toMatch(/^no audit records match/);
  });

  it("--json prints raw records, one per line; --limit keeps the newest", () => {
    const { out } = run(["--json", "--limit", "2"]);
    const records = out.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => r.Attributes["tool.name"])).toEqual(["WebFetch", "Bash"]);
    expect(records[1].Attributes["hookwarden.input_summary"]).toContain(`${ESC}[31mred`); // escaped in the text, intact in the JSON
    expect(out).toContain("\\u001b[31mred");
    expect(out).not.toContain(ESC);
    expect(out).not.toContain("\u202e");
  });

  it("--summary counts per decision, per rule and per tool", () => {
    const { out } = run(["--summary"]);
    expect(out).toMatch(/^4 decisions/);
    expect(out).toMatch(/per decision\n +2 +ask\n +1 +allow\n +1 +deny/);
    expect(out).toMatch(/per rule\n +2 +network\.domain-unknown/);
    expect(out).toMatch(/1 +\(no rule\)/);
    expect(out).toMatch(/per tool\n +2 +Bash/);
    const json = JSON.parse(run(["--summary", "--json", "--session", "sess-bbbb"]).out);
    expect(json).toMatchObject({ total: 2, decisions: { ask: 2 }, rules: { "network.domain-unknown": 2, "injection.substitution": 1 }, tools: { Bash: 1, WebFetch: 1 } });
  });

  it("an empty or missing log is not an error", () => {
    const { code, out } = runIn(path.join(sb.root, "elsewhere"), []);
    expect(code).toBe(0);
    expect(out).toMatch(/^no audit records \(/);
  });

  it("reads the log where the user's policy moved it", () => {
    const moved = path.join(sb.root, "moved", "audit.jsonl");
    sb.write(path.join(sb.home, ".claude", "hookwarden.json"), { audit: { path: moved } });
    appendAudit(entry({ sessionId: "moved-one" }), { ...cfg, path: moved }, sb.data);
    const out = run(["--json"]).out;
    expect(out).toContain("moved-one");
    expect(out).not.toContain("sess-aaaa");
  });

  it.each([
    [["--decision", "maybe"], /--decision takes allow, ask or deny/],
    [["--since", "yesterday"], /--since takes/],
    [["--limit", "0"], /--limit takes a positive/],
    [["--limit", "-3"], /--limit takes a positive/],
    [["--frobnicate"], /unknown option --frobnicate/],
    [["stray"], /unexpected argument/],
    [["--session"], /--session needs a value/],
  ])("%j is a usage error", (argv, message) => {
    expect(() => run(argv)).toThrow(UsageError);
    expect(() => run(argv)).toThrow(message);
  });

  it("--help", () => {
    const { code, out } = run(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: hookwarden audit/);
  });
});

function runWithNoColor() {
  let out = "";
  runAuditCommand([], { stdout: (s) => (out += s), stderr: () => {}, isTTY: true, env: { ...sb.env, NO_COLOR: "1" }, home: sb.home, cwd: sb.project });
  return { out };
}

function runIn(dataDir: string, argv: string[]) {
  let out = "";
  const code = runAuditCommand(argv, { stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: { ...sb.env, HOOKWARDEN_DATA_DIR: dataDir }, home: sb.home, cwd: sb.project });
  return { code, out };
}
