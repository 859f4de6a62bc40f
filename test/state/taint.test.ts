import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearTaint, pruneTaints, readTaint, TAINT_TTL_MS, taintDir, taintFile, writeTaint } from "../../src/state/taint.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const posix = process.platform !== "win32";
const HOUR = 3600_000;
const t0 = new Date("2025-06-01T12:00:00.000Z");
const taint = { source: "WebFetch https://example.org/p", family: "instruction-override", at: t0.toISOString() };

let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

describe("session taint", () => {
  it("is absent until written, then read back; another session is not tainted", () => {
    expect(readTaint(sb.data, "s1", t0)).toBeUndefined();
    writeTaint(sb.data, "s1", taint);
    expect(readTaint(sb.data, "s1", t0)).toEqual(taint);
    expect(readTaint(sb.data, "s2", t0)).toBeUndefined();
  });

  it("is stored under the hash of the session id, so an id can't name a path", () => {
    const id = "../../etc/passwd";
    writeTaint(sb.data, id, taint);
    const name = `${crypto.createHash("sha256").update(id).digest("hex")}.json`;
    expect(fs.readdirSync(taintDir(sb.data))).toEqual([name]);
    expect(taintFile(sb.data, id)).toBe(path.join(taintDir(sb.data), name));
  });

  it.runIf(posix)("files are 0600 in 0700 dirs", () => {
    writeTaint(sb.data, "s1", taint);
    expect(fs.statSync(taintFile(sb.data, "s1")).mode & 0o777).toBe(0o600);
    expect(fs.statSync(taintDir(sb.data)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(sb.data).mode & 0o777).toBe(0o700);
  });

  it("expires after 24 h: undefined, and the file is gone", () => {
    writeTaint(sb.data, "s1", taint);
    expect(readTaint(sb.data, "s1", new Date(t0.getTime() + TAINT_TTL_MS - 1))).toEqual(taint);
    expect(readTaint(sb.data, "s1", new Date(t0.getTime() + TAINT_TTL_MS))).toBeUndefined();
    expect(fs.existsSync(taintFile(sb.data, "s1"))).toBe(false);
  });

  it("a newer taint replaces the older one (and restarts the clock)", () => {
    writeTaint(sb.data, "s1", taint);
    const later = { ...taint, source: "Read /tmp/evil.md", at: new Date(t0.getTime() + 20 * HOUR).toISOString() };
    writeTaint(sb.data, "s1", later);
    expect(readTaint(sb.data, "s1", new Date(t0.getTime() + 30 * HOUR))).toEqual(later);
  });

  it("a corrupt taint file still taints the session (fail closed)", () => {
    writeTaint(sb.data, "s1", taint);
    fs.writeFileSync(taintFile(sb.data, "s1"), "{ garbage");
    const read = readTaint(sb.data, "s1", t0);
    expect(read?.source).toMatch(/taint file exists but it is malformed/);
    fs.writeFileSync(taintFile(sb.data, "s1"), JSON.stringify({ source: 1 }));
    expect(readTaint(sb.data, "s1", t0)).toBeDefined();
  });

  it("caps long fields", () => {
    writeTaint(sb.data, "s1", { ...taint, source: "x".repeat(10_000) });
    expect(readTaint(sb.data, "s1", t0)?.source).toHaveLength(500);
  });

  it("clearTaint removes it, and is quiet when there is none", () => {
    writeTaint(sb.data, "s1", taint);
    clearTaint(sb.data, "s1");
    expect(readTaint(sb.data, "s1", t0)).toBeUndefined();
    expect(() => clearTaint(sb.data, "s1")).not.toThrow();
  });
});

describe("pruneTaints", () => {
  it("removes expired taints, corrupt ones past 24 h by mtime, and stale temp files; keeps live ones", () => {
    expect(pruneTaints(sb.data, t0)).toBe(0); // no dir yet
    writeTaint(sb.data, "old", taint);
    writeTaint(sb.data, "new", { ...taint, at: new Date(t0.getTime() + 23 * HOUR).toISOString() });
    const corrupt = taintFile(sb.data, "corrupt");
    fs.writeFileSync(corrupt, "garbage");
    const dayAgo = new Date(t0.getTime() - 2 * TAINT_TTL_MS);
    fs.utimesSync(corrupt, dayAgo, dayAgo);
    const tmp = path.join(taintDir(sb.data), `.${path.basename(taintFile(sb.data, "x"))}.123.abcdef01.tmp`);
    fs.writeFileSync(tmp, "{");
    fs.utimesSync(tmp, dayAgo, dayAgo);
    const unrelated = path.join(taintDir(sb.data), "README");
    fs.writeFileSync(unrelated, "keep me");

    const removed = pruneTaints(sb.data, new Date(t0.getTime() + 25 * HOUR));
    expect(removed).toBe(3);
    expect(fs.existsSync(taintFile(sb.data, "new"))).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
    expect(readTaint(sb.data, "new", new Date(t0.getTime() + 25 * HOUR))).toBeDefined();
  });
});
