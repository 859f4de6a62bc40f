import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/state/sha256.js";

const reference = (data: Uint8Array | string) => crypto.createHash("sha256").update(data).digest("hex");

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 examples", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("matches node:crypto at every padding boundary and for multi-byte text", () => {
    for (let n = 0; n <= 200; n++) expect(sha256Hex("x".repeat(n))).toBe(reference("x".repeat(n)));
    expect(sha256Hex("€𝄞 ünïcödé")).toBe(reference("€𝄞 ünïcödé"));
    const big = crypto.randomBytes(300_000);
    expect(sha256Hex(big)).toBe(reference(big));
  });

  it("matches node:crypto on random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => sha256Hex(bytes) === reference(bytes)), { numRuns: 300 });
  });
});
