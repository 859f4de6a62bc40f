// secretlint 12 bundled the way the hooks ship (esbuild, CommonJS, node20, minified) still loads and finds secrets
// on this Node. Sizes and times are reported by `npx tsx test/content/secretlint-bundle.ts`, never asserted.
import { describe, expect, it } from "vitest";
import { checkSecretlintBundle } from "./secretlint-bundle.js";
import { fake } from "./cases/sources.js";

describe("secretlint in an esbuild CommonJS bundle", () => {
  it("loads and reports what it finds, merged with the pattern table", async () => {
    const sample = `shpat_${fake(32, "0123456789abcdef")}\nghp_${fake(36)}`;
    const report = await checkSecretlintBundle(sample);
    expect(report.error).toBeUndefined();
    expect(report.node.startsWith("v20.")).toBe(process.version.startsWith("v20."));
    expect(report.lintKinds).toEqual(expect.arrayContaining(["shopify-secret", "github-token"]));
    expect(report.mergedKinds).toEqual(expect.arrayContaining(["shopify-secret", "github-token"]));
  }, 30_000);
});
