// Family: encoded and disguised. Case table: cases/encoded.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { ENCODED_CASES } from "./cases/encoded.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("encoded and disguised", () => {
  it.each(ENCODED_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "encoded");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
