// Program families the analysis and the checks both need: shells, interpreters, decoders, downloaders, system
// program directories. Data only; the logic that uses them lives in unwrap.ts and src/checks/.

/** Shells whose `-c STRING`, script operand or stdin is shell code we parse ourselves. */
export const SHELLS: ReadonlySet<string> = new Set(["sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "yash", "posh", "rbash", "fish", "tcsh", "csh", "pdksh", "oksh", "loksh"]);

/** Interpreters: code on stdin, in a heredoc, or after their one-liner flag. `flags` are the one-liner flags. */
export interface Interpreter {
  readonly names: readonly string[];
  /** Name prefixes (`python3.12`, `node20`). */
  readonly prefixes?: readonly string[];
  readonly flags: readonly string[];
}

export const INTERPRETERS: readonly Interpreter[] = [
  { names: ["python", "python2", "python3", "pypy", "pypy3"], prefixes: ["python"], flags: ["-c"] },
  { names: ["node", "nodejs", "bun", "deno"], prefixes: ["node"], flags: ["-e", "-p", "--eval", "--print", "eval"] },
  { names: ["perl", "perl5"], prefixes: ["perl"], flags: ["-e", "-E"] },
  { names: ["ruby", "jruby"], prefixes: ["ruby"], flags: ["-e"] },
  { names: ["php"], prefixes: ["php"], flags: ["-r", "-B", "-R", "-E", "-F"] },
  { names: ["lua", "luajit"], prefixes: ["lua"], flags: ["-e"] },
  { names: ["Rscript", "R"], flags: ["-e", "--expr"] },
  { names: ["tclsh", "wish", "expect"], flags: ["-c"] },
  { names: ["osascript"], flags: ["-e"] },
  { names: ["pwsh", "powershell", "powershell.exe"], flags: ["-c", "-command", "-Command", "-encodedcommand", "-EncodedCommand", "-e", "-ec"] },
  { names: ["groovy", "jshell", "scala", "kotlin", "elixir", "erl", "julia", "guile", "racket", "sbcl", "clojure", "swift", "ts-node", "tsx"], flags: ["-e", "--eval", "-c"] },
];

/** The awk family: a program text, which may call `system()`, pipe to a command or write files. */
export const AWKS: ReadonlySet<string> = new Set(["awk", "gawk", "mawk", "nawk", "busybox-awk"]);

const INTERPRETER_BY_NAME = new Map<string, Interpreter | undefined>();

export function interpreterOf(name: string): Interpreter | undefined {
  if (INTERPRETER_BY_NAME.has(name)) return INTERPRETER_BY_NAME.get(name);
  let found: Interpreter | undefined;
  for (const i of INTERPRETERS) {
    if (i.names.includes(name) || i.prefixes?.some((p) => name.startsWith(p) && /^[0-9.]*$/.test(name.slice(p.length)))) {
      found = i;
      break;
    }
  }
  if (INTERPRETER_BY_NAME.size < 1024) INTERPRETER_BY_NAME.set(name, found);
  return found;
}

/** Programs that run code they read: shells and interpreters (awk is judged by its program text instead). */
export function isCodeRunner(name: string): boolean {
  return SHELLS.has(name) || interpreterOf(name) !== undefined;
}

/** A program in a role (decoding, fetching): its names, and the words that give it the role. With neither `when`
 *  nor `contains`, the program always plays it. */
export interface ProgramRole {
  /** Program names; an interpreter's name stands for its family (`python` for `python3.12`). */
  readonly names: readonly string[];
  /** Any of these words (single letters also inside a short-option cluster) gives it the role. */
  readonly when?: readonly string[];
  /** An argument containing any of these gives it the role (jq's `@base64d` filter). */
  readonly contains?: readonly string[];
  /** Only when run as `python -m MODULE` with one of these modules. */
  readonly modules?: readonly string[];
}

/** Programs that fetch remote content (remote→exec when it reaches a shell), whether or not they are blocklisted. */
export const FETCHERS: readonly ProgramRole[] = [
  {
    names: [
      "curl", "wget", "fetch", "aria2c", "http", "https", "xh", "httpie", "curlie", "lwp-request", "lwp-download", "GET",
      "POST", "nc", "ncat", "netcat", "nc.openbsd", "nc.traditional", "socat", "telnet", "ftp", "tftp", "lftp", "scp",
      "sftp", "rsync", "ssh", "gh", "lynx", "links", "w3m", "elinks", "websocat", "wscat", "grpcurl", "gnutls-cli",
      "smbclient", "rclone", "gsutil", "s3cmd",
      // DNS answers carry text too: `dig +short TXT x.example | sh`.
      "dig", "nslookup", "host", "drill", "kdig",
    ],
  },
  // `openssl s_client -connect h:443 | sh` is a raw TLS connection, like nc.
  { names: ["openssl"], when: ["s_client", "s_time"] },
  { names: ["aws"], when: ["s3", "s3api"] },
];

export const DECODERS: readonly ProgramRole[] = [
  { names: ["base64", "gbase64"], when: ["-d", "--decode", "-D"] },
  { names: ["base32", "basenc"], when: ["-d", "--decode"] },
  { names: ["xxd"], when: ["-r", "-revert"] },
  { names: ["openssl"], when: ["-d", "base64", "-base64", "-a"] },
  { names: ["gzip", "bzip2", "xz", "lzma", "zstd", "lz4", "brotli", "compress"], when: ["-d", "--decompress", "--uncompress"] },
  { names: ["gunzip", "zcat", "bzcat", "bunzip2", "xzcat", "unxz", "unlzma", "lzcat", "zstdcat", "unzstd", "uncompress", "uudecode", "rot13"] },
  { names: ["rev"] },
  { names: ["tr"] },
  // Archives and ciphers written to stdout: `unzip -p x.zip | sh`, `tar -xOf x.tar | sh`, `gpg -d x.gpg | sh`.
  { names: ["unzip"], when: ["-p", "-c"] },
  { names: ["tar", "bsdtar", "gtar"], when: ["-O", "--to-stdout"] },
  { names: ["7z", "7za", "7zr"], when: ["-so"] },
  { names: ["gpg", "gpg2"], when: ["-d", "--decrypt"] },
  { names: ["age"], when: ["-d", "--decrypt"] },
  // `jq -r '.x|@base64d' f | sh`, and yq's copy of the filter.
  { names: ["jq", "gojq", "jaq", "yq"], contains: ["@base64d"] },
  // `python3 -m base64 -d f | sh`: the standard library's decoders have command lines.
  { names: ["python"], modules: ["base64", "quopri", "uu", "gzip"], when: ["-d", "-u", "--decode", "--decompress"] },
];

/** Directories whose programs are the real thing: `/usr/bin/cat` is `cat`, `./cat` is not. */
export const SYSTEM_BIN_DIRS: ReadonlySet<string> = new Set([
  "/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/bin", "/opt/local/bin",
  "/run/current-system/sw/bin", "/usr/gnu/bin", "/usr/xpg4/bin",
]);


/** `/usr/bin/curl` → `curl`; a word ending in `/` stays as written (not a program name). */
export function programName(value: string): string {
  const slash = value.lastIndexOf("/");
  if (slash < 0 || slash === value.length - 1) return value;
  return value.slice(slash + 1);
}

/** What a data-only command writes to stdout, when we can know it: `echo 'curl x' | sh` feeds `curl x` to a shell.
 *  Only literal `echo` (no escapes), `printf` without conversions, and `cat` of its own heredoc. */
export function literalOutput(name: string, args: readonly { readonly value: string; readonly dynamic: boolean }[], stdinText: string | undefined): string | undefined {
  if (args.some((a) => a.dynamic)) return undefined;
  if (name === "echo") {
    let i = 0;
    let newline = true;
    while (i < args.length && /^-[neE]+$/.test(args[i]!.value)) {
      if (args[i]!.value.includes("e")) return undefined;
      if (args[i]!.value.includes("n")) newline = false;
      i++;
    }
    return args.slice(i).map((a) => a.value).join(" ") + (newline ? "\n" : "");
  }
  if (name === "printf") {
    const format = args[0]?.value;
    if (format === undefined) return undefined;
    if (/^%s(\\n)?$/.test(format)) return args.slice(1).map((a) => a.value + (format.endsWith("\\n") ? "\n" : "")).join("");
    if (args.length === 1 && !/[%\\]/.test(format)) return format;
    return undefined;
  }
  if (name === "cat" && args.length === 0) return stdinText;
  return undefined;
}

/** Variables whose assignment changes what later commands run or load (IFS splitting, PATH lookup, preloads,
 *  start-up files, prompt hooks, pagers and editors that git/man start, and where config files are read from:
 *  `HOME=. git status` reads ./.gitconfig, whose core.fsmonitor runs a program). Names ending in `*` are prefixes. */
export const DANGEROUS_VARIABLES: readonly string[] = [
  "IFS", "PATH", "BASH_ENV", "ENV", "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "LD_*", "DYLD_*", "PROMPT_COMMAND",
  "PS0", "PS1", "PS2", "PS4", "SHELLOPTS", "BASHOPTS", "BASH_FUNC_*", "GLOBIGNORE", "CDPATH", "ZDOTDIR", "HISTFILE",
  "PAGER", "GIT_PAGER", "MANPAGER", "EDITOR", "VISUAL", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "GIT_EXTERNAL_DIFF",
  "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_CONFIG*", "GIT_EXEC_PATH", "GIT_DIR", "GIT_TEMPLATE_DIR",
  "GIT_WORK_TREE", "GIT_COMMON_DIR", "HOME", "XDG_CONFIG_HOME", "RIPGREP_CONFIG_PATH",
  "LESSOPEN", "LESSCLOSE", "NODE_OPTIONS", "NODE_PATH", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PERL5OPT", "PERL5LIB",
  "PERLLIB", "RUBYOPT", "RUBYLIB", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "TERMINFO", "INPUTRC", "MAIL", "MAILPATH",
  "FPATH", "SUDO_ASKPASS", "npm_config_script_shell", "NPM_CONFIG_SCRIPT_SHELL",
];

export function isDangerousVariable(name: string): boolean {
  return DANGEROUS_VARIABLES.some((v) => (v.endsWith("*") ? name.startsWith(v.slice(0, -1)) : v === name));
}

/** Builtins that assign the variables named in their arguments (`read IFS`, `printf -v PATH …`, `mapfile PATH`). */
export const VARIABLE_SETTERS: ReadonlySet<string> = new Set(["read", "readarray", "mapfile", "getopts", "printf"]);

/** The dangerous variable a setter builtin would assign, if any. */
export function dangerousVariableSet(name: string, args: readonly { readonly value: string; readonly dynamic: boolean }[]): string | undefined {
  if (!VARIABLE_SETTERS.has(name)) return undefined;
  return args.find((a) => !a.dynamic && isDangerousVariable(a.value))?.value;
}
