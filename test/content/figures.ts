// Detection and false-positive figures per family over the case tables in ./cases (the README quotes them).
// Run: npx tsx test/content/figures.ts   (tests import computeFigures and print nothing)
import { pathToFileURL } from "node:url";
import { detectSecrets } from "../../src/content/secrets.js";
import type { InjectionFamily } from "../../src/content/types.js";
import { ADDRESSED_CASES } from "./cases/addressed.js";
import { BENIGN_CASES } from "./cases/benign.js";
import { ENCODED_CASES } from "./cases/encoded.js";
import { EXFIL_CASES } from "./cases/exfil-image.js";
import { HIDDEN_HTML_CASES } from "./cases/hidden-html.js";
import { INVISIBLE_CASES } from "./cases/invisible.js";
import { judge } from "./cases/judge.js";
import { MIXED_CASES } from "./cases/mixed.js";
import { OVERRIDE_CASES } from "./cases/override.js";
import { ROLE_TOKEN_CASES } from "./cases/role-tokens.js";
import { SECRET_CASES } from "./cases/secrets.js";
import type { InjectionCase } from "./cases/sources.js";

export interface FamilyFigure {
  readonly family: string;
  /** Texts that carry the family, and how many of them the family flagged. */
  readonly positives: number;
  readonly detected: number;
  /** Near misses and benign texts, and how many of them stayed quiet. */
  readonly negatives: number;
  readonly quiet: number;
}

const TABLES: readonly (readonly [InjectionFamily, readonly InjectionCase[]])[] = [
  ["invisible", INVISIBLE_CASES],
  ["role-token", ROLE_TOKEN_CASES],
  ["override", OVERRIDE_CASES],
  ["addressed", ADDRESSED_CASES],
  ["hidden-html", HIDDEN_HTML_CASES],
  ["exfil-image", EXFIL_CASES],
  ["encoded", ENCODED_CASES],
];

export async function computeFigures(): Promise<{ injection: FamilyFigure[]; secrets: FamilyFigure[]; benignFlaggedBy: Record<string, number> }> {
  const injection: FamilyFigure[] = TABLES.map(([family, cases]) => {
    const pos = cases.filter((c) => c.expect === "flag");
    const neg = cases.filter((c) => c.expect === "quiet");
    return {
      family,
      positives: pos.length,
      detected: pos.filter((c) => judge(c, family).pass).length,
      negatives: neg.length,
      quiet: neg.filter((c) => judge(c, family).pass).length,
    };
  });
  // The shared benign table: how often each family fires on it (the false positives the README quotes).
  const benignFlaggedBy: Record<string, number> = {};
  for (const c of BENIGN_CASES) for (const a of judge(c, undefined).acted) benignFlaggedBy[a.split(":")[0]!] = (benignFlaggedBy[a.split(":")[0]!] ?? 0) + 1;
  injection.push({ family: "benign (all families)", positives: 0, detected: 0, negatives: BENIGN_CASES.length, quiet: BENIGN_CASES.filter((c) => judge(c, undefined).pass).length });
  const mixedPos = MIXED_CASES.filter((c) => c.expect === "flag");
  const mixedNeg = MIXED_CASES.filter((c) => c.expect === "quiet");
  injection.push({
    family: "mixed, any family (cases/mixed.ts)",
    positives: mixedPos.length,
    detected: mixedPos.filter((c) => judge(c, undefined).pass).length,
    negatives: mixedNeg.length,
    quiet: mixedNeg.filter((c) => judge(c, undefined).pass).length,
  });

  const secrets: FamilyFigure[] = [];
  for (const family of ["provider", "private-key", "connection", "header", "generic", "benign"] as const) {
    const cases = SECRET_CASES.filter((c) => c.family === family);
    let detected = 0;
    let quiet = 0;
    for (const c of cases) {
      const found = await detectSecrets(c.text);
      if (c.secret === undefined) quiet += found.length === 0 ? 1 : 0;
      else detected += found.some((f) => c.text.slice(f.start, f.end).includes(c.secret!.slice(0, 16)) || c.secret!.includes(c.text.slice(f.start, f.end))) ? 1 : 0;
    }
    const pos = cases.filter((c) => c.secret !== undefined).length;
    secrets.push({ family: `secret: ${family}`, positives: pos, detected, negatives: cases.length - pos, quiet });
  }
  return { injection, secrets, benignFlaggedBy };
}

function row(f: FamilyFigure): string {
  const det = f.positives ? `${f.detected}/${f.positives}` : "—";
  const q = f.negatives ? `${f.quiet}/${f.negatives}` : "—";
  return `| ${f.family} | ${det} | ${q} |`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await computeFigures();
  const lines = ["| family | detected | quiet (near misses / benign) |", "|---|---|---|", ...figures.injection.map(row), ...figures.secrets.map(row)];
  const fp = Object.entries(figures.benignFlaggedBy);
  lines.push("", fp.length === 0 ? "Benign table: no family fired." : `Benign table, families that fired: ${fp.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
