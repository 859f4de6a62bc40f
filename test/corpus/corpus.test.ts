// The project's own corpus (test/corpus/*.jsonl), scored through the built hooks exactly as Claude Code calls them.
import { describe, expect, it } from "vitest";
import { loadCases, runCase } from "./runner.js";

for (const { file, cases } of loadCases(import.meta.dirname)) {
  describe(file, () => {
    it.concurrent.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
      const r = await runCase(c);
      expect(r.pass, r.detail).toBe(true);
    });
  });
}
