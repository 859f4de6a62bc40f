// Domain rules: `example.com` exact, `*.example.com` subdomains only, `*` everything; no suffix tricks.
import { describe, expect, it } from "vitest";
import { matchesDomain, normaliseDomainPattern } from "../../src/net/domain.js";

describe("matchesDomain", () => {
  it.each([
    ["example.com", "example.com", true],
    ["EXAMPLE.com.", "example.com", true],
    ["example.com", "Example.COM", true],
    ["www.example.com", "example.com", false],
    ["example.com", "*.example.com", false],
    ["a.example.com", "*.example.com", true],
    ["a.b.example.com", "*.example.com", true],
    ["A.Example.Com.", "*.example.com", true],
    ["evil-example.com", "example.com", false],
    ["evil-example.com", "*.example.com", false],
    ["example.com.evil.io", "example.com", false],
    ["example.com.evil.io", "*.example.com", false],
    ["notexample.com", "*.example.com", false],
    ["xample.com", "example.com", false],
    ["xn--mnchen-3ya.de", "münchen.de", true],
    ["münchen.de", "xn--mnchen-3ya.de", true],
    ["anything.io", "*", true],
    ["example.com", "domain:example.com", true],
    ["example.com", "https://example.com/", true],
    ["example.com", "", false],
    ["example.com", "*example.com", false],
    ["example.com", "ex*.com", false],
    ["127.0.0.1", "127.0.0.1", true],
  ])("%s vs %s → %s", (host, pattern, expected) => {
    expect(matchesDomain(host, pattern)).toBe(expected);
  });
});

describe("normaliseDomainPattern", () => {
  it.each([
    ["*.Example.com.", "*.example.com"],
    ["*.münchen.de", "*.xn--mnchen-3ya.de"],
    ["**.example.com", undefined],
    ["*", "*"],
  ])("%s → %s", (p, n) => {
    expect(normaliseDomainPattern(p)).toBe(n);
  });
});
