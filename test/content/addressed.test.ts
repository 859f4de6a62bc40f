// Family: addressed to the agent. Case table: cases/addressed.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { ADDRESSED_CASES } from "./cases/addressed.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("addressed to the agent", () => {
  it.each(ADDRESSED_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "addressed");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
