// Option tables of the wrappers the unwrapper sees through (data). The logic that uses them is unwrap.ts.
import type { OptionTable } from "./options.js";

export const SUDO: OptionTable = {
  flags: "AbEHnPSBNiks",
  values: "ugCDhpRTUrt",
  long: ["--askpass", "--background", "--preserve-env", "--set-home", "--non-interactive", "--preserve-groups", "--stdin", "--bell", "--login", "--shell", "--reset-timestamp", "--remove-timestamp"],
  longValues: ["--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--chroot", "--command-timeout", "--other-user", "--role", "--type"],
  longOptional: ["--preserve-env"],
  selfShort: "lvVKeh",
  selfLong: ["--list", "--validate", "--version", "--edit", "--help"],
};

export const DOAS: OptionTable = { flags: "ns", values: "uC", selfShort: "L" };
export const PKEXEC: OptionTable = { long: ["--disable-internal-agent", "--keep-cwd"], longValues: ["--user"], selfLong: ["--version", "--help"] };
export const RUNUSER: OptionTable = {
  flags: "lmpfP",
  values: "ugGsw",
  long: ["--login", "--preserve-environment", "--pty"],
  longValues: ["--user", "--group", "--supp-group", "--shell", "--whitelist-environment"],
};

export const ENV: OptionTable = {
  flags: "i0v",
  values: "uCS",
  long: ["--ignore-environment", "--null", "--debug", "--list-signal-handling"],
  longValues: ["--unset", "--chdir", "--split-string"],
  longOptional: ["--block-signal", "--default-signal", "--ignore-signal"],
  selfLong: ["--help", "--version"],
};

export const NICE: OptionTable = { values: "n", longValues: ["--adjustment"], numeric: true, selfLong: ["--help", "--version"] };
export const NOHUP: OptionTable = { selfLong: ["--help", "--version"] };
export const TIMEOUT: OptionTable = {
  flags: "v",
  values: "ks",
  long: ["--preserve-status", "--foreground", "--verbose"],
  longValues: ["--kill-after", "--signal"],
  selfLong: ["--help", "--version"],
  operands: 1,
};
/** GNU time: `-o FILE` / `-a` write a file, so they are left unknown (the check asks). */
export const TIME: OptionTable = { flags: "pvq", values: "f", long: ["--portability", "--verbose", "--quiet"], longValues: ["--format"], selfLong: ["--help", "--version"] };
export const COMMAND: OptionTable = { flags: "p", selfShort: "vV" };
export const EXEC: OptionTable = { flags: "cl", values: "a" };
export const STDBUF: OptionTable = { values: "ioe", longValues: ["--input", "--output", "--error"], selfLong: ["--help", "--version"] };
export const IONICE: OptionTable = { flags: "t", values: "cn", long: ["--ignore"], longValues: ["--class", "--classdata"], selfShort: "pPu", selfLong: ["--pid", "--pgid", "--uid", "--help", "--version"] };
export const TASKSET: OptionTable = { flags: "ac", long: ["--all-tasks", "--cpu-list"], selfShort: "p", selfLong: ["--pid", "--help", "--version"], operands: 1 };
export const SETSID: OptionTable = { flags: "cfw", long: ["--ctty", "--fork", "--wait"], selfLong: ["--help", "--version"] };
export const FLOCK: OptionTable = {
  flags: "sxenuoF",
  values: "wEc",
  long: ["--shared", "--exclusive", "--nonblock", "--nb", "--unlock", "--close", "--no-fork", "--verbose"],
  longValues: ["--timeout", "--wait", "--conflict-exit-code", "--command"],
  selfLong: ["--help", "--version"],
  operands: 1,
};
export const WATCH: OptionTable = {
  flags: "dtbegcpwrCx",
  values: "nq",
  long: ["--no-title", "--beep", "--errexit", "--chgexit", "--color", "--no-color", "--precise", "--no-wrap", "--no-rerun", "--exec"],
  longValues: ["--interval", "--equexit"],
  longOptional: ["--differences"],
  selfLong: ["--help", "--version"],
};
export const SCRIPT: OptionTable = {
  flags: "aefqE",
  values: "cOIBTm",
  long: ["--append", "--return", "--flush", "--quiet", "--force"],
  longValues: ["--command", "--log-out", "--log-in", "--log-io", "--log-timing", "--logging-format", "--echo", "--output-limit"],
  longOptional: ["--timing"],
  selfLong: ["--help", "--version"],
};
export const CHROOT: OptionTable = { long: ["--skip-chdir"], longValues: ["--userspec", "--groups"], selfLong: ["--help", "--version"], operands: 1 };
export const CAFFEINATE: OptionTable = { flags: "dimsu", values: "tw" };
export const UNBUFFER: OptionTable = { flags: "p" };
/** Network redirectors: the command runs as itself, its traffic through a proxy or Tor. */
export const TORSOCKS: OptionTable = {
  flags: "idq",
  values: "upaP",
  long: ["--isolate", "--debug", "--quiet"],
  longValues: ["--user", "--pass", "--address", "--port"],
  selfLong: ["--shell", "--version", "--help"],
};
export const PROXYCHAINS: OptionTable = { flags: "q", values: "f" };
export const TSOCKS: OptionTable = {};
export const CHRT: OptionTable = { flags: "bdfiorRa", values: "TPD", long: ["--batch", "--deadline", "--fifo", "--idle", "--other", "--rr", "--reset-on-fork", "--all-tasks", "--verbose"], longValues: ["--sched-runtime", "--sched-period", "--sched-deadline"], selfShort: "pm", operands: 1 };

/** Shells: `-o opt`/`-O shopt` take values; `-c` makes the first operand the code. */
export const SHELL: OptionTable = {
  flags: "abefhkmnptuvxBCEHPTilrsDc",
  values: "oO",
  long: ["--noprofile", "--norc", "--posix", "--login", "--restricted", "--verbose", "--debugger", "--noediting", "--no-rcs", "--no-globalrcs", "--interactive", "--norcs"],
  longValues: ["--rcfile", "--init-file"],
  selfLong: ["--help", "--version", "--dump-strings", "--dump-po-strings", "--pretty-print"],
};

export const XARGS: OptionTable = {
  flags: "0rtpxo",
  values: "adEILnPs",
  long: ["--null", "--no-run-if-empty", "--verbose", "--interactive", "--exit", "--open-tty"],
  longValues: ["--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--max-chars", "--process-slot-var", "--eof"],
  longOptional: ["--replace"],
  selfLong: ["--help", "--version", "--show-limits"],
};

export const PARALLEL: OptionTable = {
  flags: "kqvXmuge0",
  values: "jNnIPSL",
  long: ["--keep-order", "--quote", "--verbose", "--bar", "--progress", "--dry-run", "--will-cite", "--no-notice", "--tag", "--line-buffer", "--group", "--ungroup", "--null", "--eta", "--xargs", "--no-run-if-empty", "--halt-on-error", "--lb"],
  longValues: ["--jobs", "--max-args", "--halt", "--delay", "--timeout", "--joblog", "--retries", "--memfree", "--load", "--tagstring", "--colsep", "--results", "--max-replace-args"],
  selfLong: ["--help", "--version", "--citation", "--number-of-cpus", "--number-of-cores"],
};
