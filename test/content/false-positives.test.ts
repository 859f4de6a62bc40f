// False positives: ordinary output from every source stays quiet, and every family's near misses stay quiet too.
import { describe, expect, it } from "vitest";
import { ADDRESSED_CASES } from "./cases/addressed.js";
import { BENIGN_CASES } from "./cases/benign.js";
import { ENCODED_CASES } from "./cases/encoded.js";
import { EXFIL_CASES } from "./cases/exfil-image.js";
import { HIDDEN_HTML_CASES } from "./cases/hidden-html.js";
import { INVISIBLE_CASES } from "./cases/invisible.js";
import { describeFailure, judge } from "./cases/judge.js";
import { MIXED_CASES } from "./cases/mixed.js";
import { OVERRIDE_CASES } from "./cases/override.js";
import { ROLE_TOKEN_CASES } from "./cases/role-tokens.js";

describe("benign tool output stays quiet", () => {
  it.each(BENIGN_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, undefined);
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});

describe("every family's near misses stay quiet for every other family too", () => {
  const nearMisses = [...INVISIBLE_CASES, ...ROLE_TOKEN_CASES, ...OVERRIDE_CASES, ...ADDRESSED_CASES, ...HIDDEN_HTML_CASES, ...EXFIL_CASES, ...ENCODED_CASES].filter(
    (c) => c.expect === "quiet",
  );
  it("has near misses in every table", () => expect(nearMisses.length).toBeGreaterThan(60));
  it.each(nearMisses.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, undefined);
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});

describe("a user's own prompt is never acted on", () => {
  const positives = [...OVERRIDE_CASES, ...ADDRESSED_CASES, ...ROLE_TOKEN_CASES, ...INVISIBLE_CASES].filter((c) => c.expect === "flag");
  it.each(positives.map((c) => [c.id, c] as const))("%s as a prompt", (_id, c) => {
    const j = judge({ ...c, source: "prompt", expect: "quiet" }, undefined);
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});

describe("mixed cases written blind, then kept (cases/mixed.ts)", () => {
  it.each(MIXED_CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const j = judge(c, undefined);
    expect(j.pass, describeFailure(c, j)).toBe(true);
  });
});
