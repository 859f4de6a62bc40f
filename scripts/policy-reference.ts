// Regenerates schema/hookwarden.schema.json and the README's policy reference from the zod schema.
// `npx tsx scripts/policy-reference.ts` writes them; test/policy/reference.test.ts fails when they are stale.
import fs from "node:fs";
import path from "node:path";
import { policyJsonSchema } from "../src/policy/schema.js";
import { renderPolicyReference, withReference } from "../src/policy/reference.js";

const root = path.resolve(import.meta.dirname, "..");
const schema = policyJsonSchema();
fs.mkdirSync(path.join(root, "schema"), { recursive: true });
fs.writeFileSync(path.join(root, "schema", "hookwarden.schema.json"), `${JSON.stringify(schema, null, 2)}\n`);
const readme = path.join(root, "README.md");
fs.writeFileSync(readme, withReference(fs.readFileSync(readme, "utf8"), renderPolicyReference(schema as never)));
console.log("schema/hookwarden.schema.json and the README policy reference are up to date");
