// A throwaway project + HOME + data dir for tests that touch the file system. Never the real ~/.claude or /etc.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Sandbox {
  readonly root: string;
  readonly project: string;
  readonly home: string;
  readonly outside: string;
  readonly managed: string;
  readonly data: string;
  readonly env: NodeJS.ProcessEnv;
  write(file: string, content: string | object): string;
  cleanup(): void;
}

export function makeSandbox(): Sandbox {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "hw-test-")));
  const project = path.join(root, "project");
  const home = path.join(root, "home");
  const outside = path.join(root, "outside");
  const managed = path.join(root, "managed");
  const data = path.join(home, ".claude", "hookwarden");
  for (const d of [project, home, outside, managed, path.join(project, ".git"), path.join(project, "src")]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(project, "README.md"), "# demo\n");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: path.join(home, ".claude"),
    CLAUDE_PROJECT_DIR: project,
    HOOKWARDEN_MANAGED_DIR: managed,
    TMPDIR: path.join(root, "tmp"),
  };
  fs.mkdirSync(env.TMPDIR!, { recursive: true });
  return {
    root, project, home, outside, managed, data, env,
    write(file, content) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
      return file;
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
