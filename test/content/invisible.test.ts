// Family: invisible carriers. Case table: cases/invisible.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { INVISIBLE_CASES } from "./cases/invisible.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("invisible carriers", () => {
  it.each(INVISIBLE_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "invisible");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
