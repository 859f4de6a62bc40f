// MCP server trust and codebase trust through the real Claude Code CLI (project install), issue 5:
// - a stdio MCP server from the project's `.mcp.json` (test/e2e/lib/mcp-server.mjs): its first call is refused in -p
//   mode with hookwarden's trust reason and does not run; after `hookwarden trust --mcp` it follows the normal rules,
//   so with a user `mcp__<server>` allow rule it runs;
// - a project allow rule (`Bash(touch trusted-marker)` in .claude/settings.json) is inactive until `hookwarden trust`,
//   then active, and inactive again once the project's permissions change. SessionStart tells the user and Claude.
//
// What Claude Code 2.1.331 does here (observed): a project `.mcp.json` stdio server connects in -p mode without a
// prompt (init event: `{"name":…,"status":"connected","source":"project"}`) and its tools are named
// `mcp__<server>__<tool>`. Claude Code itself ignores project allow rules until its own trust dialog was accepted
// (`projects[<dir>].hasTrustDialogAccepted` in `$CLAUDE_CONFIG_DIR/.claude.json`); the tests set that flag so that
// only hookwarden's trust is under test (the control below shows Claude Code then runs the command on its own).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  E2E_TIMEOUT_MS, bash, exists, expectAskRefused, expectRan, firstMainMessages, hookOutputs, mcp, modeOf, useInstall, type World,
} from "./lib/harness.js";
import { mcpJson } from "./lib/mcp-server.mjs";
import { decisionFor, makeSandbox, runClaude } from "./lib/run-claude.mjs";

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS });

const SERVER = "e2e-notes";

/** Claude Code's own workspace trust, so that it honours the project's allow rules by itself. */
function acceptClaudeTrustDialog(w: { configDir: string; project: string; write(f: string, c: object): string }): void {
  w.write(path.join(w.configDir, ".claude.json"), { projects: { [w.project]: { hasTrustDialogAccepted: true } } });
}

function callsLogged(log: string): { tool: string }[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

describe("MCP server trust, hookwarden installed via project settings", () => {
  const world = useInstall("project");

  function withServer(): { w: World; marker: string; log: string } {
    const w = world();
    const marker = path.join(w.root, "mcp-marker");
    const log = path.join(w.root, "mcp-calls.jsonl");
    w.write(path.join(w.project, ".mcp.json"), mcpJson({ name: SERVER, marker, log }));
    return { w, marker, log };
  }

  it("the first call to a new .mcp.json server is refused with the trust reason; after `trust --mcp` and an allow rule it runs", async () => {
    const { w, marker, log } = withServer();

    // 1. New server: refused in -p with hookwarden's reason, which names the server and what it runs.
    const first = await w.run([mcp(SERVER, "touch_marker")]);
    const init = first.events.find((e) => e.type === "system" && e.subtype === "init");
    expect(init?.mcp_servers, "the server connected without a prompt").toContainEqual({ name: SERVER, status: "connected", source: "project" });
    expect(init?.tools).toEqual(expect.arrayContaining([`mcp__${SERVER}__echo`, `mcp__${SERVER}__touch_marker`, `mcp__${SERVER}__fetch_note`]));
    const reason = expectAskRefused(first);
    expect(reason).toMatch(/^hookwarden: First call to MCP server e2e-notes \(command: `/);
    expect(reason).toContain("mcp-server.mjs"); // the command from .mcp.json
    expect(reason).toContain(`defined in ${path.join(w.project, ".mcp.json")}`);
    expect(reason).toContain(`hookwarden trust --mcp ${SERVER}`);
    expect(exists(marker)).toBe(false);
    expect(callsLogged(log)).toEqual([]);

    // 2. `hookwarden trust --mcp` (same HOME / CLAUDE_CONFIG_DIR / data dir as the hooks): the server is known.
    expect(w.cli(["trust", "--mcp", SERVER])).toContain(`approved MCP server ${SERVER}`);
    const store = JSON.parse(fs.readFileSync(path.join(w.dataDir, "trust.json"), "utf8"));
    expect(store.mcpServers[SERVER]).toMatchObject({ how: "cli" });

    // 3. Known but no rule allows the tool: its tools follow the normal rules, i.e. ask (no trust reason any more).
    const known = await w.run([mcp(SERVER, "touch_marker")]);
    const unmatched = expectAskRefused(known);
    expect(unmatched).not.toMatch(/First call to MCP server/);
    expect(unmatched).toContain(`mcp__${SERVER}`);
    expect(exists(marker)).toBe(false);

    // 4. Plus a user-settings allow rule for the whole server: it runs and the model gets its answer.
    w.write(path.join(w.configDir, "settings.json"), { permissions: { allow: [`mcp__${SERVER}`] } });
    const ran = await w.run([mcp(SERVER, "touch_marker"), mcp(SERVER, "echo", { text: "hello-mcp-7d1" })]);
    expect(decisionFor(ran, "toolu_e2e_0").decision, ran.describe()).toBe("allow");
    expect(expectRan(ran, 0)).toBe("marker created");
    expect(expectRan(ran, 1)).toBe("echo: hello-mcp-7d1");
    expect(exists(marker)).toBe(true);
    expect(callsLogged(log).map((c) => c.tool)).toEqual(["touch_marker", "echo"]);
  });
});

describe("codebase trust, hookwarden installed via project settings", () => {
  const world = useInstall("project");
  const RULE = "Bash(touch trusted-marker)";

  /** The project's .claude/settings.json (written by `hookwarden init`) plus a project allow rule. */
  function withProjectAllow(): World {
    const w = world();
    const settings = path.join(w.project, ".claude", "settings.json");
    const json = JSON.parse(fs.readFileSync(settings, "utf8"));
    w.write(settings, { ...json, permissions: { allow: [RULE] } });
    acceptClaudeTrustDialog(w);
    return w;
  }

  it("a project allow rule is inactive until `hookwarden trust`, then active; a changed policy untrusts it again", async () => {
    const w = withProjectAllow();
    const marker = path.join(w.project, "trusted-marker");

    // Untrusted: hookwarden asks → refused in -p, nothing runs.
    const before = await w.run([bash("touch trusted-marker")]);
    const reason = expectAskRefused(before);
    expect(reason).toContain(`The project rule "${RULE}" in ${path.join(w.project, ".claude", "settings.json")} would allow it`);
    expect(reason).toMatch(/not trusted yet \(run `hookwarden trust`\)/);
    expect(exists(marker)).toBe(false);

    // SessionStart told the user (systemMessage) and Claude (additionalContext); Claude got it in its first request.
    const [start] = hookOutputs(before, "SessionStart");
    expect(start?.systemMessage).toContain(`hookwarden: this codebase (${w.project}) is not trusted`);
    expect(start?.systemMessage).toContain(`\`${RULE}\``);
    expect(start?.systemMessage).toContain(`hookwarden trust ${w.project}`);
    const context = String(start?.hookSpecificOutput?.additionalContext ?? "");
    expect(start?.hookSpecificOutput?.hookEventName).toBe("SessionStart");
    expect(context).toContain(`the project at ${w.project} is not trusted by the user yet`);
    expect(context).toContain(`\`${RULE}\``);
    const told = firstMainMessages(before).filter((m) => m.text.includes("SessionStart hook additional context:"));
    expect(told.map((m) => m.role)).toEqual(["system"]);
    expect(told[0]?.text).toContain(`SessionStart hook additional context: ${context}`);

    // `hookwarden trust <project>`: the same command now runs, and SessionStart is quiet.
    expect(w.cli(["trust", w.project])).toContain(`trusted ${w.project}`);
    const store = path.join(w.dataDir, "trust.json");
    expect(JSON.parse(fs.readFileSync(store, "utf8")).projects[w.project]).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const after = await w.run([bash("touch trusted-marker")]);
    expect(decisionFor(after, "toolu_e2e_0").decision, after.describe()).toBe("allow");
    expectRan(after);
    expect(exists(marker)).toBe(true);
    expect(hookOutputs(after, "SessionStart")).toEqual([{}]);

    // The project's permissions change: untrusted again, the rule is inactive again.
    fs.rmSync(marker);
    const settings = path.join(w.project, ".claude", "settings.json");
    const json = JSON.parse(fs.readFileSync(settings, "utf8"));
    w.write(settings, { ...json, permissions: { allow: [RULE, "Bash(touch other-marker)"] } });
    const changed = await w.run([bash("touch trusted-marker")]);
    expect(expectAskRefused(changed)).toMatch(/not trusted yet/);
    expect(exists(marker)).toBe(false);
    expect(modeOf(store)).toBe(0o600);
  });
});

describe("control: codebase trust without hookwarden", () => {
  it("Claude Code alone runs the project-allowed command once its own trust dialog was accepted", async () => {
    const sb = makeSandbox({ prefix: "hw-e2e-control-trust-" });
    try {
      sb.write(path.join(sb.project, ".claude", "settings.json"), { permissions: { allow: ["Bash(touch trusted-marker)"] } });
      acceptClaudeTrustDialog(sb);
      const s = await runClaude({ sandbox: sb, script: [bash("touch trusted-marker")] });
      expect(s.exitCode, s.describe()).toBe(0);
      expect(s.toolResults.map((t) => t.is_error), s.describe()).toEqual([false]);
      expect(exists(path.join(sb.project, "trusted-marker"))).toBe(true);
    } finally {
      sb.cleanup();
    }
  });
});
