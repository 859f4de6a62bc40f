// Foundation scenarios through the real Claude Code CLI, for each install path: the effect on disk and exactly what
// the model was told.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  E2E_TIMEOUT_MS, INSTALL_KINDS, MANAGED_SKIP_NAME, exists, expectAskRefused, expectDenied, expectRan, managedAvailable, read, useInstall, write,
} from "./lib/harness.js";

vi.setConfig({ testTimeout: E2E_TIMEOUT_MS });

// The issue asks for "outside the project"; hookwarden currently says "outside the write scope, the project (…)".
const OUTSIDE = /outside the (project|write scope)/;

describe.each(INSTALL_KINDS)("hookwarden installed via %s", (kind) => {
  if (kind === "managed" && !managedAvailable()) {
    it.skip(MANAGED_SKIP_NAME, () => {});
    return;
  }
  const world = useInstall(kind);

  it("a. Write inside the project in acceptEdits mode is allowed and the file is written", async () => {
    const w = world();
    const file = path.join(w.project, "src", "hello.txt");
    const s = await w.run([write(file, "hello from e2e\n")], { permissionMode: "acceptEdits" });
    expect(expectRan(s)).toMatch(/^File created successfully at: /);
    expect(fs.readFileSync(file, "utf8")).toBe("hello from e2e\n");
  });

  it("b. Write outside the project is denied and nothing is written", async () => {
    const w = world();
    const file = path.join(w.outside, "escaped.txt");
    const s = await w.run([write(file, "should not exist")], { permissionMode: "acceptEdits" });
    const reason = expectDenied(s);
    expect(reason).toMatch(OUTSIDE);
    expect(reason).toContain(file);
    expect(exists(file)).toBe(false);
  });

  it("c. Write through a symlink inside the project that points outside is denied", async () => {
    const w = world();
    fs.symlinkSync(w.outside, path.join(w.project, "link-out"));
    const viaLink = path.join(w.project, "link-out", "via-link.txt");
    const s = await w.run([write(viaLink, "should not exist")], { permissionMode: "acceptEdits" });
    const reason = expectDenied(s);
    expect(reason).toMatch(OUTSIDE);
    expect(reason).toContain(viaLink);
    expect(exists(path.join(w.outside, "via-link.txt"))).toBe(false);
  });

  it("d. Read of .env is denied and the secret never reaches the model", async () => {
    const w = world();
    const secret = `hunter2-XYZ-${kind}`;
    w.write(path.join(w.project, ".env"), `SECRET_TOKEN=${secret}\n`);
    const s = await w.run([read(path.join(w.project, ".env"))]);
    expect(expectDenied(s)).toContain(path.join(w.project, ".env"));
    expect(s.requests.length).toBeGreaterThan(1);
    expect(s.sawText("hunter2-XYZ")).toBe(false);
  });

  it("e. an ask in -p mode (Write in default mode) is refused with hookwarden's reason and nothing is written", async () => {
    const w = world();
    const file = path.join(w.project, "src", "asked.txt");
    const s = await w.run([write(file, "needs approval")]);
    expect(expectAskRefused(s)).toContain(file);
    expect(exists(file)).toBe(false);
  });
});
