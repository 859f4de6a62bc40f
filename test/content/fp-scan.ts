// False-positive rate on real text found on this machine: every README / CHANGELOG / .md / .txt / .html under
// node_modules and /usr/share/doc (prose), and every .js / .ts / .py / .json (code), scanned as a web page (the
// strictest source), as command output and as a project file. Not a test; run `npx tsx test/content/fp-scan.ts`.
import fs from "node:fs";
import path from "node:path";
import { scanForInjection } from "../../src/content/injection/index.js";
import { findSecretsSync } from "../../src/content/secret-patterns.js";
import type { Source } from "../../src/content/types.js";

const ROOTS = [path.resolve(import.meta.dirname, "../../node_modules"), "/usr/share/doc", "/usr/lib/node_modules"];
const PROSE = /\.(?:md|markdown|txt|html?)$|^(?:README|CHANGELOG|HISTORY|NEWS)/i;
const CODE = /\.(?:js|ts|mjs|cjs|py|json)$/;
const MAX_FILES = 6_000;

function collect(kind: RegExp): string[] {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8 || files.length >= MAX_FILES) return;
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (kind.test(e.name) && !e.name.endsWith(".min.js")) files.push(p);
    }
  };
  for (const root of ROOTS) walk(root, 0);
  return files;
}

const SOURCES: Record<string, (file: string) => Source> = {
  web: () => ({ tool: "WebFetch", trust: "untrusted", label: "fp-scan" }),
  bash: () => ({ tool: "Bash", trust: "external", label: "fp-scan" }),
  project: (file) => ({ tool: "Read", trust: "project", label: "fp-scan", path: file }),
};

for (const [set, kind] of [["prose", PROSE], ["code", CODE]] as const) {
  const texts = collect(kind)
    .map((f) => {
      try {
        const t = fs.readFileSync(f, "utf8");
        return t.length <= 1_000_000 && !t.includes("\u0000") ? ([f, t] as const) : undefined;
      } catch {
        return undefined;
      }
    })
    .filter((x): x is readonly [string, string] => x !== undefined);
  const secretFiles = texts.filter(([, t]) => findSecretsSync(t).length > 0).length;
  const cells = Object.entries(SOURCES).map(([name, source]) => {
    const flagged = texts.filter(([f, t]) => scanForInjection(t, source(f)).some((x) => x.severity !== "info")).length;
    return `${name} ${flagged}/${texts.length}`;
  });
  process.stdout.write(`${set}: injection flagged — ${cells.join(", ")}; sync secret patterns hit ${secretFiles}/${texts.length} files\n`);
}
