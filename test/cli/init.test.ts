import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInit, withHooks } from "../../src/cli/init.js";
import type { CliIo } from "../../src/cli/io.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const REPO = path.resolve(import.meta.dirname, "../..");
let sb: Sandbox;
let out: string;
const io = (): CliIo => ({ stdout: (s) => void (out += s), stderr: (s) => void (out += s), isTTY: false, env: sb.env, cwd: sb.project, home: sb.home });

beforeEach(() => {
  sb = makeSandbox();
  out = "";
  fs.mkdirSync(path.join(sb.root, "install", "dist"), { recursive: true });
  fs.writeFileSync(path.join(sb.root, "install", "dist", "pre-tool-use.cjs"), "");
});
afterEach(() => sb.cleanup());

describe("hookwarden init", () => {
  it("registers the four hooks once, keeping everything else, and is idempotent", () => {
    const file = sb.write(path.join(sb.project, ".claude", "settings.json"), {
      model: "x",
      permissions: { allow: ["Bash(ls:*)"] },
      hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "other-hook" }] }] },
    });
    const install = path.join(sb.root, "install");
    expect(runInit(["--scope", "project", "--install-dir", install], io())).toBe(0);
    const first = fs.readFileSync(file, "utf8");
    expect(runInit(["--install-dir", install], io())).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe(first);
    const json = JSON.parse(first);
    expect(json.model).toBe("x");
    expect(json.permissions).toEqual({ allow: ["Bash(ls:*)"] });
    expect(json.hooks.PreToolUse).toHaveLength(2);
    expect(json.hooks.PreToolUse[0].hooks[0].command).toBe("other-hook");
    expect(json.hooks.PreToolUse[1]).toMatchObject({ matcher: "^.*$", hooks: [{ type: "command", timeout: 30 }] });
    expect(json.hooks.PreToolUse[1].hooks[0].command).toBe(`NODE_EXTRA_CA_CERTS= node "${install}/dist/pre-tool-use.cjs"`);
    expect(Object.keys(json.hooks).sort()).toEqual(["PostToolUse", "PreToolUse", "SessionStart", "UserPromptSubmit"]);
  });

  it("writes nothing with --dry-run and refuses to overwrite a broken file", () => {
    const install = path.join(sb.root, "install");
    expect(runInit(["--dry-run", "--install-dir", install], io())).toBe(0);
    expect(fs.existsSync(path.join(sb.project, ".claude", "settings.json"))).toBe(false);
    expect(out).toMatch(/dry run/);
    sb.write(path.join(sb.project, ".claude", "settings.json"), "{ broken");
    expect(() => runInit(["--install-dir", install], io())).toThrow(/not valid JSON/);
    expect(fs.readFileSync(path.join(sb.project, ".claude", "settings.json"), "utf8")).toBe("{ broken");
  });

  it("targets user and managed settings files", () => {
    const install = path.join(sb.root, "install");
    runInit(["--scope", "user", "--install-dir", install], io());
    expect(fs.existsSync(path.join(sb.home, ".claude", "settings.json"))).toBe(true);
    runInit(["--scope", "managed", "--managed-dir", sb.managed, "--install-dir", install], io());
    expect(JSON.parse(fs.readFileSync(path.join(sb.managed, "managed-settings.json"), "utf8")).hooks.SessionStart).toHaveLength(1);
  });

  it("replaces an older hookwarden path instead of adding a second entry", () => {
    const once = withHooks({}, "/old/place");
    const twice = withHooks(once, "/new/place") as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    expect(twice.hooks.PostToolUse).toHaveLength(1);
    expect(twice.hooks.PostToolUse![0]!.hooks[0]!.command).toContain("/new/place/dist/post-tool-use.cjs");
  });

  it("plugin hooks.json runs the same bundles as init", () => {
    const hooks = JSON.parse(fs.readFileSync(path.join(REPO, "hooks", "hooks.json"), "utf8")).hooks;
    const fromInit = (withHooks({}, "${CLAUDE_PLUGIN_ROOT}") as { hooks: unknown }).hooks;
    expect(JSON.parse(JSON.stringify(fromInit).replaceAll('\\"', ""))).toEqual(JSON.parse(JSON.stringify(hooks).replaceAll('\\"', "")));
  });
});
