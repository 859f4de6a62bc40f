// The facts about this machine every hook call needs — home, temp dir, host name — without starting node:os, whose
// module start-up costs a hook process more than these answers do. The build loads node:os lazily (scripts/build.mjs),
// so it starts only where these fall back to it: no HOME, Windows, no /proc.
import fs from "node:fs";
import os from "node:os";

export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOME || os.homedir();
}

/** os.tmpdir() as Node computes it on POSIX: $TMPDIR, $TMP, $TEMP or /tmp, without a trailing slash. */
export function tmpDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === "win32") return os.tmpdir();
  const dir = env.TMPDIR || env.TMP || env.TEMP || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

let host: string | undefined;
/** gethostname(2), which Linux also shows in /proc/sys/kernel/hostname. */
export function hostName(): string {
  if (host === undefined) {
    try {
      host = fs.readFileSync("/proc/sys/kernel/hostname", "utf8").trim() || os.hostname();
    } catch {
      host = os.hostname();
    }
  }
  return host;
}
