// Paths reached through Bash, through the real Claude Code CLI (project install): a redirect out of the project, a
// credential read, and deleting Claude Code's own settings are denied, with the effect (or its absence) on disk.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { E2E_TIMEOUT_MS, bash, exists, expectDenied, useInstall } from "./lib/harness.js";

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS });

describe("paths via Bash, hookwarden installed via project settings", () => {
  const world = useInstall("project");

  it("`echo x > ../f` (a write outside the project) is denied and no file appears", async () => {
    const w = world();
    const s = await w.run([bash("echo x > ../f")]);
    expect(expectDenied(s)).toMatch(/outside/);
    expect(exists(path.join(w.project, "..", "f"))).toBe(false);
  });

  it("`cat ~/.ssh/id_rsa` is denied and the key never reaches the model", async () => {
    const w = world();
    const marker = "FAKE-KEY-MARKER-5c81e0";
    w.write(path.join(w.home, ".ssh", "id_rsa"), `-----BEGIN OPENSSH PRIVATE KEY-----\n${marker}\n-----END OPENSSH PRIVATE KEY-----\n`);
    const s = await w.run([bash("cat ~/.ssh/id_rsa")]);
    expect(expectDenied(s)).toMatch(/\.ssh|id_rsa/);
    expect(s.requests.length).toBeGreaterThan(1);
    expect(s.sawText(marker)).toBe(false);
  });

  it("`rm .claude/settings.json` is denied and the settings file is still there", async () => {
    const w = world();
    const settings = path.join(w.project, ".claude", "settings.json");
    const before = fs.readFileSync(settings, "utf8");
    const s = await w.run([bash("rm .claude/settings.json")]);
    expect(expectDenied(s)).toMatch(/settings\.json/);
    expect(fs.readFileSync(settings, "utf8")).toBe(before);
  });
});
