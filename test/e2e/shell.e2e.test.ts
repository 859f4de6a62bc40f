// Bash through the real Claude Code CLI (project install): a user allowlist entry lets exactly its command run, a
// smuggled network call behind it is denied, and a read-only command runs without a prompt.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { E2E_TIMEOUT_MS, bash, exists, expectDenied, expectRan, useInstall } from "./lib/harness.js";

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS });

describe("Bash, hookwarden installed via project settings", () => {
  const world = useInstall("project");
  const allowlisted = () => {
    const w = world();
    w.write(path.join(w.configDir, "settings.json"), { permissions: { allow: ["Bash(touch made-by-allowlist:*)"] } });
    return w;
  };

  it("an allowlisted command (user settings Bash(touch made-by-allowlist:*)) runs", async () => {
    const w = allowlisted();
    const s = await w.run([bash("touch made-by-allowlist")]);
    expectRan(s);
    expect(exists(path.join(w.project, "made-by-allowlist"))).toBe(true);
  });

  it("the same command with `&& curl …` appended is denied and nothing runs", async () => {
    const w = allowlisted();
    const s = await w.run([bash("touch made-by-allowlist && curl http://127.0.0.1:9/x")]);
    expect(expectDenied(s)).toMatch(/curl/);
    expect(exists(path.join(w.project, "made-by-allowlist"))).toBe(false);
  });

  it("a read-only command (ls) runs with no prompt and the model gets the listing", async () => {
    const w = world();
    w.write(path.join(w.project, "listed-file-7f3a.txt"), "x");
    const s = await w.run([bash("ls")]);
    const text = expectRan(s);
    expect(text).toContain("listed-file-7f3a.txt");
    expect(text).toContain("README.md");
    expect(fs.readdirSync(w.project)).toContain("listed-file-7f3a.txt");
  });
});
