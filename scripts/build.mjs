// Build: one minified CommonJS bundle per hook, one for the shell analyser (loaded only for Bash calls) and one for
// the CLI, every dependency inside, targeting Node 20. `--check` rebuilds into a temp dir and fails if dist/ differs.
import { build, transform } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const check = process.argv.includes("--check");
const outdir = check ? fs.mkdtempSync(path.join(os.tmpdir(), "hookwarden-dist-")) : path.join(root, "dist");

// Bundles loaded on demand (each hook's main, the shell analyser, minimatch) are one function expression taking
// CommonJS's five names: V8 compiles the file's text as it is read, where wrapping it at load time made a second copy
// of every bundle (~400 KB for a Bash call) before compiling. The hook loader (scripts/loader.template.cjs) runs them
// through its code cache; without it (the CLI), LOAD_BESIDE compiles and calls them.
const WRAP = ["(function (exports, require, module, __filename, __dirname) {", "\n})"];
const LOADED = (f) => f.endsWith(".main.cjs") || f === "shell.cjs" || f === "minimatch.cjs";
const LOAD_BESIDE = `(globalThis.__hookwardenLoad ?? ((name) => { const file = require("path").join(__dirname, name); const m = { exports: {} }; require("vm").runInThisContext(require("fs").readFileSync(file, "utf8"), { filename: file }).call(m.exports, m.exports, require, m, file, __dirname); return m.exports; }))`;

// src/checks/load-shell.ts imports ./bash.js lazily; in the bundles that is the separate dist/shell.cjs.
const shellAsSeparateFile = {
  name: "shell-as-separate-file",
  setup(b) {
    b.onResolve({ filter: /^\.\/bash\.js$/ }, (args) => (/load-shell\.ts$/.test(args.importer) ? { path: "shell", namespace: "hookwarden-shell" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "hookwarden-shell" }, () => ({
      contents: `module.exports = ${LOAD_BESIDE}("shell.cjs");`,
      loader: "js",
    }));
  },
};

// minimatch (with its brace-expansion and matcher, a quarter of a hook bundle) lives in dist/minimatch.cjs, loaded
// on the first glob that has to be compiled: most calls rule every glob out by its fixed text first
// (src/paths/globs.ts) and never load it. The stub keeps the two names hookwarden uses.
const minimatchAsSeparateFile = {
  name: "minimatch-as-separate-file",
  setup(b) {
    b.onResolve({ filter: /^minimatch$/ }, (args) => (args.importer.startsWith(path.join(root, "src")) ? { path: "minimatch", namespace: "hookwarden-minimatch" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "hookwarden-minimatch" }, () => ({
      contents: [
        "let m;",
        `const load = () => (m ??= ${LOAD_BESIDE}("minimatch.cjs"));`,
        "export class Minimatch { constructor(pattern, options) { return new (load().Minimatch)(pattern, options); } }",
        "export function minimatch(path, pattern, options) { return load().minimatch(path, pattern, options); }",
      ].join("\n"),
      loader: "js",
    }));
  },
};

// `import fs from "node:fs"` compiles to esbuild's __toESM(require("node:fs")), which copies every property of the
// module, once per importing file: ~3 ms per hook start. These shims give each builtin one ESM face instead (named
// exports are the module's plain data properties; getters such as fs.promises stay lazy behind the default export).
const BUILTINS = ["fs", "path", "os", "crypto", "url", "util", "module", "vm", "child_process", "events", "stream", "readline", "buffer", "zlib", "assert"];
// Read in a fresh CommonJS process: in this (ESM) one, importing a builtin has already turned its lazy getters (fs.Dir,
// which loads internal/fs/dir, ~1.5 ms) into plain values.
const plainExports = (name) =>
  JSON.parse(
    execFileSync(process.execPath, ["-e", `const m = require("node:${name}"); console.log(JSON.stringify(Object.keys(m).filter((k) => /^[A-Za-z_$][\\w$]*$/.test(k) && k !== "default" && !Object.getOwnPropertyDescriptor(m, k).get)))`], { encoding: "utf8" }),
  );
// Builtins bare node has not started: their module start-up (node:os ~2 M instructions) is paid only when used.
const LAZY = new Set(["os"]);
const builtinShims = {
  name: "builtin-shims",
  setup(b) {
    const filter = new RegExp(`^(node:)?(${BUILTINS.join("|")})$`);
    b.onResolve({ filter }, (args) => (args.kind === "import-statement" ? { path: args.path.replace(/^node:/, ""), namespace: "builtin-shim" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "builtin-shim" }, (args) => {
      if (LAZY.has(args.path)) {
        // Default import only (`os.hostname()`): the module starts on the first property read.
        return { contents: `let m;\nexport default new Proxy({}, { get: (_, key) => (m ??= require("node:${args.path}"))[key] });\n`, loader: "js" };
      }
      const names = plainExports(args.path);
      return { contents: `const m = require("node:${args.path}");\nexport default m;\nexport const { ${names.join(", ")} } = m;\n`, loader: "js" };
    });
  },
};

// Each hook is a small loader (scripts/loader.template.cjs) beside its bundle `<hook>.main.cjs`.
const HOOKS = ["pre-tool-use", "post-tool-use", "session-start", "user-prompt-submit"];
const entries = {
  ...Object.fromEntries(HOOKS.map((h) => [`${h}.main`, `hooks/${h}.ts`])),
  shell: "src/checks/bash.ts",
  cli: "src/cli/main.ts",
  minimatch: "node_modules/minimatch/dist/commonjs/index.js",
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
  plugins: [shellAsSeparateFile, minimatchAsSeparateFile, builtinShims],
  define: { __VERSION__: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version) },
  logLevel: "warning",
});
// ASCII only: esbuild leaves non-ASCII characters inside regular expressions, and one such character makes V8 hold
// the whole bundle as a two-byte string — twice the memory, and past the young generation's large-object budget
// that forces a garbage collection in a Bash call. `\\uXXXX` means the same code unit in a regexp or string literal.
for (const f of fs.readdirSync(outdir)) {
  const file = path.join(outdir, f);
  const code = fs.readFileSync(file, "utf8");
  const ascii = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  fs.writeFileSync(file, LOADED(f) ? `${WRAP[0]}${ascii}${WRAP[1]}` : ascii);
}
const loader = fs.readFileSync(path.join(root, "scripts", "loader.template.cjs"), "utf8");
for (const h of HOOKS) {
  const { code } = await transform(loader.replace("__HOOKWARDEN_MAIN__", JSON.stringify(`${h}.main.cjs`)), { loader: "js", minify: true, target: "node20", format: "cjs" });
  fs.writeFileSync(path.join(outdir, `${h}.cjs`), code);
}
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
