"use strict";
// hookwarden hook loader: runs the bundle beside it through V8's code cache, so a hook process does not compile the
// same 100+ KB of JavaScript on every tool call (Node 20 has no built-in compile cache). The cache lives in the
// data dir (0700, the user's own, self-protected), keyed by the bundle's size and mtime; V8 rejects a cache made by
// another Node version. Any failure here falls back to a plain require: a cache can only make the hook faster.
//
// V8 caches only the functions a run has compiled, and one run takes one path (a Read, a Bash call…). So the cache is
// rewritten at the end of the first GENERATIONS runs of each bundle, each time holding what that run compiled plus
// what it loaded from the cache: the paths the first calls take are all in it, and later runs only read it. The
// file's last byte counts the rewrites.
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const GENERATIONS = 8;

function cacheDir() {
  const env = process.env;
  const base = env.CLAUDE_PLUGIN_DATA || env.HOOKWARDEN_DATA_DIR || path.join(env.HOME || require("os").homedir(), ".claude", "hookwarden");
  return path.join(base, "cache");
}

function load(name) {
  const file = path.join(__dirname, name);
  let script, cacheFile, generation;
  try {
    // Bundles are ASCII (scripts/build.mjs escapes the rest; a test checks): latin1 reads a byte a character,
    // without UTF-8 decoding, the same text.
    const source = fs.readFileSync(file, "latin1");
    const stat = fs.statSync(file);
    cacheFile = path.join(cacheDir(), `${name}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.v8`);
    let cached;
    try {
      const bytes = fs.readFileSync(cacheFile);
      // The generation is the last byte: the data before it starts where the read buffer starts, aligned, which V8
      // needs (from an odd offset it copies the whole cache first).
      generation = bytes[bytes.length - 1];
      cached = bytes.subarray(0, bytes.length - 1);
    } catch {
      generation = -1; // first run of this bundle: compile, then save
    }
    // The bundle is one function expression (scripts/build.mjs): compiled as read, without a wrapped copy.
    script = new vm.Script(source, { filename: file, cachedData: cached, importModuleDynamically: undefined });
    if (script.cachedDataRejected) generation = -1;
  } catch {
    return run(vm.runInThisContext(fs.readFileSync(file, "latin1"), { filename: file }), file);
  }
  const exports = run(script.runInThisContext(), file);
  if (generation < GENERATIONS) process.once("exit", () => saveCache(script, cacheFile, name, generation + 1));
  return exports;
}

// The bundles sit beside this file, so its own require resolves exactly as theirs would; require("module") (for
// createRequire) would cost a hook start-up its ESM loader.
function run(bundle, file) {
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  bundle.call(mod.exports, mod.exports, require, mod, file, __dirname);
  return mod.exports;
}

function saveCache(script, cacheFile, name, generation) {
  try {
    const dir = path.dirname(cacheFile);
    makeDirs(dir);
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([script.createCachedData(), Buffer.from([generation])]), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
    if (generation > 0) return;
    // A new bundle: drop the caches of the ones it replaced.
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`${name}-`) && path.join(dir, f) !== cacheFile && !f.endsWith(".tmp")) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // no cache this time; the next run compiles again
  }
}

// mkdir -p, each directory once: Node 20's recursive mkdir loops forever where mkdir of a child of an existing
// directory says ENOENT (procfs), and this runs at exit, after the answer, where a hang still stalls Claude Code.
function makeDirs(dir) {
  const missing = [];
  for (let d = dir; !fs.existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.push(d);
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d, { mode: 0o700 });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}

globalThis.__hookwardenLoad = load;
load(__HOOKWARDEN_MAIN__);
