import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPolicyReference, withReference } from "../../src/policy/reference.js";
import { POLICY_KEYS, policySchema, policyJsonSchema } from "../../src/policy/schema.js";
const PolicySchema = policySchema();

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("policy schema and reference", () => {
  it("the committed JSON Schema and README reference match the zod schema (run `npx tsx scripts/policy-reference.ts`)", () => {
    const schema = policyJsonSchema();
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, "schema", "hookwarden.schema.json"), "utf8"))).toEqual(schema);
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(withReference(readme, renderPolicyReference(schema as never))).toBe(readme);
  });

  it("documents every key and lists every top-level key for typo hints", () => {
    const schema = policyJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    for (const [key, s] of Object.entries(schema.properties)) expect(s.description, key).toBeTruthy();
  });

  it("rejects unknown keys and over-long patterns", () => {
    expect(PolicySchema.safeParse({ comands: [] }).success).toBe(false);
    expect(PolicySchema.safeParse({ credentialPaths: ["x".repeat(600)] }).success).toBe(false);
    expect(PolicySchema.safeParse({ commands: [{ id: "ok-1", behavior: "deny", pattern: "make deploy" }] }).success).toBe(true);
    expect(PolicySchema.safeParse({ commands: [{ id: "Bad Id", behavior: "deny", pattern: "x" }] }).success).toBe(false);
  });
});
