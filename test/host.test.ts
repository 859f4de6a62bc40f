import os from "node:os";
import { describe, expect, it } from "vitest";
import { homeDir, hostName, tmpDir } from "../src/host.js";

describe("host facts without node:os on the hot path", () => {
  it("computes the temp dir as os.tmpdir() does on POSIX", () => {
    expect(tmpDir({ TMPDIR: "/var/tmp/x/" })).toBe("/var/tmp/x");
    expect(tmpDir({ TMP: "/a" })).toBe("/a");
    expect(tmpDir({ TEMP: "/b" })).toBe("/b");
    expect(tmpDir({ TMPDIR: "/t1", TMP: "/t2" })).toBe("/t1");
    expect(tmpDir({})).toBe("/tmp");
    expect(tmpDir({ TMPDIR: "/" })).toBe("/");
    expect(tmpDir(process.env)).toBe(os.tmpdir());
  });

  it("takes HOME from the environment it is given, else node:os", () => {
    expect(homeDir({ HOME: "/home/someone" })).toBe("/home/someone");
    expect(homeDir({})).toBe(os.homedir());
  });

  it("names the host as os.hostname() does", () => {
    expect(hostName()).toBe(os.hostname());
  });
});
