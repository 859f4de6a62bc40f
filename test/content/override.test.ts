// Family: override language. Case table: cases/override.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { OVERRIDE_CASES } from "./cases/override.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("override language", () => {
  it.each(OVERRIDE_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "override");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
