// Family: chat-template and role tokens. Case table: cases/role-tokens.ts (flag = the family acts; quiet = nothing acts).
import { describe, expect, it } from "vitest";
import { ROLE_TOKEN_CASES } from "./cases/role-tokens.js";
import { describeFailure, judge } from "./cases/judge.js";

describe("chat-template and role tokens", () => {
  it.each(ROLE_TOKEN_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, "role-token");
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
