// Windows-style paths as pure functions: drive letters, backslashes, UNC, `\\?\`, case-insensitive containment.
import { describe, expect, it } from "vitest";
import { fromMsysPath, hostFlavor, isAbsoluteFor, isInsideFor, isWindowsAbsolute, joinRaw, normaliseWindowsPath } from "../../src/paths/flavor.js";

describe("win32 flavour", () => {
  it.each([
    ["C:\\repo\\src", "C:\\repo", true],
    ["c:\\REPO\\src", "C:\\repo", true], // NTFS compares names without case
    ["C:/repo/src/../x", "C:\\repo", true],
    ["C:\\repo\\..\\other", "C:\\repo", false],
    ["C:\\repo-sibling", "C:\\repo", false],
    ["D:\\repo", "C:\\repo", false],
    ["\\\\?\\C:\\repo\\x", "C:\\repo", true],
    ["\\\\server\\share\\repo\\x", "\\\\server\\share\\repo", true],
    ["\\\\?\\UNC\\server\\share\\repo\\x", "\\\\server\\share\\repo", true],
    ["\\\\server\\share2\\x", "\\\\server\\share\\repo", false],
  ])("%s inside %s: %s", (child, parent, expected) => {
    expect(isInsideFor("win32", child, parent)).toBe(expected);
  });

  it.each([
    ["C:\\x", true], ["C:/x", true], ["\\\\srv\\share", true], ["C:x", false], ["\\x", false], ["/x", false], ["x", false],
  ])("isWindowsAbsolute(%s) = %s", (p, expected) => {
    expect(isWindowsAbsolute(p)).toBe(expected);
    expect(isAbsoluteFor("win32", p)).toBe(expected);
  });

  it("normalises spelling", () => {
    expect(normaliseWindowsPath("c:/Users/me/./proj/../x/")).toBe("C:\\Users\\me\\x");
    expect(normaliseWindowsPath("\\\\?\\c:\\a")).toBe("C:\\a");
    expect(normaliseWindowsPath("C:\\")).toBe("C:\\");
  });

  it("reads MSYS / Git Bash drive paths", () => {
    expect(fromMsysPath("/c/Users/me")).toBe("C:\\Users\\me");
    expect(fromMsysPath("/c")).toBe("C:\\");
    expect(fromMsysPath("/usr/bin")).toBe("/usr/bin");
  });

  it("joins without folding", () => {
    expect(joinRaw("win32", "C:\\repo", "a\\..\\b")).toBe("C:\\repo\\a\\..\\b");
    expect(joinRaw("win32", "C:\\repo", "D:\\x")).toBe("D:\\x");
    expect(joinRaw("posix", "/repo", "a/../b")).toBe("/repo/a/../b");
    expect(joinRaw("posix", "/repo/", "/etc")).toBe("/etc");
  });
});

describe("posix flavour", () => {
  it("compares case-sensitively and by whole components", () => {
    expect(isInsideFor("posix", "/Repo/x", "/repo")).toBe(false);
    expect(isInsideFor("posix", "/repo/../etc", "/repo")).toBe(false);
    expect(isInsideFor("posix", "/repo-sibling", "/repo")).toBe(false);
  });
  it("picks the flavour from the platform", () => {
    expect(hostFlavor("win32")).toBe("win32");
    expect(hostFlavor("linux")).toBe("posix");
    expect(hostFlavor("darwin")).toBe("posix");
  });
});
