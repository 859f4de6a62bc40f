// Unicode and control characters, found before parsing: invisible, bidi, tag, odd spaces, confusables, controls.
import { describe, expect, it } from "vitest";
import { scanUnicode } from "../../src/shell/unicode.js";
import { decideBash, kind } from "./helpers.js";

describe("scanUnicode", () => {
  it.each([
    ["r\u200bm -rf /", "zero-width"],
    ["ls \u202Etxt.exe", "bidi"],
    ["echo \u{E0041}", "tag"],
    ["rm\u00a0-rf /", "space"],
    ["\u0441url example.org", "confusable"], // Cyrillic с
    ["ｃｕｒｌ x", "confusable"],
    ["ls\u0007", "control"],
    ["ls\r", "control"],
    ["ls \u0085", "control"],
  ])("%j → %s", (src, k) => {
    expect(scanUnicode(src).map((h) => h.kind)).toContain(k);
  });
  it("allows plain text, tabs, newlines and non-Latin words", () => {
    expect(scanUnicode("echo 'héllo wörld'\tand\nmore")).toEqual([]);
    expect(scanUnicode("echo 'привет мир'")).toEqual([]);
    expect(scanUnicode("git commit -m '修正'")).toEqual([]);
  });
});

describe("decisions", () => {
  it.each([
    ["ls\u200b", "ask"],
    ["\u0441url example.org", "ask"],
    ["ls \u202Efdp.sh", "ask"],
    ["echo 'héllo'", "allow"],
  ])("%j → %s", (src, expected) => {
    expect(kind(src)).toBe(expected);
  });
  it("names the code point", () => {
    expect(decideBash("ls\u200b").reason).toMatch(/U\+200B/);
  });
  it("a non-ASCII program name asks", () => {
    expect(decideBash("lś -la").findings.map((f) => f.rule)).toContain("injection.unicode-name");
  });
});
