// The data dir (trust store, taint files, audit log) and the two ways we write into it: a private directory (0700)
// and whole-file replacement that readers never see half-written (temp file in the same dir + rename, 0600).
// Locking for read-modify-write lives in lock.ts; what the files contain lives in trust.ts, taint.ts, ../audit/.
import fs from "node:fs";
import path from "node:path";

/** `$CLAUDE_PLUGIN_DATA` (set when installed as a plugin), else `$HOOKWARDEN_DATA_DIR`, else `~/.claude/hookwarden`. */
export function dataDirFrom(env: NodeJS.ProcessEnv, home: string): string {
  if (env.CLAUDE_PLUGIN_DATA) return path.resolve(env.CLAUDE_PLUGIN_DATA);
  if (env.HOOKWARDEN_DATA_DIR) return path.resolve(env.HOOKWARDEN_DATA_DIR);
  return path.join(home, ".claude", "hookwarden");
}

/** Create `dir` (and missing parents) and make `dir` itself 0700. Parents keep the default mode: `~/.claude` is
 *  Claude Code's, not ours. Throws on I/O failure: callers that must not throw catch it. */
export function ensurePrivateDir(dir: string): void {
  makeDirs(path.dirname(dir));
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (process.platform === "win32") return;
  const st = fs.statSync(dir);
  // A dir created by an older version, by hand, or under a loose umask: other users could swap our files.
  if ((st.mode & 0o077) !== 0 && st.uid === process.getuid?.()) fs.chmodSync(dir, 0o700);
}

/** `mkdir -p`, each missing directory made once. Not `fs.mkdirSync(…, { recursive: true })`: on Node 20 that loops
 *  forever where a parent exists but mkdir of the child says ENOENT (procfs, some FUSE mounts), and a hook stuck
 *  there never answers — Claude Code then times it out and runs the tool. Throws on I/O failure. */
export function makeDirs(dir: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) {
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** Replace `file` with `text` atomically, mode 0600. The temp name is unique per process and call, so parallel
 *  writers never share one; a reader sees the old file or the new one, never a mix. */
export function writeFilePrivate(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", 0o600);
    fs.writeFileSync(fd, text);
    if (process.platform !== "win32") fs.fchmodSync(fd, 0o600); // open's mode is masked by umask, never widened; be exact
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Unpredictable enough for unique file names (they are created O_EXCL anyway). Math.random, not node:crypto: that
 *  module alone costs a fresh hook process ≈ 5–8 ms to load. */
export function randomHex(length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

/** Same-dir temp files left by a writer that was killed between open and rename. */
export function isStaleTempName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}
