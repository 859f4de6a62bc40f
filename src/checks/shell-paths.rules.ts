// Shell paths as data: which arguments of which program are written, which are read, and which are neither. The
// logic that walks these tables is shell-paths.ts; every entry's `match` / `notMatch` examples (run from the project
// root, HOME outside it) go through the whole pipeline in test/checks/shell-paths.test.ts.
import type { RuleId } from "../types.js";
import { lazyRule, table, type LazyRule } from "../table.js";

/** How a program names what it writes. */
export type TargetShape =
  /** Every operand (`rm a b`); `skip: "mode"` drops chmod's MODE, `"owner"` chown's OWNER (unless `--reference`). */
  | { readonly shape: "operands"; readonly skip?: "mode" | "owner" }
  /** The last operand, or the `-t DIR` value (cp, mv, install, ln, rsync, scp). `sources`: what happens to the other
   *  operands — `read` (cp), `moved` (mv: removed from where they are), `linked` (ln: a hard link to a file outside
   *  lets a later write change it). Remote operands (`host:path`) are not local writes. */
  | { readonly shape: "destination"; readonly sources: "read" | "moved" | "linked"; readonly remote?: boolean }
  /** Only the values of these options (`sort -o FILE`, `tree -o FILE`). */
  | { readonly shape: "options"; readonly options: readonly string[]; readonly dirOptions?: readonly string[] }
  /** The operand at `index`, counted from 0 (`uniq IN OUT`). */
  | { readonly shape: "operand"; readonly index: number }
  /** `key=value` operands (`dd of=FILE`). */
  | { readonly shape: "keywords"; readonly keys: readonly string[] }
  /** Program-specific parsing in shell-paths.ts, named for the shape of the command line. */
  | { readonly shape: "handler"; readonly handler: HandlerName };

export type HandlerName =
  | "in-place-editor" // sed -i, perl -i, gawk -i inplace (+ sed `w FILE` commands)
  | "archive" // tar
  | "unzip"
  | "zip"
  | "compressor" // gzip & co: the operands are replaced unless writing to stdout
  | "patch"
  | "split"
  | "find"
  | "git"
  | "package-manager" // global installs
  | "downloader" // curl -o, wget -O
  | "crontab"
  | "mktemp";

export interface ProgramPathRule {
  readonly id: RuleId;
  readonly programs: readonly string[];
  /** Short options that take a value (`"tS"` → `-t DIR`, `-tDIR`). */
  readonly shortValue?: string;
  /** Long options that take a value, without `--` (unambiguous prefixes are accepted, as GNU getopt does), for a
   *  program without a complete list in src/shell/program-options.ts (that list wins where there is one). */
  readonly longValue?: readonly string[];
  /** Flags that make the operation recursive (a whole tree is written, deleted or read). */
  readonly recursive?: readonly string[];
  /** A directory operand is changed as a whole even without them: `chmod 000 .claude` locks the settings inside away
   *  (protected files below it count). */
  readonly wholeTree?: boolean;
  /** The rule applies only with one of these options (`install -d`), or never with one of them. */
  readonly onlyIf?: readonly string[];
  readonly skipIf?: readonly string[];
  /** Does the write follow a symlink in the last component? `rm link` removes the link; `echo > link` writes through it. */
  readonly followsLink: boolean;
  /** For reasons: "delete", "write to", "copy to" … */
  readonly verb: string;
  readonly targets: TargetShape;
  /** The program's operands may also be read (`cp` sources, `sort` inputs); false: naming a credential path is not
   *  reading it (`rm .env`, `touch .env`). Defaults to true. */
  readonly readsOperands?: boolean;
  readonly match: readonly string[];
  readonly notMatch: readonly string[];
}

/** Rules built per program on first lookup (lazyRule): building all of them was start-up time for every Bash call. */
export type LazyWriteRule = LazyRule<ProgramPathRule>;
const writeRule = (programs: readonly string[], build: () => Omit<ProgramPathRule, "programs">): LazyWriteRule => lazyRule(programs, build);

export const WRITE_RULES: readonly LazyWriteRule[] = [
  writeRule(["rm", "rmdir", "unlink", "shred"], () => ({
    id: "writes.delete", shortValue: "ns",
    recursive: ["-r", "-R", "--recursive"], followsLink: false, verb: "delete", targets: { shape: "operands" }, readsOperands: false,
    match: ["rm -rf ~/projects", "rm ../x", "unlink /etc/motd", "shred -u ~/.bash_history", "rm -rf -- ../../x", "rm -fr /tmp/../etc/x"],
    notMatch: ["rm -rf dist", "rm -f .env", "rmdir src/empty"],
  })),
  writeRule(["touch", "mkdir", "mkfifo", "mknod", "truncate"], () => ({
    id: "writes.create", shortValue: "dtrmsZ",
    followsLink: true, verb: "create or change", targets: { shape: "operands" }, readsOperands: false,
    match: ["touch /usr/local/bin/tool", "mkdir ${HOME}/newdir", "mkdir -p ../sibling/x", "truncate -s 0 ~/.zsh_history"],
    notMatch: ["mkdir -p build/out", "touch src/new.ts", "truncate -s 0 log.txt"],
  })),
  writeRule(["chmod"], () => ({
    id: "writes.mode", recursive: ["-R", "--recursive"], wholeTree: true, followsLink: true,
    verb: "change the mode of", targets: { shape: "operands", skip: "mode" }, readsOperands: false,
    match: ["chmod 600 ~/.ssh/config", "chmod -R 777 /usr/local/bin/x", "chmod -x ~/.bashrc"],
    notMatch: ["chmod +x scripts/run.sh", "chmod -R u+w build"],
  })),
  writeRule(["chown", "chgrp"], () => ({
    id: "writes.owner", recursive: ["-R", "--recursive"], wholeTree: true, followsLink: true,
    verb: "change the owner of", targets: { shape: "operands", skip: "owner" }, readsOperands: false,
    match: ["chown root /etc/passwd", "chgrp -R staff ~/shared"],
    notMatch: ["chown -R 1000:1000 build"],
  })),
  writeRule(["cp"], () => ({
    id: "writes.copy", shortValue: "tS",
    recursive: ["-r", "-R", "-a", "--recursive", "--archive"], followsLink: true, verb: "copy to", targets: { shape: "destination", sources: "read" },
    match: ["cp -r . ${HOME}/bak", "cp -t /etc x", "cp README.md ../", "cp x --target-directory=/tmp/../etc"],
    notMatch: ["cp README.md docs/", "cp .env.example .env", "cp -r src build/src"],
  })),
  writeRule(["mv"], () => ({
    id: "writes.move", shortValue: "tS", followsLink: false,
    verb: "move", targets: { shape: "destination", sources: "moved" }, readsOperands: false,
    match: ["mv README.md ../", "mv ../x .", "mv -t ~ README.md"],
    notMatch: ["mv a.txt b.txt", "mv src/old.ts src/new.ts"],
  })),
  writeRule(["install"], () => ({
    id: "writes.install", shortValue: "tSmog",
    skipIf: ["-d", "--directory"], followsLink: true, verb: "install to", targets: { shape: "destination", sources: "read" },
    match: ["install -m 755 tool /usr/local/bin/", "install -t /usr/local/bin tool"],
    notMatch: ["install -m 644 a.txt build/a.txt"],
  })),
  writeRule(["install"], () => ({
    id: "writes.install-dirs", shortValue: "tSmog",
    onlyIf: ["-d", "--directory"], followsLink: true, verb: "create", targets: { shape: "operands" }, readsOperands: false,
    match: ["install -d /opt/tool"],
    notMatch: ["install -d build/bin"],
  })),
  writeRule(["ln"], () => ({
    id: "writes.link", shortValue: "tS", followsLink: false,
    verb: "create a link at", targets: { shape: "destination", sources: "linked" }, readsOperands: false,
    match: ["ln -s $PWD/tool /usr/local/bin/tool", "ln ~/.bashrc mybashrc", "ln -sf x ../y"],
    notMatch: ["ln -s ../README.md docs/README.md", "ln -s /usr/lib/libx.so lib/libx.so"],
  })),
  writeRule(["rsync"], () => ({
    id: "writes.sync", shortValue: "eTfB", longValue: ["rsh", "temp-dir", "filter", "exclude", "include", "exclude-from", "include-from", "files-from", "backup-dir", "partial-dir", "compare-dest", "copy-dest", "link-dest", "chmod", "rsync-path", "log-file-format", "password-file", "block-size", "max-size", "min-size", "timeout", "bwlimit", "suffix", "out-format", "port", "chown", "usermap", "groupmap"],
    recursive: ["-r", "-a", "--recursive", "--archive"], followsLink: true, verb: "sync to", targets: { shape: "destination", sources: "read", remote: true },
    match: ["rsync -a src/ ~/backup/", "rsync -av ~/.ssh/ build/keys/"],
    notMatch: ["rsync -a src/ build/src/"],
  })),
  writeRule(["scp"], () => ({
    id: "writes.remote-copy", shortValue: "cFiloPSJD", longValue: [],
    recursive: ["-r"], followsLink: true, verb: "copy to", targets: { shape: "destination", sources: "read", remote: true },
    match: ["scp host:/etc/hosts ~/hosts", "scp ~/.ssh/id_rsa host:/tmp/"],
    notMatch: ["scp host:/etc/hosts build/hosts"],
  })),
  writeRule(["tee"], () => ({
    id: "writes.tee", followsLink: true, verb: "write to", targets: { shape: "operands" }, readsOperands: false,
    match: ["tee -a ~/.bashrc", "echo x | tee /etc/motd out.txt"],
    notMatch: ["echo x | tee out.txt", "echo x | tee /dev/null"],
  })),
  writeRule(["dd"], () => ({
    id: "writes.dd", followsLink: true, verb: "write to", targets: { shape: "keywords", keys: ["of"] },
    match: ["dd if=/dev/zero of=/dev/sda", "dd if=build/img of=../disk.img"],
    notMatch: ["dd if=/dev/zero of=build/zero.img bs=1M count=1"],
  })),
  writeRule(["sort"], () => ({
    id: "writes.output-option", shortValue: "okStT",
    followsLink: true, verb: "write to", targets: { shape: "options", options: ["-o", "--output"] },
    match: ["sort -o ~/.bashrc x", "sort --output=/etc/hosts hosts"],
    notMatch: ["sort -o sorted.txt data.txt", "sort data.txt"],
  })),
  writeRule(["tree"], () => ({
    id: "writes.output-option", shortValue: "LPIoHT", longValue: ["charset", "filelimit", "timefmt", "sort"],
    followsLink: true, verb: "write to", targets: { shape: "options", options: ["-o"] }, readsOperands: false,
    match: ["tree -o ~/tree.txt"],
    notMatch: ["tree -o docs/tree.txt src", "tree -L 2"],
  })),
  writeRule(["uniq"], () => ({
    id: "writes.output-operand", shortValue: "fsw", longValue: ["skip-fields", "skip-chars", "check-chars"],
    followsLink: true, verb: "write to", targets: { shape: "operand", index: 1 },
    match: ["uniq README.md ~/.bashrc", "uniq -c -f 1 data.txt /etc/motd", "uniq -- in.txt ../out.txt"],
    notMatch: ["uniq -c README.md", "sort data.txt | uniq -d", "uniq in.txt out.txt", "uniq -f 1 ~/x"],
  })),
  writeRule(["sed", "gsed", "perl", "gawk", "awk", "mawk", "nawk"], () => ({
    id: "writes.in-place", followsLink: false, verb: "edit in place",
    targets: { shape: "handler", handler: "in-place-editor" },
    match: [
      "sed -i s/a/b/ ~/.zshrc", "sed -i.bak -e s/a/b/ /etc/hosts", "perl -pi -e s/a/b/ ~/.profile", "sed -n 'w /etc/x' README.md",
      "gawk -i inplace '{print}' ~/.bashrc", "awk '{print > \"/etc/x\"}' README.md", "mawk '{ printf(\"%s\", $0) >> \"../log\" }' README.md",
    ],
    notMatch: [
      "sed -i s/a/b/ src/index.ts", "sed -n 1,5p README.md", "perl -ne print README.md", "awk '{print > \"out.txt\"}' README.md",
      "awk '$1 > \"/etc\" {print}' README.md", "awk '{print \"a > /etc/x\"}' README.md", "awk '{print (NR > 1)}' README.md",
      "awk '{print > \"/dev/stderr\"}' README.md",
    ],
  })),
  writeRule(["tar", "gtar", "bsdtar"], () => ({
    id: "writes.archive", followsLink: true, verb: "write to", targets: { shape: "handler", handler: "archive" },
    match: ["tar -xzf x.tgz -C /opt", "tar czf ../out.tgz src", "cd /tmp/../etc && tar xf ~/x.tar", "tar czf - ~/.ssh", "tar -cf build/home.tar ~"],
    notMatch: ["tar -xzf x.tgz -C build", "tar czf build/src.tgz src", "tar tzf x.tgz"],
  })),
  writeRule(["unzip"], () => ({
    id: "writes.unzip", followsLink: true, verb: "extract into", targets: { shape: "handler", handler: "unzip" },
    match: ["unzip x.zip -d /opt/x", "unzip -o x.zip -d ~/"],
    notMatch: ["unzip x.zip -d build", "unzip -l x.zip", "unzip x.zip"],
  })),
  writeRule(["zip"], () => ({
    id: "writes.zip", followsLink: true, verb: "write to", targets: { shape: "handler", handler: "zip" },
    match: ["zip -r ../src.zip src", "zip -r build/keys.zip ~/.ssh"],
    notMatch: ["zip -r build/src.zip src"],
  })),
  writeRule(["gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz", "zstd", "unzstd", "lz4", "compress", "uncompress"], () => ({
    id: "writes.compress",
    followsLink: true, verb: "replace", targets: { shape: "handler", handler: "compressor" },
    match: ["gzip ~/notes.txt", "gunzip ../x.gz", "gzip -c .env", "zstd src.tar -o ../src.tar.zst"],
    notMatch: ["gzip build/app.js", "gzip -c build/app.js", "gunzip -l x.gz"],
  })),
  writeRule(["patch"], () => ({
    id: "writes.patch", followsLink: true, verb: "patch", targets: { shape: "handler", handler: "patch" },
    match: ["patch ~/.bashrc fix.patch", "patch -d /etc -p1 -i fix.patch", "patch -o ../out.c a.c fix.patch"],
    notMatch: ["patch -p1 -i fix.patch", "patch src/a.c fix.patch"],
  })),
  writeRule(["split", "csplit"], () => ({
    id: "writes.split", followsLink: true, verb: "write pieces to", targets: { shape: "handler", handler: "split" },
    match: ["split -l 100 data.txt ../part-", "csplit -f /tmp/../etc/x data.txt /a/"],
    notMatch: ["split -l 100 data.txt build/part-", "split data.txt"],
  })),
  writeRule(["find"], () => ({
    id: "writes.find", followsLink: false, verb: "change files under", targets: { shape: "handler", handler: "find" }, readsOperands: false,
    match: ["find ~ -name '*.tmp' -delete", "find .. -type f -exec rm {} +", "find . -fprint ../list.txt", "find /etc -exec chmod 666 {} ;"],
    notMatch: ["find . -name '*.tmp' -delete", "find .. -name x", "find src -exec cat {} +"],
  })),
  writeRule(["git"], () => ({
    id: "writes.git", followsLink: true, verb: "write to", targets: { shape: "handler", handler: "git" },
    match: ["git clone https://example.org/r.git ../r", "git -C ../other commit -m x", "git diff --output=../x.patch", "git config core.hooksPath .hooks", "git config --global user.name x", "git init ~/repo", "git worktree add ../wt"],
    notMatch: ["git status", "git -C src log", "git commit -m 'update .env.example'", "git clone https://example.org/r.git third_party/r", "git diff --output=out.patch", "git config --get user.name"],
  })),
  writeRule(["npm", "pnpm", "yarn", "pip", "pip3", "python", "python3", "cargo", "go", "gem", "pipx", "uv", "brew", "apt", "apt-get", "dnf", "yum", "pacman", "apk", "zypper"], () => ({
    id: "writes.global-install",
    followsLink: true, verb: "install into", targets: { shape: "handler", handler: "package-manager" },
    match: ["npm install -g typescript", "npm i --global x", "pnpm add -g x", "yarn global add x", "pip install --user requests", "pip install --target /opt/lib x", "python3 -m pip install --user x", "cargo install ripgrep", "go install example.org/x@latest", "gem install rails", "brew install jq", "apt-get install -y jq", "npm install --prefix ../x left-pad"],
    notMatch: ["npm install", "npm i -D vitest", "pip install -r requirements.txt", "pip install --target pylib x", "cargo build", "go build ./...", "uv pip install x", "npm run build"],
  })),
  writeRule(["curl", "wget"], () => ({
    id: "writes.download", shortValue: "oODcKTdFHeuAXxbEwPa", longValue: ["output", "dump-header", "cookie-jar", "trace", "trace-ascii", "stderr", "output-dir", "data", "data-binary", "data-raw", "data-urlencode", "form", "header", "user-agent", "upload-file", "config", "cookie", "user", "request", "output-document", "output-file", "append-output", "directory-prefix", "post-file", "body-file", "post-data", "load-cookies", "save-cookies", "referer"],
    followsLink: true, verb: "download to", targets: { shape: "handler", handler: "downloader" },
    match: ["curl -o ~/x.sh example.org", "wget -O /etc/x example.org", "wget -P ~/dl example.org/f"],
    notMatch: ["curl -o build/x.json example.org", "wget -O build/f example.org"],
  })),
  writeRule(["crontab"], () => ({
    id: "writes.crontab", followsLink: true, verb: "replace", targets: { shape: "handler", handler: "crontab" }, readsOperands: false,
    match: ["crontab -r", "crontab jobs.txt"],
    notMatch: ["crontab -l"],
  })),
  writeRule(["mktemp"], () => ({
    id: "writes.mktemp", shortValue: "p", followsLink: true, verb: "create",
    targets: { shape: "handler", handler: "mktemp" }, readsOperands: false,
    match: ["mktemp -p ~ x.XXXX", "mktemp ../x.XXXX"],
    notMatch: ["mktemp", "mktemp -d", "mktemp build/x.XXXX"],
  })),
];

/** Redirection operators that write their target. `>&` / `<>` with a file name as well (`>&file` is `&>file`). */
export const WRITE_REDIRECTS: ReadonlySet<string> = new Set([">", ">>", ">|", "&>", "&>>", "<>", ">&"]);
/** Redirection operators that read their target. */
export const READ_REDIRECTS: ReadonlySet<string> = new Set(["<", "<>"]);

/** Programs that may name a credential path without reading it: metadata (`ls ~/.ssh`, `test -f .env`), output of
 *  the word itself (`echo .env >> .gitignore`), or use without disclosure (`ssh -i ~/.ssh/key`). */
export const NON_READING_PROGRAMS: ReadonlySet<string> = new Set([
  "ls", "stat", "test", "[", "[[", "file", "du", "df", "echo", "printf", "realpath", "readlink", "basename", "dirname",
  "which", "type", "command", "cd", "pushd", "popd", "export", "unset", "declare", "local", "readonly", "true", "false",
  "ssh", "ssh-add", "ssh-keygen", "ssh-copy-id", "mosh", "sftp", "exa", "eza", "lsd", "wc-names", "tree", "find", "fd",
  "fdfind", "locate", "getfacl", "lsattr", "namei",
]);

/** Options whose value a program uses without printing it (`scp -i KEY`, `git -c core.sshCommand`…). */
export const NON_READING_OPTIONS: Readonly<Record<string, readonly string[]>> = table({
  scp: ["-i", "-F"],
  rsync: ["-e", "--rsh"],
  git: ["-c", "--config-env"],
});

/** Programs whose first operand is a pattern or a program text, not a file (unless `-e`/`-f` supply it). `pairs`:
 *  options that take two words, NAME and VALUE, and whether VALUE is a file the program reads (`jq --rawfile k
 *  ~/.ssh/id_rsa`: the key lands in `$k`). */
export const PATTERN_FIRST: Readonly<Record<string, {
  readonly shortValue: string;
  readonly longValue: readonly string[];
  readonly patternOptions: readonly string[];
  readonly pairs?: Readonly<Record<string, "file" | "value">>;
}>> = table({
  grep: { shortValue: "efmABCdD", longValue: ["regexp", "file", "max-count", "after-context", "before-context", "context", "include", "exclude", "exclude-dir", "label", "color", "colour", "devices", "directories", "binary-files"], patternOptions: ["-e", "-f", "--regexp", "--file"] },
  egrep: { shortValue: "efmABC", longValue: ["regexp", "file", "include", "exclude", "exclude-dir"], patternOptions: ["-e", "-f", "--regexp", "--file"] },
  fgrep: { shortValue: "efmABC", longValue: ["regexp", "file", "include", "exclude", "exclude-dir"], patternOptions: ["-e", "-f", "--regexp", "--file"] },
  rg: { shortValue: "efgmABCMtTjE", longValue: ["regexp", "file", "glob", "iglob", "max-count", "type", "type-not", "threads", "encoding", "after-context", "before-context", "context", "max-columns", "max-depth", "replace", "pre", "pre-glob", "sort", "sortr", "colors"], patternOptions: ["-e", "-f", "--regexp", "--file"] },
  ag: { shortValue: "AGBCgm", longValue: ["file-search-regex", "ignore", "after", "before", "context", "max-count"], patternOptions: [] },
  sed: { shortValue: "efl", longValue: ["expression", "file", "line-length"], patternOptions: ["-e", "-f", "--expression", "--file"] },
  awk: { shortValue: "fvFeEil", longValue: ["file", "assign", "field-separator", "include", "load", "exec", "source"], patternOptions: ["-f", "--file", "-E", "--exec", "-e", "--source"] },
  gawk: { shortValue: "fvFeEil", longValue: ["file", "assign", "field-separator", "include", "load", "exec", "source"], patternOptions: ["-f", "--file", "-E", "--exec", "-e", "--source"] },
  jq: { shortValue: "fL", longValue: ["from-file", "indent"], patternOptions: ["-f", "--from-file"], pairs: { "--arg": "value", "--argjson": "value", "--slurpfile": "file", "--rawfile": "file" } },
  yq: { shortValue: "", longValue: [], patternOptions: [] },
});

/** Readers of whole trees (`tar c ~`, `cp -r ~ /tmp`, `grep -r KEY .`): reading an ancestor of `~/.ssh`, or a
 *  directory holding a `.env`, reads the secret. `flags`: what makes the read recursive (absent: always);
 *  `showHidden`: the reader skips dot-files unless given one of these; `include` / `exclude`: options whose basename
 *  globs narrow the walk; `cwdWhenNoPath`: with no path operand the reader searches the cwd. tar and zip: handlers. */
export interface TreeReader {
  readonly flags?: readonly string[];
  readonly showHidden?: readonly string[];
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly cwdWhenNoPath?: boolean;
  /** It prints what it reads (grep, not cp): an existing `.env` anywhere below the root counts as read. */
  readonly prints?: boolean;
}

export const TREE_READERS: Readonly<Record<string, TreeReader>> = table({
  cp: { flags: ["-r", "-R", "-a", "--recursive", "--archive"] },
  rsync: { flags: ["-r", "-a", "--recursive", "--archive"], exclude: ["--exclude"] },
  scp: { flags: ["-r"] },
  grep: { prints: true, flags: ["-r", "-R", "--recursive", "--dereference-recursive"], include: ["--include"], exclude: ["--exclude"], cwdWhenNoPath: true },
  egrep: { prints: true, flags: ["-r", "-R", "--recursive"], include: ["--include"], exclude: ["--exclude"], cwdWhenNoPath: true },
  fgrep: { prints: true, flags: ["-r", "-R", "--recursive"], include: ["--include"], exclude: ["--exclude"], cwdWhenNoPath: true },
  // ripgrep and ag are recursive and skip dot-files and ignored files by default.
  rg: { prints: true, showHidden: ["--hidden", "-.", "-uu", "-uuu"], include: ["-g", "--glob", "--iglob"], cwdWhenNoPath: true },
  ag: { prints: true, showHidden: ["--hidden", "-u", "--unrestricted"], cwdWhenNoPath: true },
});

/** Interpreters and the options that carry program text. The text is scanned for credential paths (peers §c 49:
 *  `python -c "open('.env').read()"`); their stdin (heredoc / here-string) is scanned too. */
export const INTERPRETERS: Readonly<Record<string, readonly string[]>> = table({
  python: ["-c"], python3: ["-c"], python2: ["-c"], pypy: ["-c"], pypy3: ["-c"],
  node: ["-e", "--eval", "-p", "--print"], nodejs: ["-e", "--eval", "-p", "--print"], deno: ["eval"], bun: ["-e", "--eval"],
  perl: ["-e", "-E"], ruby: ["-e"], php: ["-r"], lua: ["-e"], Rscript: ["-e"], osascript: ["-e"],
  awk: [""], gawk: [""], mawk: [""], nawk: [""],
  sh: [], bash: [], zsh: [], dash: [], ksh: [], fish: [],
});

/** Home-relative credential locations as they appear inside program text (`Path.home() / '.ssh'`). */
export const CREDENTIAL_MENTIONS: readonly RegExp[] = [
  /(^|[\s/'"`(=])\.(ssh|aws|gnupg|azure)(?=$|[\s/'"`)])/,
  /(^|[\s/'"`(=])\.config\/(gh|gcloud)(?=$|[\s/'"`)])/,
  /(^|[\s/'"`(=])\.(netrc|git-credentials|npmrc|pypirc)(?=$|[\s'"`)])/,
  /\.docker\/config\.json|\.kube\/config/,
  /(^|[\s/'"`(=])id_(rsa|ed25519|ecdsa|dsa)(?=$|[\s'"`)])/,
];

/** Package managers: the subcommands that install or remove, and the flags that make that global. Argument shapes
 *  live in the `package-manager` handler. */
export interface GlobalInstallTable {
  readonly nodeSubcommands: readonly string[];
  readonly nodeGlobalFlags: readonly string[];
  readonly pipSubcommands: readonly string[];
  readonly pipGlobalFlags: readonly string[];
  readonly pipDirOptions: readonly string[];
  readonly alwaysGlobal: Readonly<Record<string, readonly string[]>>;
  readonly rootOptions: Readonly<Record<string, readonly string[]>>;
  readonly uvGlobal: readonly (readonly string[])[];
}

export const GLOBAL_INSTALL: GlobalInstallTable = {
  /** npm/pnpm/yarn: with `-g`/`--global`/`--location=global` (yarn: `yarn global add`). */
  nodeSubcommands: ["install", "i", "add", "uninstall", "remove", "rm", "un", "update", "up", "upgrade", "link", "ln", "unlink"],
  nodeGlobalFlags: ["-g", "--global", "--location=global"],
  /** pip: `--user` and `--break-system-packages` go outside the project; `--target/--prefix/--root DIR` are checked. */
  pipSubcommands: ["install", "uninstall", "download", "wheel"],
  pipGlobalFlags: ["--user", "--break-system-packages"],
  pipDirOptions: ["--target", "-t", "--prefix", "--root", "--src", "-d", "--dest", "--wheel-dir", "-w"],
  /** These always install outside the project (`cargo install` → ~/.cargo/bin) unless given a root in scope. */
  alwaysGlobal: table({ cargo: ["install", "uninstall"], go: ["install"], gem: ["install", "uninstall", "update"], pipx: ["install", "uninstall", "upgrade", "inject"], brew: ["install", "uninstall", "reinstall", "upgrade", "remove", "link", "tap"], apt: ["install", "remove", "purge", "upgrade", "full-upgrade", "autoremove"], "apt-get": ["install", "remove", "purge", "upgrade", "dist-upgrade", "autoremove"], dnf: ["install", "remove", "upgrade", "erase"], yum: ["install", "remove", "upgrade", "erase"], pacman: ["-S", "-R", "-U", "-Syu", "-Sy"], apk: ["add", "del", "upgrade"], zypper: ["install", "in", "remove", "rm", "update"] }) as Readonly<Record<string, readonly string[]>>,
  /** Options that give those an install root to check instead (`cargo install --root DIR`, `gem install -i DIR`). */
  rootOptions: table({ cargo: ["--root"], gem: ["-i", "--install-dir"], go: [] }) as Readonly<Record<string, readonly string[]>>,
  /** `uv tool install` / `uv pip install --system`. */
  uvGlobal: [["tool", "install"], ["tool", "uninstall"], ["pip", "install", "--system"]],
};

/** git subcommands that do not write the repository or work tree. Anything else writes at the repository dir. */
export const GIT_READ_ONLY: ReadonlySet<string> = new Set([
  "status", "diff", "log", "show", "rev-parse", "ls-files", "ls-tree", "ls-remote", "blame", "annotate", "describe",
  "shortlog", "grep", "cat-file", "show-ref", "for-each-ref", "merge-base", "name-rev", "rev-list", "count-objects",
  "check-ignore", "check-attr", "var", "help", "version", "whatchanged", "reflog", "cherry", "range-diff", "diff-tree",
  "diff-files", "diff-index", "verify-commit", "verify-tag", "fsck", "archive", "format-patch", "bugreport", "fetch-pack",
]);
/** git subcommands whose output shows file content (credential reads: `git show HEAD:.env`, `git diff .env`). */
export const GIT_SHOWS_CONTENT: ReadonlySet<string> = new Set(["diff", "show", "log", "blame", "annotate", "grep", "cat-file", "format-patch", "archive", "whatchanged", "diff-tree", "diff-files", "diff-index", "range-diff"]);

/** Programs that print or pass on file content: an argument we cannot read (`cat $F`) may be a credential, so they
 *  ask. Other programs with unknown arguments are left to the other checks. */
export const CONTENT_READERS: ReadonlySet<string> = new Set([
  "cat", "tac", "head", "tail", "less", "more", "bat", "batcat", "nl", "rev", "od", "xxd", "hexdump", "strings", "base64",
  "base32", "basenc", "grep", "egrep", "fgrep", "rg", "ag", "sed", "awk", "gawk", "cut", "sort", "uniq", "diff", "cmp",
  "comm", "paste", "join", "fold", "fmt", "column", "jq", "yq", "source", ".", "cp", "scp", "rsync", "tar", "zip",
  "openssl", "iconv", "expand", "unexpand", "pr", "split", "csplit", "dd", "gpg", "age", "xargs", "tee", "vim", "vi",
  "nano", "emacs", "view", "python", "python3", "node", "perl", "ruby", "php",
]);

/** Wrappers that name the real program as their first argument without being unwrapped by the shell analyser. */
export const MULTICALL: ReadonlySet<string> = new Set(["busybox", "toybox"]);

/** Programs whose output lists file names that `xargs` / `find -exec` then hand to a reader (`find . -type f | xargs
 *  cat`). `roots`: how to find the listed directories; `showHidden`: the lister skips dot-files unless given one of
 *  these options. */
export const FILE_LISTERS: Readonly<Record<string, { readonly roots: "before-expression" | "operands" | "after-pattern"; readonly showHidden?: readonly string[] }>> = table({
  find: { roots: "before-expression" }, // -name / -iname filters: program-argv.ts
  ls: { roots: "operands", showHidden: ["-a", "-A", "--all", "--almost-all"] },
  fd: { roots: "after-pattern", showHidden: ["-H", "--hidden", "-u", "--unrestricted"] },
  fdfind: { roots: "after-pattern", showHidden: ["-H", "--hidden", "-u", "--unrestricted"] },
});
