// Option tables of the wrappers the unwrapper sees through (data). The logic that uses them is unwrap.ts.
// `prefixes: true` marks a getopt_long program whose long lists here are complete (checked against its --help):
// `sudo --us root` is `--user root`. The others take whole names, or have lists we keep short on purpose.
import type { LongOptions } from "./long-options.js";
import type { OptionTable } from "./options.js";
import { once } from "../table.js";

// Each table is built on its first use (once): a Bash call meets a wrapper or two, if any.

export const SUDO = once((): OptionTable => ({
  flags: "AbEHnPSBNiks",
  values: "ugCDhpRTUrtac",
  long: ["--askpass", "--background", "--set-home", "--non-interactive", "--no-update", "--preserve-groups", "--stdin", "--bell", "--login", "--shell", "--reset-timestamp", "--remove-timestamp"],
  longValues: ["--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--chroot", "--command-timeout", "--other-user", "--role", "--type", "--auth-type", "--login-class"],
  longOptional: ["--preserve-env"],
  selfShort: "lvVKeh",
  selfLong: ["--list", "--validate", "--version", "--edit", "--help"],
  prefixes: true,
}));

export const DOAS = once((): OptionTable => ({ flags: "ns", values: "uC", selfShort: "L" }));
export const PKEXEC = once((): OptionTable => ({ long: ["--disable-internal-agent", "--keep-cwd"], longValues: ["--user"], selfLong: ["--version", "--help"] }));
export const RUNUSER = once((): OptionTable => ({
  flags: "lmpfP",
  values: "ugGswc",
  long: ["--login", "--preserve-environment", "--pty", "--fast"],
  longValues: ["--user", "--group", "--supp-group", "--shell", "--whitelist-environment", "--command", "--session-command"],
  selfLong: ["--help", "--version"],
  prefixes: true,
}));
/** util-linux su, for `su --comm=CODE` (su's own handler reads the rest). */
export const SU_LONG = once((): LongOptions => ({
  flags: ["--fast", "--login", "--preserve-environment", "--pty", "--help", "--version"],
  values: ["--command", "--session-command", "--group", "--supp-group", "--shell", "--whitelist-environment"],
}));

export const ENV = once((): OptionTable => ({
  flags: "i0v",
  values: "uCSa",
  long: ["--ignore-environment", "--null", "--debug", "--list-signal-handling"],
  longValues: ["--unset", "--chdir", "--split-string", "--argv0"],
  longOptional: ["--block-signal", "--default-signal", "--ignore-signal"],
  selfLong: ["--help", "--version"],
  prefixes: true,
}));

export const NICE = once((): OptionTable => ({ values: "n", longValues: ["--adjustment"], numeric: true, selfLong: ["--help", "--version"], prefixes: true }));
export const NOHUP = once((): OptionTable => ({ selfLong: ["--help", "--version"], prefixes: true }));
export const TIMEOUT = once((): OptionTable => ({
  flags: "v",
  values: "ks",
  long: ["--preserve-status", "--foreground", "--verbose"],
  longValues: ["--kill-after", "--signal"],
  selfLong: ["--help", "--version"],
  operands: 1,
  prefixes: true,
}));
/** GNU time: `-o FILE` / `-a` write a file, so they are left unknown (the check asks); no listed name is a prefix of
 *  `--output` or `--append`, so prefixes still resolve right. */
export const TIME = once((): OptionTable => ({ flags: "pvq", values: "f", long: ["--portability", "--verbose", "--quiet"], longValues: ["--format"], selfLong: ["--help", "--version"], prefixes: true }));
export const COMMAND = once((): OptionTable => ({ flags: "p", selfShort: "vV" }));
export const EXEC = once((): OptionTable => ({ flags: "cl", values: "a" }));
export const STDBUF = once((): OptionTable => ({ values: "ioe", longValues: ["--input", "--output", "--error"], selfLong: ["--help", "--version"], prefixes: true }));
export const IONICE = once((): OptionTable => ({ flags: "t", values: "cn", long: ["--ignore"], longValues: ["--class", "--classdata"], selfShort: "pPu", selfLong: ["--pid", "--pgid", "--uid", "--help", "--version"], prefixes: true }));
export const TASKSET = once((): OptionTable => ({ flags: "ac", long: ["--all-tasks", "--cpu-list"], selfShort: "p", selfLong: ["--pid", "--help", "--version"], operands: 1, prefixes: true }));
export const SETSID = once((): OptionTable => ({ flags: "cfw", long: ["--ctty", "--fork", "--wait"], selfLong: ["--help", "--version"], prefixes: true }));
export const FLOCK = once((): OptionTable => ({
  flags: "sxenuoF",
  values: "wEc",
  long: ["--shared", "--exclusive", "--nonblock", "--nb", "--unlock", "--close", "--no-fork", "--verbose", "--fcntl"],
  longValues: ["--timeout", "--wait", "--conflict-exit-code", "--command"],
  selfLong: ["--help", "--version"],
  operands: 1,
  prefixes: true,
}));
/** procps watch: `-d[permanent]` is a flag here (an attached value reads as unknown letters: the check asks). */
export const WATCH = once((): OptionTable => ({
  flags: "dtbegcpwrCx",
  values: "nq",
  long: ["--no-title", "--beep", "--errexit", "--chgexit", "--color", "--no-color", "--precise", "--no-wrap", "--no-rerun", "--exec"],
  longValues: ["--interval", "--equexit"],
  longOptional: ["--differences"],
  selfLong: ["--help", "--version"],
  prefixes: true,
}));
/** util-linux script: `-E WHEN` and `-o SIZE` take values, `-t[FILE]` only an attached one. */
export const SCRIPT = once((): OptionTable => ({
  flags: "aefq",
  values: "cOIBTmEo",
  optional: "t",
  long: ["--append", "--return", "--flush", "--quiet", "--force"],
  longValues: ["--command", "--log-out", "--log-in", "--log-io", "--log-timing", "--logging-format", "--echo", "--output-limit"],
  longOptional: ["--timing"],
  selfLong: ["--help", "--version"],
  prefixes: true,
}));
export const CHROOT = once((): OptionTable => ({ long: ["--skip-chdir"], longValues: ["--userspec", "--groups"], selfLong: ["--help", "--version"], operands: 1, prefixes: true }));
export const CAFFEINATE = once((): OptionTable => ({ flags: "dimsu", values: "tw" }));
export const UNBUFFER = once((): OptionTable => ({ flags: "p" }));
/** Network redirectors: the command runs as itself, its traffic through a proxy or Tor. */
export const TORSOCKS = once((): OptionTable => ({
  flags: "idq",
  values: "upaP",
  long: ["--isolate", "--debug", "--quiet"],
  longValues: ["--user", "--pass", "--address", "--port"],
  selfLong: ["--shell", "--version", "--help"],
}));
export const PROXYCHAINS = once((): OptionTable => ({ flags: "q", values: "f" }));
export const TSOCKS = once((): OptionTable => ({}));
export const CHRT = once((): OptionTable => ({
  flags: "bdfiorRav",
  values: "TPD",
  long: ["--batch", "--deadline", "--fifo", "--idle", "--other", "--rr", "--reset-on-fork", "--all-tasks", "--verbose"],
  longValues: ["--sched-runtime", "--sched-period", "--sched-deadline"],
  selfShort: "pm",
  selfLong: ["--pid", "--max", "--help", "--version"],
  operands: 1,
  prefixes: true,
}));

/** Shells: `-o opt`/`-O shopt` take values; `-c` makes the first operand the code. */
export const SHELL = once((): OptionTable => ({
  flags: "abefhkmnptuvxBCEHPTilrsDc",
  values: "oO",
  long: ["--noprofile", "--norc", "--posix", "--login", "--restricted", "--verbose", "--debugger", "--noediting", "--no-rcs", "--no-globalrcs", "--interactive", "--norcs"],
  longValues: ["--rcfile", "--init-file"],
  selfLong: ["--help", "--version", "--dump-strings", "--dump-po-strings", "--pretty-print"],
}));

/** GNU xargs: `-e[EOF]`, `-i[R]`, `-l[N]` and their long forms take a value only when attached (`--eof=x`):
 *  in `xargs --eof curl x`, curl is the command. */
export const XARGS = once((): OptionTable => ({
  flags: "0rtpxo",
  values: "adEILnPs",
  optional: "eil",
  long: ["--null", "--no-run-if-empty", "--verbose", "--interactive", "--exit", "--open-tty"],
  longValues: ["--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-chars", "--process-slot-var"],
  longOptional: ["--replace", "--eof", "--max-lines"],
  selfLong: ["--help", "--version", "--show-limits"],
  prefixes: true,
}));

export const PARALLEL = once((): OptionTable => ({
  flags: "kqvXmuge0",
  values: "jNnIPSL",
  long: ["--keep-order", "--quote", "--verbose", "--bar", "--progress", "--dry-run", "--will-cite", "--no-notice", "--tag", "--line-buffer", "--group", "--ungroup", "--null", "--eta", "--xargs", "--no-run-if-empty", "--halt-on-error", "--lb"],
  longValues: ["--jobs", "--max-args", "--halt", "--delay", "--timeout", "--joblog", "--retries", "--memfree", "--load", "--tagstring", "--colsep", "--results", "--max-replace-args"],
  selfLong: ["--help", "--version", "--citation", "--number-of-cpus", "--number-of-cores"],
}));
