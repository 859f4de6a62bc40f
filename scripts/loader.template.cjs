"use strict";
// hookwarden hook loader: runs the bundle beside it through V8's code cache, so a hook process does not compile the
// same 100+ KB of JavaScript on every tool call (Node 20 has no built-in compile cache). The cache lives in the
// data dir (0700, the user's own, self-protected), keyed by the bundle's size and mtime; V8 rejects a cache made by
// another Node version. Any failure here falls back to a plain require: a cache can only make the hook faster.
const fs = require("fs");
const path = require("path");
const Module = require("module");
const vm = require("vm");

function cacheDir() {
  const env = process.env;
  const base = env.CLAUDE_PLUGIN_DATA || env.HOOKWARDEN_DATA_DIR || path.join(env.HOME || require("os").homedir(), ".claude", "hookwarden");
  return path.join(base, "cache");
}

function load(name) {
  const file = path.join(__dirname, name);
  let script, cacheFile, cached;
  try {
    const source = fs.readFileSync(file, "utf8");
    const stat = fs.statSync(file);
    cacheFile = path.join(cacheDir(), `${name}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.v8`);
    try {
      cached = fs.readFileSync(cacheFile);
    } catch {
      cached = undefined; // first run of this bundle: compile, then save
    }
    script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached, importModuleDynamically: undefined });
  } catch {
    return require(file);
  }
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);
  if (!cached || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
        const stale = `${name}-`;
        for (const f of fs.readdirSync(path.dirname(cacheFile))) {
          if (f.startsWith(stale) && path.join(path.dirname(cacheFile), f) !== cacheFile && !f.endsWith(".tmp")) fs.rmSync(path.join(path.dirname(cacheFile), f), { force: true });
        }
      } catch {
        // no cache this time; the next run compiles again
      }
    });
  }
  return mod.exports;
}

globalThis.__hookwardenLoad = load;
load(__HOOKWARDEN_MAIN__);
