// Brace expansion of plain words, checked against bash itself on generated words.
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandBraces } from "../../src/shell/braces.js";

describe("expandBraces", () => {
  it.each([
    ["{a,b}", ["a", "b"]],
    ["x{a,b}y", ["xay", "xby"]],
    ["{a,b}{c,d}", ["ac", "ad", "bc", "bd"]],
    ["{a,{b,c}}", ["a", "b", "c"]],
    ["{1..3}", ["1", "2", "3"]],
    ["{3..1}", ["3", "2", "1"]],
    ["{a..c}", ["a", "b", "c"]],
    ["{0..10..5}", ["0", "5", "10"]],
    ["{,x}", ["", "x"]],
    ["{x}", ["{x}"]],
  ])("%s", (w, expected) => {
    expect(expandBraces(w)).toEqual(expected);
  });
  it.each([["plain"], ["{a,$b}"], ['{a,"b c"}'], ["{1..1000}"], ["{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"]])("%s is not expanded", (w) => {
    expect(expandBraces(w)).toBeUndefined();
  });

  it("matches bash on generated words", () => {
    const item = fc.stringMatching(/^[a-c0-2./-]{0,3}$/);
    const group = fc.oneof(
      fc.array(item, { minLength: 2, maxLength: 3 }).map((xs) => `{${xs.join(",")}}`),
      fc.tuple(fc.integer({ min: -3, max: 5 }), fc.integer({ min: -3, max: 5 })).map(([a, b]) => `{${a}..${b}}`),
    );
    const word = fc.array(fc.oneof(item, group), { minLength: 1, maxLength: 4 }).map((ps) => ps.join(""));
    const samples = fc.sample(word, { numRuns: 200, seed: 42 }).filter((w) => expandBraces(w) !== undefined);
    expect(samples.length).toBeGreaterThan(50);
    const script = samples.map((w) => `printf '%s\\0' ${w}; printf '\\1'`).join("\n");
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    if (r.error) return; // no bash here: nothing to compare against
    const outputs = r.stdout.split("\u0001").slice(0, samples.length).map((o) => o.split("\0").slice(0, -1));
    samples.forEach((w, i) => {
      // bash drops empty words from a brace expansion; we keep them as "" (a harmless superset).
      expect(expandBraces(w)!.filter((x) => x !== ""), w).toEqual(outputs[i]!.filter((x) => x !== ""));
    });
  });
});
