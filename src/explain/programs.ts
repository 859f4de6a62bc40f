// Plain-English phrases for common programs (data). A phrase gets the command's words and returns a verb phrase
// ("deletes `dist` recursively"); describe.ts strings phrases together. Unknown programs fall back to "runs `…`".
import type { Word } from "../shell/model.js";
import { table } from "../table.js";

export type Phrase = (args: readonly Word[]) => string | undefined;

const q = (s: string): string => `\`${s.length > 60 ? `${s.slice(0, 59)}…` : s}\``;
const operands = (args: readonly Word[]): string[] => args.filter((a) => a.dynamic || !a.value.startsWith("-") || a.value === "-").map((a) => a.text);
const list = (xs: readonly string[]): string => {
  const shown = xs.slice(0, 4).map(q);
  if (xs.length > 4) shown.push(`${xs.length - 4} more`);
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
};
const has = (args: readonly Word[], re: RegExp): boolean => args.some((a) => !a.dynamic && re.test(a.value));
const urls = (args: readonly Word[]): string[] => args.filter((a) => /^(https?|ftp):\/\//.test(a.value) || /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(a.value)).map((a) => a.value);
const where = (xs: string[], fallback: string): string => (xs.length ? list(xs) : fallback);

const GIT: Readonly<Record<string, Phrase>> = table({
  status: () => "shows the git working-tree status",
  diff: () => "shows uncommitted changes",
  log: () => "shows the commit history",
  show: (a) => `shows ${where(operands(a), "the last commit")}`,
  add: (a) => `stages ${where(operands(a), "changes")} for commit`,
  commit: (a) => (has(a, /^--amend$/) ? "rewrites the last git commit" : "creates a git commit"),
  push: (a) => `pushes commits to ${where(operands(a).slice(0, 1), "the remote")}${has(a, /^(-f|--force.*)$/) ? " with --force (overwrites remote history)" : ""}`,
  pull: () => "pulls changes from the remote (network)",
  fetch: () => "fetches from the remote (network)",
  clone: (a) => `clones ${where(operands(a).slice(0, 1), "a repository")} (network)`,
  checkout: (a) => `switches to ${where(operands(a), "another branch")} (may discard local edits)`,
  switch: (a) => `switches to branch ${where(operands(a), "")}`,
  reset: (a) => (has(a, /^--hard$/) ? "discards all uncommitted changes (git reset --hard)" : "moves the branch pointer (git reset)"),
  clean: (a) => (has(a, /^-[a-z]*f/) ? "deletes untracked files (git clean)" : "lists untracked files to delete"),
  rebase: () => "rewrites commits (git rebase)",
  merge: (a) => `merges ${where(operands(a), "a branch")}`,
  branch: (a) => (operands(a).length && !has(a, /^(-l|--list)$/) ? `changes branches (${list(operands(a))})` : "lists branches"),
  tag: (a) => (operands(a).length && !has(a, /^(-l|--list)$/) ? `creates or changes tag ${list(operands(a))}` : "lists tags"),
  stash: () => "stashes uncommitted changes",
  remote: (a) => (operands(a).length ? "changes git remotes" : "lists git remotes"),
  "rev-parse": () => "looks up a git revision",
  blame: (a) => `shows who changed each line of ${where(operands(a), "a file")}`,
  "ls-files": () => "lists files tracked by git",
  config: () => "reads or changes git configuration",
  rm: (a) => `deletes ${where(operands(a), "files")} from git and the disk`,
  mv: (a) => `moves ${where(operands(a), "files")} in git`,
  restore: (a) => `restores ${where(operands(a), "files")} (discards edits)`,
  "cherry-pick": () => "applies commits onto this branch",
  revert: () => "creates a commit that undoes another",
});

const PACKAGE_MANAGER: Phrase = (a) => {
  const words = operands(a);
  const sub = words[0];
  if (!sub) return undefined;
  if (sub === "test" || sub === "t") return "runs the package's test script";
  if (sub === "run" || sub === "run-script") return words[1] ? `runs the package script "${words[1].replace(/^['"]|['"]$/g, "")}"` : "lists package scripts";
  if (["install", "i", "add", "ci", "update", "upgrade", "up"].includes(sub)) return words.length > 1 ? `installs packages ${list(words.slice(1))} (network)` : "installs dependencies (network)";
  if (["uninstall", "remove", "rm", "un"].includes(sub)) return `removes packages ${list(words.slice(1))}`;
  if (sub === "publish") return "publishes the package to the registry";
  if (sub === "exec" || sub === "dlx" || sub === "x") return `downloads and runs ${where(words.slice(1, 2), "a package")}`;
  if (sub === "start") return "runs the package's start script";
  if (sub === "build") return "runs the package's build script";
  return `runs "${sub}"`;
};

export const PHRASES: Readonly<Record<string, Phrase>> = table({
  git: (a) => {
    let k = 0;
    while (k < a.length && a[k]!.value.startsWith("-")) k += ["-C", "-c", "--git-dir", "--work-tree", "--namespace"].includes(a[k]!.value) ? 2 : 1;
    const sub = a[k]?.value;
    const phrase = sub !== undefined ? GIT[sub] : undefined;
    return phrase ? phrase(a.slice(k + 1)) : sub ? `runs \`git ${sub}\`` : undefined;
  },
  npm: PACKAGE_MANAGER,
  pnpm: PACKAGE_MANAGER,
  yarn: PACKAGE_MANAGER,
  bun: PACKAGE_MANAGER,
  npx: (a) => `downloads (if needed) and runs ${where(operands(a).slice(0, 1), "a package")}`,
  pip: (a) => (operands(a)[0] === "install" ? `installs Python packages ${list(operands(a).slice(1))} (network)` : undefined),
  pip3: (a) => (operands(a)[0] === "install" ? `installs Python packages ${list(operands(a).slice(1))} (network)` : undefined),
  cargo: (a) => (operands(a)[0] ? `runs \`cargo ${operands(a)[0]}\`` : undefined),
  make: (a) => `runs make ${where(operands(a), "(default target)")}`,
  rm: (a) => `deletes ${where(operands(a), "files")}${has(a, /^-[a-zA-Z]*[rR]|^--recursive$/) ? " recursively" : ""}`,
  rmdir: (a) => `removes directory ${where(operands(a), "")}`,
  unlink: (a) => `deletes ${where(operands(a), "a file")}`,
  shred: (a) => `overwrites and destroys ${where(operands(a), "files")}`,
  cp: (a) => {
    const o = operands(a);
    return o.length >= 2 ? `copies ${list(o.slice(0, -1))} to ${q(o[o.length - 1]!)}` : "copies files";
  },
  mv: (a) => {
    const o = operands(a);
    return o.length >= 2 ? `moves ${list(o.slice(0, -1))} to ${q(o[o.length - 1]!)}` : "moves files";
  },
  mkdir: (a) => `creates directory ${where(operands(a), "")}`,
  touch: (a) => `creates or updates ${where(operands(a), "files")}`,
  chmod: (a) => `changes permissions of ${where(operands(a).slice(1), "files")}`,
  chown: (a) => `changes the owner of ${where(operands(a).slice(1), "files")}`,
  ln: (a) => `creates a link ${where(operands(a).slice(-1), "")}`,
  tee: (a) => `writes its input to ${where(operands(a), "stdout")}`,
  dd: () => "copies raw data between files or devices",
  cat: (a) => (operands(a).length ? `prints ${list(operands(a))}` : "prints its input"),
  head: (a) => `prints the start of ${where(operands(a), "its input")}`,
  tail: (a) => `prints the end of ${where(operands(a), "its input")}`,
  less: (a) => `shows ${where(operands(a), "its input")}`,
  ls: (a) => `lists ${where(operands(a), "the current directory")}`,
  find: (a) => `searches for files in ${where(operands(a).filter((x) => !x.startsWith("(")).slice(0, 1), "the current directory")}${has(a, /^-delete$/) ? " and deletes them" : has(a, /^-(exec|execdir|ok|okdir)$/) ? " and runs a command on each" : ""}`,
  grep: (a) => `searches for ${where(operands(a).slice(0, 1), "a pattern")} in ${where(operands(a).slice(1), "its input")}`,
  rg: (a) => `searches for ${where(operands(a).slice(0, 1), "a pattern")} in ${where(operands(a).slice(1), "the current directory")}`,
  sed: (a) => (has(a, /^(-[a-zA-Z]*i|--in-place)/) ? `edits ${where(operands(a).slice(1), "files")} in place` : "transforms text with sed"),
  awk: () => "processes text with awk",
  sort: () => "sorts lines",
  wc: () => "counts lines, words or bytes",
  echo: () => "prints text",
  printf: () => "prints formatted text",
  cd: (a) => `changes directory to ${where(operands(a), "home")}`,
  pwd: () => "prints the current directory",
  curl: (a) => `downloads ${where(urls(a), "from the network")}${has(a, /^(-d|--data.*|-F|--form|-T|--upload-file)$/) ? " and uploads data" : ""}`,
  wget: (a) => `downloads ${where(urls(a), "from the network")}`,
  ssh: (a) => `connects to ${where(operands(a).slice(0, 1), "a remote host")} over SSH`,
  scp: (a) => `copies files over SSH (${list(operands(a))})`,
  rsync: (a) => `syncs files ${list(operands(a))}`,
  tar: (a) => (has(a, /^-?[a-zA-Z]*x/) ? "extracts an archive" : has(a, /^-?[a-zA-Z]*c/) ? "creates an archive" : "works with a tar archive"),
  unzip: (a) => `extracts ${where(operands(a).slice(0, 1), "an archive")}`,
  zip: (a) => `creates archive ${where(operands(a).slice(0, 1), "")}`,
  docker: (a) => (operands(a)[0] ? `runs \`docker ${operands(a)[0]}\`` : undefined),
  kubectl: (a) => (operands(a)[0] ? `runs \`kubectl ${operands(a)[0]}\` against a cluster` : undefined),
  kill: () => "stops processes",
  pkill: () => "stops processes by name",
  killall: () => "stops processes by name",
  python: (a) => (has(a, /^-c$/) ? "runs inline Python code" : operands(a)[0] ? `runs the Python script ${q(operands(a)[0]!)}` : "runs Python code from its input"),
  python3: (a) => (has(a, /^-c$/) ? "runs inline Python code" : operands(a)[0] ? `runs the Python script ${q(operands(a)[0]!)}` : "runs Python code from its input"),
  node: (a) => (has(a, /^(-e|-p|--eval|--print)$/) ? "runs inline JavaScript" : operands(a)[0] ? `runs the Node.js script ${q(operands(a)[0]!)}` : "runs JavaScript from its input"),
  sh: (a) => (operands(a)[0] ? `runs the shell script ${q(operands(a)[0]!)}` : "runs its input as shell code"),
  bash: (a) => (operands(a)[0] ? `runs the shell script ${q(operands(a)[0]!)}` : "runs its input as shell code"),
  zsh: (a) => (operands(a)[0] ? `runs the shell script ${q(operands(a)[0]!)}` : "runs its input as shell code"),
  eval: () => "evaluates a string as shell code",
  source: (a) => `runs ${where(operands(a), "a file")} in the current shell`,
  ".": (a) => `runs ${where(operands(a), "a file")} in the current shell`,
  base64: (a) => (has(a, /^(-d|--decode|-D)$/) ? "decodes base64 text" : "encodes base64 text"),
  xargs: () => "runs a command for each input line",
  env: (a) => (a.length ? undefined : "prints the environment (may include secrets)"),
  printenv: () => "prints the environment (may include secrets)",
  crontab: () => "changes scheduled jobs",
  sudo: () => "runs a command as root",
  jq: () => "processes JSON",
  test: () => "tests a condition",
  "[": () => "tests a condition",
  "[[": () => "tests a condition",
  true: () => "does nothing",
  export: (a) => `sets ${list(a.map((w) => w.value.split("=")[0]!))}`,
  nc: () => "opens a raw network connection",
  tsc: () => "type-checks TypeScript",
  vitest: () => "runs the test suite",
  jest: () => "runs the test suite",
  pytest: () => "runs the test suite",
  go: (a) => (operands(a)[0] ? `runs \`go ${operands(a)[0]}\`` : undefined),
});

/** Programs whose first word is a subcommand: a suggested rule keeps it (`Bash(git push:*)`, not `Bash(git:*)`). */
export const SUBCOMMAND_PROGRAMS: ReadonlySet<string> = new Set([
  "git", "npm", "pnpm", "yarn", "bun", "npx", "cargo", "go", "docker", "podman", "kubectl", "helm", "pip", "pip3", "uv",
  "poetry", "gh", "brew", "apt", "apt-get", "dnf", "yum", "rustup", "deno", "dotnet", "mvn", "gradle", "terraform",
  "aws", "gcloud", "az", "composer", "bundle", "gem", "mix", "swift", "flutter", "conda", "systemctl", "make", "just",
]);
