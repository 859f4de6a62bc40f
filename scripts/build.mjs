// Build: one minified CommonJS bundle per hook, one for the shell analyser (loaded only for Bash calls) and one for
// the CLI, every dependency inside, targeting Node 20. `--check` rebuilds into a temp dir and fails if dist/ differs.
import { build } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const check = process.argv.includes("--check");
const outdir = check ? fs.mkdtempSync(path.join(os.tmpdir(), "hookwarden-dist-")) : path.join(root, "dist");

// src/checks/load-shell.ts imports ./bash.js lazily; in the bundles that is the separate dist/shell.cjs.
const shellAsSeparateFile = {
  name: "shell-as-separate-file",
  setup(b) {
    b.onResolve({ filter: /^\.\/bash\.js$/ }, (args) => (/load-shell\.ts$/.test(args.importer) ? { path: "./shell.cjs", external: true } : undefined));
  },
};

const entries = {
  "pre-tool-use": "hooks/pre-tool-use.ts",
  "post-tool-use": "hooks/post-tool-use.ts",
  "session-start": "hooks/session-start.ts",
  "user-prompt-submit": "hooks/user-prompt-submit.ts",
  shell: "src/checks/bash.ts",
  cli: "src/cli/main.ts",
};

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(root, v)])),
  outdir,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: true,
  legalComments: "none",
  // Dynamic imports become require() calls: CommonJS loads faster than Node's ESM loader.
  supported: { "dynamic-import": false },
  plugins: [shellAsSeparateFile],
  define: { __VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version) },
  logLevel: "warning",
});
fs.chmodSync(path.join(outdir, "cli.cjs"), 0o755);
const cli = fs.readFileSync(path.join(outdir, "cli.cjs"), "utf8");
if (!cli.startsWith("#!")) fs.writeFileSync(path.join(outdir, "cli.cjs"), `#!/usr/bin/env node\n${cli}`);

if (check) {
  const stale = [];
  for (const f of fs.readdirSync(outdir)) {
    const committed = path.join(root, "dist", f);
    if (!fs.existsSync(committed) || !fs.readFileSync(committed).equals(fs.readFileSync(path.join(outdir, f)))) stale.push(f);
  }
  for (const f of fs.readdirSync(path.join(root, "dist"))) if (!fs.existsSync(path.join(outdir, f))) stale.push(`${f} (not built any more)`);
  fs.rmSync(outdir, { recursive: true, force: true });
  if (stale.length) {
    console.error(`dist/ is stale: ${stale.join(", ")}. Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log("dist/ is up to date");
} else {
  for (const f of fs.readdirSync(outdir)) console.log(`dist/${f} ${(fs.statSync(path.join(outdir, f)).size / 1024).toFixed(0)} KB`);
}
