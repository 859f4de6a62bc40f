// MCP tools: name parsing, Claude Code `mcp__…` rules and hookwarden `mcp` globs (deny wins), trust verification of
// servers not seen before, and reading a server's definition for the prompt.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkMcpTool, mcpServerOf, parseMcpToolName } from "../../src/checks/mcp.js";
import { decide } from "../../src/decide.js";
import { describeMcpServer } from "../../src/mcp-config.js";
import type { Context } from "../../src/context-types.js";
import { context, mcpRule, rule } from "../net/fixtures.js";

const describeNone = () => undefined;
function run(tool: string, ctx: Context, describe: (n: string) => string | undefined = describeNone) {
  const findings = checkMcpTool(tool, {}, ctx, describe);
  return { ...decide(findings), rules: findings.map((f) => f.rule) };
}
const known = (...names: string[]) => context({ knownMcpServers: names });

describe("parseMcpToolName", () => {
  it.each([
    ["mcp__github__get_issue", { server: "github", tool: "get_issue" }],
    ["mcp__my-server__do__thing", { server: "my-server", tool: "do__thing" }],
    ["mcp__plugin_acme_db__query", { server: "plugin_acme_db", tool: "query", plugin: { plugin: "acme", server: "db" } }],
    ["mcp__claude_ai_Gmail__search", { server: "claude_ai_Gmail", tool: "search" }],
    ["mcp__github", undefined],
    ["mcp____x", undefined],
    ["mcp__x__", undefined],
    ["Bash", undefined],
  ])("%s", (name, expected) => {
    expect(parseMcpToolName(name)).toEqual(expected);
  });

  it("mcpServerOf gives the segment the trust store records", () => {
    expect(mcpServerOf("mcp__someserver__list")).toBe("someserver");
    expect(mcpServerOf("Read")).toBeUndefined();
  });
});

describe("trust verification", () => {
  it("the first call to an unknown server asks, naming it and what it runs", () => {
    const d = run("mcp__someserver__list", context(), (n) => (n === "someserver" ? "command: `npx foo-mcp`, defined in /p/.mcp.json" : undefined));
    expect(d.kind).toBe("ask");
    expect(d.rules).toEqual(["mcp.unknown-server"]);
    expect(d.reason).toMatch(/First call to MCP server someserver \(command: `npx foo-mcp`/);
    expect(d.reason).toMatch(/hookwarden trust --mcp someserver/);
  });

  it("an allow rule does not skip trust verification", () => {
    const ctx = context({ policy: { rules: [rule("mcp__someserver")] } });
    expect(run("mcp__someserver__list", ctx).rules).toEqual(["mcp.unknown-server"]);
  });

  it("says when no definition was found, or that a plugin bundles it", () => {
    expect(run("mcp__ghost__x", context()).reason).toMatch(/not defined in \.mcp\.json/);
    expect(run("mcp__plugin_acme_db__q", context()).reason).toMatch(/bundled with the plugin acme/);
  });

  it("a known server's tools follow the rules: nothing allows → ask mcp.unmatched", () => {
    const d = run("mcp__someserver__list", known("someserver"));
    expect(d.rules).toEqual(["mcp.unmatched"]);
    expect(d.reason).toMatch(/`mcp__someserver__list`.*`mcp__someserver`/);
  });

  it("a server approved under its configured name is known under its normalised segment", () => {
    expect(run("mcp__my_server__x", context({ knownMcpServers: ["my.server"], policy: { rules: [rule("mcp__my_server")] } })).kind).toBe("allow");
  });

  it("a look-alike server name is not known", () => {
    expect(run("mcp__githuh__x", known("github")).rules).toEqual(["mcp.unknown-server"]);
  });

  it("deny rules apply before trust", () => {
    const ctx = context({ policy: { rules: [rule("mcp__evil", "deny")] } });
    expect(run("mcp__evil__x", ctx).kind).toBe("deny");
  });
});

describe("Claude Code mcp__ rules (known server)", () => {
  const ctx = (raw: string, behavior: "allow" | "ask" | "deny" = "allow") => context({ knownMcpServers: ["github", "fs"], policy: { rules: [rule(raw, behavior)] } });
  it.each([
    ["mcp__github", "mcp__github__get_issue", "allow"],
    ["mcp__github__*", "mcp__github__get_issue", "allow"],
    ["mcp__github__get_*", "mcp__github__get_issue", "allow"],
    ["mcp__github__get_*", "mcp__github__create_issue", "ask"],
    ["mcp__github__get_issue", "mcp__github__get_issue", "allow"],
    ["mcp__github__get_issue", "mcp__github__get_issues", "ask"],
    ["mcp__git", "mcp__github__get_issue", "ask"], // no prefix tricks on the server
    ["mcp__github", "mcp__github2__x", "ask"],
    ["mcp__*", "mcp__github__x", "ask"], // allow globs need a literal server
    ["mcp__git*__x", "mcp__github__x", "ask"],
    ["mcp__github__x(param:1)", "mcp__github__x", "ask"], // allow rules carry no parameters
  ])("allow %s, call %s → %s", (raw, tool, kind) => {
    expect(run(tool, ctx(raw)).kind).toBe(kind);
  });

  it.each([
    ["mcp__fs__write_file", "mcp__fs__write_file", "deny"],
    ["mcp__fs", "mcp__fs__read_file", "deny"],
    ["mcp__*", "mcp__fs__read_file", "deny"],
    ["*", "mcp__fs__read_file", "deny"],
    ["mcp__fs__write_*", "mcp__fs__write_file", "deny"],
    ["mcp__fs__write_*", "mcp__fs__read_file", "ask"],
  ])("deny %s, call %s → %s", (raw, tool, kind) => {
    expect(run(tool, ctx(raw, "deny")).kind).toBe(kind);
  });

  it("deny wins over allow from any layer; ask beats allow", () => {
    const c = context({ knownMcpServers: ["fs"], policy: { rules: [rule("mcp__fs", "allow", "managed"), rule("mcp__fs__write_file", "deny", "local")] } });
    expect(run("mcp__fs__write_file", c).kind).toBe("deny");
    expect(run("mcp__fs__read_file", c).kind).toBe("allow");
    const a = context({ knownMcpServers: ["fs"], policy: { rules: [rule("mcp__fs"), rule("mcp__fs__read_file", "ask")] } });
    expect(run("mcp__fs__read_file", a).rules).toEqual(["mcp.ask"]);
  });

  it("a deny parameter rule asks instead of guessing", () => {
    expect(run("mcp__fs__write_file", ctx("mcp__fs__write_file(path:/etc/*)", "deny")).kind).toBe("ask");
  });

  it("the allow finding names its rule and layer", () => {
    const f = checkMcpTool("mcp__github__get_issue", {}, ctx("mcp__github"), describeNone);
    expect(f).toEqual([expect.objectContaining({ severity: "allow", rule: "mcp.allowed", layer: "user" })]);
    expect(f[0]?.reason).toMatch(/"mcp__github"/);
  });
});

describe("hookwarden mcp policy rules (globs)", () => {
  const ctx = (...rules: ReturnType<typeof mcpRule>[]) => context({ knownMcpServers: ["github", "db-prod", "db-dev"], policy: { mcp: rules } });
  it.each([
    [[mcpRule("github", "get_*")], "mcp__github__get_issue", "allow"],
    [[mcpRule("github", "get_*")], "mcp__github__delete_repo", "ask"],
    [[mcpRule("db-*", "*")], "mcp__db-dev__query", "allow"],
    [[mcpRule("db-*", "*"), mcpRule("db-prod", "*", "deny")], "mcp__db-prod__query", "deny"],
    [[mcpRule("*", "*", "ask"), mcpRule("github", "*")], "mcp__github__x", "ask"],
    [[mcpRule("{github,db-dev}", "*")], "mcp__db-dev__x", "allow"],
    [[mcpRule("!github", "*")], "mcp__db-dev__x", "ask"], // no negation
    [[mcpRule("git", "*")], "mcp__github__x", "ask"],
  ])("%j, call %s → %s", (rules, tool, kind) => {
    expect(run(tool, ctx(...rules)).kind).toBe(kind);
  });

  it("over-long globs never allow and always deny", () => {
    const long = `${"a".repeat(300)}*`;
    expect(run("mcp__github__x", ctx(mcpRule(long, "*"))).kind).toBe("ask");
    expect(run("mcp__github__x", ctx(mcpRule("github", "*"), mcpRule(long, "*", "deny"))).kind).toBe("deny");
  });
});

describe("checkMcpTool edge cases", () => {
  it("a malformed name asks", () => {
    expect(run("mcp__x", context()).rules).toEqual(["mcp.bad-name"]);
  });
});

describe("describeMcpServer", () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  function setup(files: Record<string, unknown>) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hw-mcp-"));
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    }
    return { project: path.join(dir, "proj"), config: path.join(dir, "home", ".claude") };
  }

  it("reads the project's .mcp.json: command and args", () => {
    const { project, config } = setup({ "proj/.mcp.json": { mcpServers: { foo: { command: "npx", args: ["-y", "foo-mcp", "--root", "my dir"], env: { TOKEN: "s3cret" } } } } });
    const d = describeMcpServer("foo", project, config);
    expect(d).toBe(`command: \`npx -y foo-mcp --root 'my dir'\`, defined in ${path.join(project, ".mcp.json")}`);
    expect(d).not.toMatch(/s3cret/);
  });

  it("shows a URL without its query or userinfo", () => {
    const { project, config } = setup({ "proj/.mcp.json": { mcpServers: { remote: { type: "http", url: "https://u:p@mcp.example.org/v1?token=s3cret" } } } });
    expect(describeMcpServer("remote", project, config)).toMatch(/^http url: https:\/\/mcp\.example\.org\/v1\?…, defined in/);
  });

  it("falls back to ~/.claude.json (local scope, then user scope) and settings", () => {
    const { project, config } = setup({});
    fs.mkdirSync(config, { recursive: true });
    fs.writeFileSync(path.join(dir, "home", ".claude.json"), JSON.stringify({ projects: { [project]: { mcpServers: { loc: { command: "loc-mcp" } } } }, mcpServers: { usr: { command: "usr-mcp" } } }));
    fs.writeFileSync(path.join(config, "settings.json"), JSON.stringify({ mcpServers: { set: { command: "set-mcp" } } }));
    expect(describeMcpServer("loc", project, config)).toMatch(/loc-mcp/);
    expect(describeMcpServer("usr", project, config)).toMatch(/usr-mcp/);
    expect(describeMcpServer("set", project, config)).toMatch(/set-mcp/);
  });

  it("finds a configured name by its normalised tool segment", () => {
    const { project, config } = setup({ "proj/.mcp.json": { mcpServers: { "my.server": { command: "x" } } } });
    expect(describeMcpServer("my_server", project, config)).toMatch(/command: `x`/);
  });

  it("tolerates missing, corrupt and odd files", () => {
    const { project, config } = setup({ "proj/.mcp.json": "{not json", "proj/.claude/settings.json": { mcpServers: [1, 2] } });
    expect(describeMcpServer("foo", project, config)).toBeUndefined();
    expect(describeMcpServer("", project, config)).toBeUndefined();
    expect(describeMcpServer("__proto__", project, config)).toBeUndefined();
  });

  it("strips control and bidi characters and bounds the length", () => {
    const { project, config } = setup({ "proj/.mcp.json": { mcpServers: { x: { command: "a\u202eb\nc", args: ["y".repeat(500)] } } } });
    const d = describeMcpServer("x", project, config)!;
    expect(d).not.toMatch(/[\u202e\n]/);
    expect(d.length).toBeLessThan(300);
  });
});
