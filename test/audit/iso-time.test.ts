// isoTime must agree with Date.prototype.toISOString everywhere a hook can meet: leap years, century rules, the
// last millisecond of a day, and random instants across 0001–9999.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoTime } from "../../src/audit/iso-time.js";

const iso = (ms: number) => new Date(ms).toISOString();

describe("isoTime", () => {
  it("matches toISOString on the edges of days, months and leap years", () => {
    for (const s of ["1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:34:56.789Z", "1900-03-01T00:00:00.000Z", "2100-02-28T23:59:59.999Z", "2024-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) {
      expect(isoTime(Date.parse(s))).toBe(s);
    }
  });
  it("matches toISOString for random instants", () => {
    const min = Date.parse("0001-01-01T00:00:00.000Z");
    const max = Date.parse("9999-12-31T23:59:59.999Z");
    fc.assert(fc.property(fc.integer({ min, max }), (ms) => isoTime(ms) === iso(ms)), { numRuns: 20_000 });
  });
  it("drops sub-millisecond fractions as toISOString does", () => {
    expect(isoTime(1_700_000_000_123.9)).toBe(iso(1_700_000_000_123.9));
  });
});
