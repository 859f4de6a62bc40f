import { describe, expect, it } from "vitest";
import { lazyRule, lazyTable, table } from "../src/table.js";

describe("lookup tables", () => {
  it("hold no inherited keys", () => {
    const t = table({ ls: 1 });
    for (const k of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(t[k]).toBeUndefined();
    expect(t.ls).toBe(1);
  });

  it("lazy: build an entry on its first read, once, and hold no inherited keys", () => {
    const built: string[] = [];
    const t = lazyTable({ a: () => (built.push("a"), { n: 1 }), b: () => (built.push("b"), { n: 2 }) });
    expect(built).toEqual([]);
    expect(t.a).toEqual({ n: 1 });
    expect(t.a).toBe(t.a);
    expect(built).toEqual(["a"]);
    expect(Object.keys(t)).toEqual(["a", "b"]);
    expect(t.constructor).toBeUndefined();
    expect(t["__proto__"]).toBeUndefined();
    expect(built).toEqual(["a"]);
  });
});

describe("lazy rules", () => {
  it("build the rule once, on the first call, with its programs", () => {
    let builds = 0;
    const entry = lazyRule<{ programs: readonly string[]; id: string }>(["git", "hub"], () => (builds++, { id: "git" }));
    expect(builds).toBe(0);
    expect(entry.programs).toEqual(["git", "hub"]);
    expect(entry.rule()).toEqual({ id: "git", programs: ["git", "hub"] });
    expect(entry.rule()).toBe(entry.rule());
    expect(builds).toBe(1);
  });
});
