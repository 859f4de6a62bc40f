// Family: hidden HTML directives. Case table: cases/hidden-html.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { HIDDEN_HTML_CASES } from "./cases/hidden-html.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("hidden HTML directives", () => {
  it.each(HIDDEN_HTML_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "hidden-html");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
