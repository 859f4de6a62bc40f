// Bundles one source module into a temp CommonJS file that plain `node` child processes can require: spawning 50
// processes under tsx would cost seconds each; a bundle loads in milliseconds, like the shipped hooks.
import { build } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export async function bundleModule(entry: string): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hw-bundle-"));
  const file = path.join(dir, `${path.basename(entry, ".ts")}.cjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, entry)],
    outfile: file,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "silent",
  });
  return { file, dir };
}

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `count` node processes at once, each `node args…`; each is killed after `timeoutMs`. */
export async function spawnAll(count: number, args: (i: number) => string[], timeoutMs: number): Promise<ChildResult[]> {
  const { spawn } = await import("node:child_process");
  return Promise.all(
    Array.from({ length: count }, (_, i) => new Promise<ChildResult>((resolve) => {
      const child = spawn(process.execPath, args(i), { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    })),
  );
}
