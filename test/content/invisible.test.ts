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

describe("neutraliseInvisible (what the model is shown instead)", () => {
  it("replaces a tag run with a visible note of what it spelled", async () => {
    const { neutraliseInvisible } = await import("../../src/content/injection/invisible.js");
    const hidden = [..."rm -rf /"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("");
    expect(neutraliseInvisible(`ok${hidden}!`)).toBe('ok[hidden tag characters removed: "rm -rf /"]!');
  });
  it("drops stray zero-width and bidi characters, keeps emoji joiners, flags, RTL marks and icon glyphs", async () => {
    const { neutraliseInvisible } = await import("../../src/content/injection/invisible.js");
    expect(neutraliseInvisible("a\u200B\u200Cb \u202Eexe")).toBe("ab exe");
    for (const keep of ["👩\u200D💻", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "שלום\u200F עולם", "\uF115 src", "❤️"]) expect(neutraliseInvisible(keep)).toBe(keep);
  });
  it("reports one finding per kind with a count, and offsets into the text", async () => {
    const { detectInvisible } = await import("../../src/content/injection/invisible.js");
    const text = `a\u200B\u200B b\u200B\u200B c`;
    const found = detectInvisible(text, { trust: "untrusted", code: false, agentFile: false });
    expect(found).toEqual([expect.objectContaining({ family: "invisible", severity: "medium", offset: 1 })]);
    expect(found[0]!.excerpt).toMatch(/2 places/);
  });
});
