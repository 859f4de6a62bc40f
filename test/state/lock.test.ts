import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isLockHeld, withLock } from "../../src/state/lock.js";

let dir: string;
let target: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hw-lock-"));
  target = path.join(dir, "store.json");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A pid that has certainly exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("withLock", () => {
  it("runs the function, returns its value and removes the lock", () => {
    const r = withLock(target, () => {
      expect(fs.existsSync(`${target}.lock`)).toBe(true);
      expect(isLockHeld(target)).toBe(true);
      return 42;
    });
    expect(r).toEqual({ ok: true, value: 42 });
    expect(fs.existsSync(`${target}.lock`)).toBe(false);
  });

  it("releases the lock when the function throws, and rethrows", () => {
    expect(() => withLock(target, () => {
      throw new Error("boom");
    })).toThrow("boom");
    expect(fs.existsSync(`${target}.lock`)).toBe(false);
  });

  it("gives up after the bounded wait while a live process holds the lock", () => {
    fs.writeFileSync(`${target}.lock`, `${process.pid} ${os.hostname()} ${Date.now()} other`);
    const started = Date.now();
    const r = withLock(target, () => 1, { waitMs: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/held by another process/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fs.existsSync(`${target}.lock`)).toBe(true); // not ours to remove
  });

  it("breaks a lock whose holder is gone", () => {
    fs.writeFileSync(`${target}.lock`, `${deadPid()} ${os.hostname()} ${Date.now()} dead`);
    expect(isLockHeld(target)).toBe(false);
    expect(withLock(target, () => "ran", { waitMs: 0 })).toEqual({ ok: true, value: "ran" });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("breaks a lock older than staleMs, whoever holds it", () => {
    fs.writeFileSync(`${target}.lock`, `${process.pid} some-other-host 0 old`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${target}.lock`, old, old);
    expect(withLock(target, () => "ran", { waitMs: 0, staleMs: 5_000 })).toEqual({ ok: true, value: "ran" });
  });

  it("reports, not throws, when the lock can't be created", () => {
    const r = withLock(path.join(dir, "no-such-dir", "x"), () => 1);
    expect(r.ok).toBe(false);
  });
});
