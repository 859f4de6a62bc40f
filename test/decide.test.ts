import { describe, expect, it } from "vitest";
import { decide } from "../src/decide.js";
import { finding } from "../src/types.js";

describe("decide", () => {
  it("deny beats ask beats allow", () => {
    const allow = finding("allow", "readonly.ls", "ls only reads");
    const ask = finding("ask", "bash.unmatched", "unknown program");
    const deny = finding("deny", "blocklist.curl", "downloads are blocked");
    expect(decide([allow, ask, deny]).kind).toBe("deny");
    expect(decide([allow, ask]).kind).toBe("ask");
    expect(decide([allow]).kind).toBe("allow");
  });

  it("asks when nothing allowed the call", () => {
    expect(decide([]).kind).toBe("ask");
    expect(decide([finding("info", "scope.write-inside", "writes x")]).kind).toBe("ask");
  });

  it("joins every reason of the winning severity, once each", () => {
    const d = decide([finding("ask", "a.b", "First."), finding("ask", "c.d", "Second."), finding("ask", "e.f", "First."), finding("allow", "g.h", "ok")]);
    expect(d.kind).toBe("ask");
    expect(d.reason).toBe("First. Second.");
  });
});
