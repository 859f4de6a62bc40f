// Control: the same dangerous steps the other e2e files expect hookwarden to stop, run WITHOUT hookwarden and with
// Claude Code told to allow everything. Every one of them must then take effect — proving the harness can see each
// harm (file written, secret sent to the model), so the hookwarden tests' "it did not happen" assertions can fail.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { E2E_TIMEOUT_MS, bash, read, write } from "./lib/harness.js";
import { makeSandbox, runClaude, type Sandbox } from "./lib/run-claude.mjs";

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS });

describe("control: no hookwarden, Claude Code allows everything", () => {
  let sb: Sandbox | undefined;
  afterEach(() => sb?.cleanup());

  it("every harm the hookwarden e2e tests guard against is observable", async () => {
    sb = makeSandbox({ prefix: "hw-e2e-control-" });
    const w = sb;
    w.write(path.join(w.configDir, "settings.json"), { permissions: { allow: ["Read", "Write", "Bash"] } });
    w.write(path.join(w.project, ".env"), "SECRET_TOKEN=hunter2-XYZ-control\n");
    w.write(path.join(w.home, ".ssh", "id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----\nCONTROL-KEY-MARKER\n-----END OPENSSH PRIVATE KEY-----\n");
    w.write(path.join(w.project, ".claude", "settings.json"), {});
    fs.symlinkSync(w.outside, path.join(w.project, "link-out"));
    const s = await runClaude({
      sandbox: w,
      permissionMode: "bypassPermissions",
      env: { IS_SANDBOX: "1" }, // bypassPermissions refuses to start as root without it
      script: [
        write(path.join(w.outside, "escaped.txt"), "x"),
        write(path.join(w.project, "link-out", "via-link.txt"), "x"),
        read(path.join(w.project, ".env")),
        bash("cat ~/.ssh/id_rsa"),
        bash("echo x > ../f"),
        bash("touch made-by-allowlist && curl -s -m 2 http://127.0.0.1:9/x; true"),
        bash("rm .claude/settings.json"),
      ],
    });
    expect(s.exitCode, s.describe()).toBe(0);
    expect(s.toolResults.map((t) => t.is_error), s.describe()).toEqual([false, false, false, false, false, false, false]);
    expect(fs.existsSync(path.join(w.outside, "escaped.txt"))).toBe(true);
    expect(fs.existsSync(path.join(w.outside, "via-link.txt"))).toBe(true);
    expect(s.sawText("hunter2-XYZ")).toBe(true);
    expect(s.sawText("CONTROL-KEY-MARKER")).toBe(true);
    expect(fs.existsSync(path.join(w.root, "f"))).toBe(true);
    expect(fs.existsSync(path.join(w.project, "made-by-allowlist"))).toBe(true);
    expect(fs.existsSync(path.join(w.project, ".claude", "settings.json"))).toBe(false);
  });
});
