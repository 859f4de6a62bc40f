// Secrets: every case's secret is found and masked (by the merged engines and, for the pattern families, by the
// sync table alone), nothing is found in the benign cases, masks keep a prefix and the kind, and no secret survives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSecretsSync, isPlaceholder, maskSecrets, SCAN_LIMIT } from "../../src/content/secret-patterns.js";
import { detectSecrets, lintSecrets, mayHoldProviderSecret } from "../../src/content/secrets.js";
import { SECRET_CASES } from "./cases/secrets.js";
import { fake } from "./cases/sources.js";

const positives = SECRET_CASES.filter((c) => c.secret !== undefined);
const negatives = SECRET_CASES.filter((c) => c.secret === undefined);

function masked(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, s.start)}#${out.slice(s.end)}`;
  return out;
}

describe("secrets found by detectSecrets (secretlint preset + patterns)", () => {
  it.each(positives.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const found = await detectSecrets(c.text);
    expect(found.length, c.id).toBeGreaterThan(0);
    expect(masked(c.text, found)).not.toContain(c.secret);
  });
});

describe("benign text: nothing found", () => {
  it.each(negatives.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    expect(await detectSecrets(c.text)).toEqual([]);
  });
});

describe("the sync table alone (hot path, audit log)", () => {
  const ours = positives.filter((c) => c.id !== "shopify-secretlint-rule"); // a secretlint-only provider
  it.each(ours.map((c) => [c.id, c] as const))("%s is masked by maskSecrets", (_id, c) => {
    expect(maskSecrets(c.text)).not.toContain(c.secret);
    expect(maskSecrets(c.text)).toMatch(/\[redacted [a-z0-9-]+\]/);
  });
  it.each(negatives.map((c) => [c.id, c] as const))("%s is left alone", (_id, c) => {
    expect(maskSecrets(c.text)).toBe(c.text);
  });
  it("keeps the provider prefix and names the kind", () => {
    expect(maskSecrets(`t=ghp_${fake(36)}`)).toBe("t=ghp_…[redacted github-token]");
    expect(maskSecrets(`postgres://app:${fake(12)}@db/x`)).toBe("postgres://app:…[redacted connection-string-password]@db/x");
    expect(maskSecrets(`k = AKIA${fake(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`)).toBe("k = AKIA…[redacted aws-access-key-id]");
  });
  it("reports exact ranges", () => {
    const token = `npm_${fake(36)}`;
    const text = `a\nb ${token} c`;
    const [span] = findSecretsSync(text);
    expect(span && text.slice(span.start, span.end)).toBe(token);
  });
  it("allows the documented placeholders", () => {
    for (const p of ["xxxxxxxxxxxx", "<your-token>", "changeme", "example-key-123", "${API_KEY}", "aaaaaaaaaaaaaaaa", "{{ token }}", "your_api_key"]) {
      expect(isPlaceholder(p), p).toBe(true);
    }
    expect(isPlaceholder(fake(32))).toBe(false);
  });
  it("does not scan past SCAN_LIMIT", () => {
    const text = `${" ".repeat(SCAN_LIMIT)}ghp_${fake(36)}`;
    expect(findSecretsSync(text)).toEqual([]);
  });
});

describe("no secret survives masking (property)", () => {
  const token = fc.constantFrom(`ghp_${fake(36)}`, `xoxb-${fake(12, "0123456789")}-${fake(24)}`, `AKIA${fake(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}`, `npm_${fake(36)}`, `sk-ant-api03-${fake(60)}`);
  const filler = fc.string({ maxLength: 40 }).map((s) => s.replace(/[A-Za-z0-9_-]$/, " "));
  it("maskSecrets removes a token wherever it sits", () => {
    fc.assert(
      fc.property(filler, token, filler, (before, secret, after) => {
        const text = `${before} ${secret} ${after}`;
        return !maskSecrets(text).includes(secret);
      }),
      { numRuns: 300 },
    );
  });
  it("masking is idempotent", () => {
    fc.assert(fc.property(filler, token, (before, secret) => maskSecrets(maskSecrets(`${before} ${secret}`)) === maskSecrets(`${before} ${secret}`)), { numRuns: 200 });
  });
});

describe("secretlint is skipped only when it can't find anything", () => {
  it("every case secretlint finds something in carries a hint", async () => {
    for (const c of SECRET_CASES) {
      const { spans } = await lintSecrets(c.text);
      if (spans.length > 0) expect(mayHoldProviderSecret(c.text), c.id).toBe(true);
    }
  });
  it("ordinary output carries none", () => {
    expect(mayHoldProviderSecret(" ✓ test/a.test.ts (12 tests) 41ms\nexport const x = 1;")).toBe(false);
  });
});
