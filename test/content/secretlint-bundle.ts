// Does secretlint 12 (core + recommended preset) survive an esbuild bundle — CommonJS, node20, minified, every
// dependency inside, as the hooks ship — and run on this Node? Builds src/content/secrets.ts into a temp dir, runs
// it in a fresh node, and reports size, load time and what it found. Used by secretlint-bundle.test.ts; also
// runnable: `npx tsx test/content/secretlint-bundle.ts`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export interface BundleReport {
  readonly node: string;
  readonly bytes: number;
  /** ms for secretlint's first lint in a fresh process: module load, rule compile, one scan. */
  readonly firstLintMs: number;
  /** ms from process start (node's own boot included) to that first answer. */
  readonly sinceProcessStartMs: number;
  /** ms of a second lint of the same text in the same process. */
  readonly secondLintMs: number;
  readonly lintKinds: readonly string[];
  readonly mergedKinds: readonly string[];
}

const ROOT = path.resolve(import.meta.dirname, "../..");

const ENTRY = `
const t0 = performance.now();
import { lintSecrets, detectSecrets } from ${JSON.stringify(path.join(ROOT, "src/content/secrets.ts"))};
const text = process.argv[2];
const first = await lintSecrets(text);
const t1 = performance.now();
await lintSecrets(text);
const t2 = performance.now();
const merged = await detectSecrets(text);
process.stdout.write(JSON.stringify({
  node: process.version,
  firstLintMs: t1 - t0,
  sinceProcessStartMs: t1,
  secondLintMs: t2 - t1,
  lintKinds: first.spans.map((s) => s.kind),
  error: first.error,
  mergedKinds: merged.map((m) => m.kind),
}));
`;

export async function checkSecretlintBundle(sample: string): Promise<BundleReport & { error?: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hookwarden-secretlint-"));
  try {
    const entry = path.join(dir, "entry.ts");
    const out = path.join(dir, "out.cjs");
    fs.writeFileSync(entry, ENTRY);
    // CommonJS has no top-level await: the entry's body runs in an async function. Options as scripts/build.mjs
    // (dynamic import() becomes require(), so secretlint still loads only when first used).
    fs.writeFileSync(entry, ENTRY.replace(/^(import .*)$/m, "$1\n(async () => {") + "\n})();");
    await build({ entryPoints: [entry], bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, legalComments: "none", supported: { "dynamic-import": false }, outfile: out, logLevel: "silent" });
    const raw = execFileSync(process.execPath, [out, sample], { encoding: "utf8", env: { ...process.env, NODE_EXTRA_CA_CERTS: "" } });
    const report = JSON.parse(raw) as BundleReport & { error?: string };
    return { ...report, bytes: fs.statSync(out).size };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sample = `aws_secret_access_key = ${"wJalrXUtnFEMI/K7MDENG/bPxRfiCY".padEnd(40, "Q")}\nshpat_${"0123456789abcdef".repeat(2)}\npostgres://app:${"Xy7".repeat(5)}@db:5432/app`;
  const report = await checkSecretlintBundle(sample);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
