// Family: exfiltration templates. Case table: cases/exfil-image.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { EXFIL_CASES } from "./cases/exfil-image.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("exfiltration templates", () => {
  it.each(EXFIL_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "exfil-image");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
