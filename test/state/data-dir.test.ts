import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dataDirFrom, ensurePrivateDir, makeDirs, writeFilePrivate } from "../../src/state/data-dir.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const posix = process.platform !== "win32";

let sb: Sandbox;
beforeEach(() => {
  sb = makeSandbox();
});
afterEach(() => sb.cleanup());

describe("dataDirFrom", () => {
  it("prefers $CLAUDE_PLUGIN_DATA, then $HOOKWARDEN_DATA_DIR, then ~/.claude/hookwarden", () => {
    expect(dataDirFrom({ CLAUDE_PLUGIN_DATA: "/p", HOOKWARDEN_DATA_DIR: "/h" }, "/home/u")).toBe("/p");
    expect(dataDirFrom({ HOOKWARDEN_DATA_DIR: "/h" }, "/home/u")).toBe("/h");
    expect(dataDirFrom({}, "/home/u")).toBe(path.join("/home/u", ".claude", "hookwarden"));
    expect(dataDirFrom({ CLAUDE_PLUGIN_DATA: "" }, "/home/u")).toBe(path.join("/home/u", ".claude", "hookwarden"));
  });
});

describe.runIf(posix)("ensurePrivateDir", () => {
  it("creates the dir 0700 and leaves parents alone", () => {
    ensurePrivateDir(sb.data);
    expect(mode(sb.data)).toBe(0o700);
    expect(mode(path.dirname(sb.data))).not.toBe(0o700);
  });

  it("tightens an existing loose dir", () => {
    fs.mkdirSync(sb.data, { recursive: true, mode: 0o755 });
    fs.chmodSync(sb.data, 0o755);
    ensurePrivateDir(sb.data);
    expect(mode(sb.data)).toBe(0o700);
  });
});

describe("writeFilePrivate", () => {
  it.runIf(posix)("writes 0600 even under a permissive umask, and leaves no temp file", () => {
    ensurePrivateDir(sb.data);
    const file = path.join(sb.data, "x.json");
    const old = process.umask(0);
    try {
      writeFilePrivate(file, "one");
    } finally {
      process.umask(old);
    }
    expect(fs.readFileSync(file, "utf8")).toBe("one");
    expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(sb.data)).toEqual(["x.json"]);
  });

  it.runIf(posix)("replaces a loose file with a 0600 one", () => {
    ensurePrivateDir(sb.data);
    const file = path.join(sb.data, "x.json");
    fs.writeFileSync(file, "old", { mode: 0o644 });
    writeFilePrivate(file, "new");
    expect(fs.readFileSync(file, "utf8")).toBe("new");
    expect(mode(file)).toBe(0o600);
  });

  it("throws, leaving nothing behind, when the dir is missing", () => {
    const file = path.join(sb.data, "missing", "x.json");
    expect(() => writeFilePrivate(file, "x")).toThrow();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe("makeDirs", () => {
  it("makes every missing directory, and is a no-op when they exist", () => {
    const deep = path.join(sb.root, "a", "b", "c");
    makeDirs(deep, 0o700);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    if (posix) expect(mode(path.join(sb.root, "a"))).toBe(0o700);
    makeDirs(deep);
    expect(fs.readdirSync(path.join(sb.root, "a"))).toEqual(["b"]);
  });
  it("throws where a file stands in the way", () => {
    fs.writeFileSync(path.join(sb.root, "f"), "x");
    expect(() => makeDirs(path.join(sb.root, "f", "sub"))).toThrow();
  });
  it.runIf(process.platform === "linux" && fs.existsSync("/proc/self"))("throws instead of looping where mkdir says ENOENT under an existing parent (procfs)", () => {
    // fs.mkdirSync(…, { recursive: true }) never returns here on Node 20.
    expect(() => makeDirs("/proc/hookwarden-cannot-exist/cache")).toThrow(/ENOENT/);
  });
});
