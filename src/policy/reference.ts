// The README's policy reference, rendered from the JSON Schema (so the two cannot disagree).

type Schema = { type?: string | string[]; description?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; const?: unknown; anyOf?: Schema[] };

function typeOf(s: Schema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" \\| ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === "array") return s.items?.type === "object" ? "array of objects" : `array of ${typeOf(s.items ?? {})}`;
  return Array.isArray(s.type) ? s.type.join(" \\| ") : (s.type ?? "any");
}

export function renderPolicyReference(schema: Schema): string {
  const rows: string[] = ["| key | type | meaning |", "|---|---|---|"];
  const walk = (props: Record<string, Schema>, prefix: string) => {
    for (const [key, s] of Object.entries(props)) {
      if (key === "$schema") continue;
      rows.push(`| \`${prefix}${key}\` | ${typeOf(s)} | ${(s.description ?? "").replace(/\|/g, "\\|")} |`);
      if (s.properties) walk(s.properties, `${prefix}${key}.`);
      if (s.items?.properties) walk(s.items.properties, `${prefix}${key}[].`);
    }
  };
  walk(schema.properties ?? {}, "");
  return [
    "### `hookwarden.json` reference",
    "",
    "Generated from the schema (`hookwarden policy schema`; committed as `schema/hookwarden.schema.json` — point `$schema` at it).",
    "Unknown keys are errors, reported with the nearest valid name.",
    "",
    ...rows,
  ].join("\n");
}

export const REFERENCE_START = "<!-- policy-reference:start -->";
export const REFERENCE_END = "<!-- policy-reference:end -->";

export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start === -1 || end < start) throw new Error("README has no policy-reference markers");
  return `${readme.slice(0, start + REFERENCE_START.length)}\n${reference}\n${readme.slice(end)}`;
}
