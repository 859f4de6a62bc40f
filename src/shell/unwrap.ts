// One step of unwrapping: given a simple command's argv, say what else it runs — another argv (`sudo -u root rm x`
// → `rm x`), a code string to parse (`sh -c '…'`, `eval …`, `watch …`), once per input (`xargs`, `find -exec`,
// `parallel`) — or that it is itself the program, or that we can't tell (unresolved → the checks ask).
// Option tables are data in wrappers.ts; re-parsing and the walk are analyse.ts.
import { resolveLong, unresolvedLong } from "./long-options.js";
import type { Word } from "./model.js";
import { readOptions, type OptionTable } from "./options.js";
import { SHELLS, programName } from "./programs.js";
import { inputWord, joinValues, literalWord, markPlaceholder, optionValue } from "./words.js";
import * as W from "./wrappers.js";
import { table } from "../table.js";

export type Child =
  | {
      readonly kind: "argv";
      readonly argv: readonly Word[];
      readonly wrapper: "exec" | "each";
      readonly via: string;
      readonly assignments?: readonly { readonly name: string; readonly value: Word }[];
      /** The directory the wrapper runs it in (`env -C DIR`, `sudo -D DIR`). */
      readonly chdir?: Word;
    }
  | { readonly kind: "code"; readonly code: Word; readonly wrapper: "shell" | "stdin"; readonly via: string };

export type Step =
  | { readonly kind: "self" }
  | { readonly kind: "unresolved"; readonly reason: string }
  | { readonly kind: "wrap"; readonly keepSelf: boolean; readonly privileged: boolean; readonly children: readonly Child[] };

export interface StdinInfo {
  /** What stdin carries, as written: a heredoc body, a here-string, or the literal output of the previous pipeline
   *  stage (`echo 'x' | sh`). A shell reading its code from stdin parses it. */
  readonly text?: string;
  /** Something feeds stdin: a pipe, a heredoc, a here-string or a `<` redirect. */
  readonly fed: boolean;
}

type Handler = (name: string, args: readonly Word[], stdin: StdinInfo) => Step;

const SELF: Step = { kind: "self" };
const unresolved = (reason: string): Step => ({ kind: "unresolved", reason });

function wrap(children: Child[], opts: { keepSelf?: boolean; privileged?: boolean } = {}): Step {
  return { kind: "wrap", keepSelf: opts.keepSelf ?? false, privileged: opts.privileged ?? false, children };
}

function execChild(via: string, argv: readonly Word[], assignments?: { name: string; value: Word }[], chdir?: Word): Child {
  return { kind: "argv", argv, wrapper: "exec", via, ...(assignments && assignments.length ? { assignments } : {}), ...(chdir ? { chdir } : {}) };
}

function codeChild(via: string, code: Word): Child {
  return { kind: "code", code, wrapper: "shell", via };
}

/** A wrapper that reads its options and then runs the rest as a command. */
function simple(table: () => OptionTable, opts: { privileged?: boolean; noCommand?: "self" | "unresolved" } = {}): Handler {
  return (name, args) => {
    const r = readOptions(name, args, table());
    if (!r.ok) return unresolved(r.reason);
    if (r.self) return SELF;
    if (r.index >= args.length) return opts.noCommand === "unresolved" ? unresolved(`${name} is given no command`) : SELF;
    return wrap([execChild(name, args.slice(r.index))], { privileged: opts.privileged ?? false });
  };
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Stands for one run-time input (an xargs line, a find result) inside code we parse: a dynamic word. */
const INPUT = '"$INPUT"';

/** Placeholders in the command: marked as run-time input; inside a shell's code, replaced by `"$INPUT"` so the
 *  code still parses and the input shows up as a dynamic word of the commands it reaches. */
function fillPlaceholder(argv: readonly Word[], placeholder: string): Word[] {
  const first = argv[0];
  const shellCode = first !== undefined && !first.dynamic && SHELLS.has(programName(first.value));
  return argv.map((w, k) => {
    if (!w.value.includes(placeholder)) return w;
    if (shellCode && k > 0 && !w.dynamic) return literalWord(w.value.split(placeholder).join(INPUT), w.text);
    return markPlaceholder(w, placeholder);
  });
}

/** `VAR=value` operands (env, sudo) become assignments of the inner command. */
function takeAssignments(args: readonly Word[], from: number): { index: number; assignments: { name: string; value: Word }[] } {
  const assignments: { name: string; value: Word }[] = [];
  let i = from;
  while (i < args.length && ASSIGNMENT.test(args[i]!.value)) {
    const w = args[i]!;
    const eq = w.value.indexOf("=");
    assignments.push({ name: w.value.slice(0, eq), value: { ...w, value: w.value.slice(eq + 1), text: valueText(w.text) } });
    i++;
  }
  return { index: i, assignments };
}

/** The source text of the value in `NAME=value` (`X=~/a` → `~/a`, `"X=$HOME/a"` → `"$HOME/a"`), read like an
 *  assignment's value. A name written some other way (`"X"=~/a`) keeps the whole word. */
function valueText(text: string): string {
  const m = /^(["']?)[A-Za-z_][A-Za-z0-9_]*=/.exec(text);
  return m ? m[1]! + text.slice(m[0].length) : text;
}

function sudo(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.SUDO());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const { index, assignments } = takeAssignments(args, r.index);
  if (index >= args.length) return SELF;
  const rest = args.slice(index);
  // `sudo -s CMD…` / `sudo -i CMD…` run the words through the target user's shell.
  if (r.seen.has("s") || r.seen.has("i") || r.seen.has("--shell") || r.seen.has("--login")) {
    return wrap([codeChild(`${name} -s`, joinedCode(rest))], { privileged: true });
  }
  return wrap([execChild(name, rest, assignments, optionValue(r.values.get("D") ?? r.values.get("--chdir")))], { privileged: true });
}

function doas(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.DOAS());
  if (!r.ok) return unresolved(r.reason);
  if (r.self || r.seen.has("C") || r.index >= args.length) return SELF;
  return wrap([execChild(name, args.slice(r.index))], { privileged: true });
}

/** Words joined by spaces as one code word, dynamic if any part is. */
function joinedCode(words: readonly Word[]): Word {
  const dynamic = words.some((w) => w.dynamic);
  const text = words.map((w) => w.text).join(" ");
  return dynamic ? { value: joinValues(words), text, dynamic: true, features: ["parameter"], literalPrefix: "" } : literalWord(joinValues(words), text);
}

function env(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.ENV());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const { index, assignments } = takeAssignments(args, r.index);
  const split = r.values.get("S") ?? r.values.get("--split-string");
  if (split) {
    // `env -S 'rm -rf /'` splits the string into argv; we read it as shell words, which covers its quoting rules.
    if (split.dynamic) return unresolved(`env -S is given \`${split.text}\`, which is only known at run time`);
    const tail = args.slice(index);
    const code = tail.length ? literalWord(`${split.value} ${joinValues(tail)}`) : split;
    if (tail.some((w) => w.dynamic)) return unresolved("env -S with run-time words");
    return wrap([codeChild(`${name} -S`, code)]);
  }
  if (index >= args.length) return SELF; // `env` alone prints the environment
  return wrap([execChild(name, args.slice(index), assignments, optionValue(r.values.get("C") ?? r.values.get("--chdir")))]);
}

function shell(name: string, args: readonly Word[], stdin: StdinInfo): Step {
  // `+o opt` / `+x` turn options off; they take the same shapes as `-o` / `-x`.
  const filtered: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.dynamic && /^\+[A-Za-z]+$/.test(a.value)) {
      if (/[oO]$/.test(a.value)) i++;
      continue;
    }
    filtered.push(a);
  }
  const r = readOptions(name, filtered, W.SHELL());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const operand = filtered[r.index];
  if (r.seen.has("c")) {
    if (!operand) return unresolved(`${name} -c is given no code`);
    return wrap([codeChild(`${name} -c`, operand)]);
  }
  const readsStdin = operand === undefined || r.seen.has("s") || operand.value === "-" || STDIN_FILES.has(operand.value);
  if (readsStdin && stdin.text !== undefined) {
    return wrap([{ kind: "code", code: literalWord(stdin.text), wrapper: "stdin", via: `${name} stdin` }], { keepSelf: true });
  }
  return SELF; // a script file, or stdin we can't see: the shell itself is what the checks judge
}

function xargs(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.XARGS());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  // -I R, -iR, --replace=R; a bare -i / --replace means `{}`. The last one given wins, as in xargs.
  const replace = r.values.get("I") ?? r.values.get("i") ?? r.values.get("--replace") ?? (r.seen.has("i") || r.seen.has("--replace") ? literalWord("{}") : undefined);
  let argv: Word[] = r.index < args.length ? args.slice(r.index) : [literalWord("echo")];
  if (replace) {
    if (replace.dynamic) return unresolved("xargs -I with a run-time placeholder");
    argv = fillPlaceholder(argv, replace.value);
  } else {
    argv = [...argv, inputWord("{xargs input}")];
  }
  return wrap([{ kind: "argv", argv, wrapper: "each", via: name }]);
}

const FIND_EXEC = new Set(["-exec", "-execdir", "-ok", "-okdir"]);

/** `find … -exec CMD … ;|+`: find itself stays a command (its other actions matter), each clause runs too. */
function find(name: string, args: readonly Word[]): Step {
  const children: Child[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.dynamic || !FIND_EXEC.has(a.value)) continue;
    let j = i + 1;
    const argv: Word[] = [];
    // `+` ends a clause only right after `{}`; find rejects a lone `+` clause, but we still show its command.
    while (j < args.length && args[j]!.value !== ";" && args[j]!.value !== "+") {
      argv.push(args[j]!);
      j++;
    }
    if (j >= args.length) return unresolved(`find ${a.value} has no closing \`;\` or \`+\``);
    if (argv.length === 0) return unresolved(`find ${a.value} is given no command`);
    children.push({ kind: "argv", argv: fillPlaceholder(argv, "{}"), wrapper: "each", via: `${name} ${a.value}` });
    i = j;
  }
  return children.length ? wrap(children, { keepSelf: true }) : SELF;
}

const FD_EXEC = new Set(["-x", "--exec", "-X", "--exec-batch"]);

/** `fd PATTERN -x CMD …` runs CMD per result (until `;` or the end). */
function fd(name: string, args: readonly Word[]): Step {
  const children: Child[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.dynamic || !FD_EXEC.has(a.value)) continue;
    const argv: Word[] = [];
    let j = i + 1;
    while (j < args.length && args[j]!.value !== ";") argv.push(args[j++]!);
    if (argv.length === 0) return unresolved(`${name} ${a.value} is given no command`);
    const filled = fillPlaceholder(argv, "{}");
    children.push({ kind: "argv", argv: filled.some((w) => w.features?.includes("input")) ? filled : [...filled, inputWord("{fd result}")], wrapper: "each", via: `${name} ${a.value}` });
    i = j;
  }
  return children.length ? wrap(children, { keepSelf: true }) : SELF;
}

const PARALLEL_SEP = new Set([":::", "::::", ":::+", "::::+"]);

/** `parallel [opts] CMD … ::: inputs`; with no CMD the inputs are the commands. Commands run through a shell. */
function parallel(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.PARALLEL());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const sep = args.findIndex((w, k) => k >= r.index && PARALLEL_SEP.has(w.value));
  const template = args.slice(r.index, sep < 0 ? args.length : sep);
  if (template.length > 0) {
    const code = joinedCode(template);
    if (code.dynamic) return unresolved(`${name} runs a command that is only known at run time`);
    // parallel runs the template through a shell, with each input in place of `{}` or appended.
    const text = code.value.includes("{}") ? code.value.split("{}").join(INPUT) : `${code.value} ${INPUT}`;
    return wrap([codeChild(name, literalWord(text, code.text))]);
  }
  if (sep < 0) return unresolved(`${name} reads its commands from stdin`);
  if (args[sep]!.value.startsWith("::::")) return unresolved(`${name} reads its commands from a file`);
  const children: Child[] = [];
  for (let k = sep + 1; k < args.length && !PARALLEL_SEP.has(args[k]!.value); k++) children.push(codeChild(name, args[k]!));
  return children.length ? wrap(children) : SELF;
}

function watch(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.WATCH());
  if (!r.ok) return unresolved(r.reason);
  if (r.self || r.index >= args.length) return SELF;
  const rest = args.slice(r.index);
  if (r.seen.has("x") || r.seen.has("--exec")) return wrap([execChild(name, rest)]);
  return wrap([codeChild(name, joinedCode(rest))]);
}

function flock(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.FLOCK());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const before = r.values.get("c") ?? r.values.get("--command");
  if (before) return wrap([codeChild(`${name} -c`, before)], { keepSelf: true });
  const next = args[r.index];
  if (next && !next.dynamic && (next.value === "-c" || next.value === "--command")) {
    const code = args[r.index + 1];
    if (!code) return unresolved(`${name} -c is given no command`);
    return wrap([codeChild(`${name} -c`, code)], { keepSelf: true });
  }
  if (r.index >= args.length) return SELF; // `flock FD`
  return wrap([execChild(name, args.slice(r.index))], { keepSelf: true });
}

function script(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.SCRIPT());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const code = r.values.get("c") ?? r.values.get("--command");
  // `script` also writes its log file (the operand, or ./typescript): keep it visible as a command of its own.
  return code ? wrap([codeChild(`${name} -c`, code)], { keepSelf: true }) : SELF;
}

/** `su [opts] [-] [USER] -c CODE`: GNU su permutes options, so `-c` may follow the user; its long options may be
 *  abbreviated (`--comm=CODE`). */
function su(name: string, args: readonly Word[]): Step {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.dynamic) continue;
    const v = a.value;
    if (v === "--") continue; // `su -- root -c CODE`: words after the user go to its shell, `-c` included
    if (v.startsWith("--")) {
      const m = resolveLong(v, W.SU_LONG());
      if (!m.ok) return unresolved(unresolvedLong(name, m));
      if (m.name !== "--command" && m.name !== "--session-command") continue;
      if (m.inline !== undefined) return wrap([codeChild(`${name} -c`, { ...a, value: m.inline })], { privileged: true });
      return args[i + 1] ? wrap([codeChild(`${name} -c`, args[i + 1]!)], { privileged: true }) : unresolved(`${name} ${m.name} has no value`);
    }
    if (/^-[a-zA-Z]*c$/.test(v)) return args[i + 1] ? wrap([codeChild(`${name} -c`, args[i + 1]!)], { privileged: true }) : unresolved(`${name} -c has no value`);
    if (/^-[a-zA-Z]*c./.test(v) && !v.startsWith("--")) return wrap([codeChild(`${name} -c`, { ...a, value: v.slice(v.indexOf("c") + 1) })], { privileged: true });
  }
  return SELF; // an interactive shell as another user
}

function runuser(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.RUNUSER());
  if (!r.ok) return unresolved(r.reason);
  if (r.self) return SELF;
  const code = r.values.get("c") ?? r.values.get("--command") ?? r.values.get("--session-command");
  if (code) return wrap([codeChild(`${name} -c`, code)], { privileged: true });
  // `runuser [-l] USER [-c CODE]` is su's syntax, options anywhere (`runuser - app -c 'x'`).
  if (!r.seen.has("u") && !r.seen.has("--user")) return su(name, args);
  return r.index < args.length ? wrap([execChild(name, args.slice(r.index))], { privileged: true }) : SELF;
}

function command(name: string, args: readonly Word[]): Step {
  const r = readOptions(name, args, W.COMMAND());
  if (!r.ok) return unresolved(r.reason);
  if (r.self || r.index >= args.length) return SELF; // `command -v x` only looks a name up
  return wrap([execChild(name, args.slice(r.index))]);
}

function builtin(name: string, args: readonly Word[]): Step {
  return args.length ? wrap([execChild(name, args)]) : SELF;
}

function busybox(name: string, args: readonly Word[]): Step {
  const first = args[0];
  if (!first || (!first.dynamic && first.value.startsWith("-"))) return SELF; // `busybox --list`
  return wrap([execChild(name, args)]);
}

function evalHandler(name: string, args: readonly Word[]): Step {
  if (args.length === 0) return SELF;
  const code = joinedCode(args[0]?.value === "--" ? args.slice(1) : args);
  return wrap([codeChild(name, code)]);
}

/** `trap 'code' SIGNAL…` runs code later: parse it now. `trap -p`, `trap - SIG`, `trap '' SIG` run nothing. */
function trap(name: string, args: readonly Word[]): Step {
  const first = args[0];
  if (!first || args.length < 2 || (!first.dynamic && (first.value === "-" || first.value === "" || first.value.startsWith("-")))) return SELF;
  return wrap([codeChild(name, first)], { keepSelf: true });
}

/** firejail's options are all `--name` or `--name=value` (none takes the next word); after them comes the command.
 *  Those that act on another sandbox or change the shell the command runs in are not followed: the checks ask. */
function firejail(name: string, args: readonly Word[]): Step {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a.dynamic) return unresolved(`${name}'s option \`${a.text}\` is only known at run time`);
    if (a.value === "--") {
      i++;
      break;
    }
    if (!a.value.startsWith("-")) break;
    if (!a.value.startsWith("--") || /^--(join|shell|ls|get|put|bandwidth|dns\.print|fs\.print|list|tree|top|netstats|shutdown|version|help)/.test(a.value)) {
      return unresolved(`hookwarden does not follow \`${name} ${a.value}\``);
    }
  }
  return i < args.length ? wrap([execChild(name, args.slice(i))]) : SELF;
}

const STDIN_FILES = new Set(["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/** `source /dev/stdin <<< 'code'` / `. /dev/stdin` run what stdin carries in the current shell. */
function source(name: string, args: readonly Word[], stdin: StdinInfo): Step {
  const file = args[0];
  if (file && !file.dynamic && STDIN_FILES.has(file.value) && stdin.text !== undefined) {
    return wrap([{ kind: "code", code: literalWord(stdin.text), wrapper: "stdin", via: `${name} stdin` }], { keepSelf: true });
  }
  return SELF;
}

const HANDLERS: Readonly<Record<string, Handler>> = table({
  sudo,
  doas,
  pkexec: simple(W.PKEXEC, { privileged: true }),
  runuser,
  su,
  env,
  nice: simple(W.NICE),
  nohup: simple(W.NOHUP),
  timeout: simple(W.TIMEOUT),
  time: simple(W.TIME),
  command,
  builtin,
  exec: simple(W.EXEC),
  stdbuf: simple(W.STDBUF),
  ionice: simple(W.IONICE),
  taskset: simple(W.TASKSET),
  setsid: simple(W.SETSID),
  chrt: simple(W.CHRT),
  chroot: simple(W.CHROOT),
  caffeinate: simple(W.CAFFEINATE),
  unbuffer: simple(W.UNBUFFER),
  torsocks: simple(W.TORSOCKS),
  proxychains: simple(W.PROXYCHAINS),
  proxychains4: simple(W.PROXYCHAINS),
  tsocks: simple(W.TSOCKS),
  firejail,
  flock,
  watch,
  script,
  busybox,
  xargs,
  gxargs: xargs,
  find,
  gfind: find,
  fd,
  fdfind: fd,
  parallel,
  eval: evalHandler,
  source,
  ".": source,
  trap,
});

/** What `argv` runs besides itself. `name` is argv[0]'s program name (basename, literal). */
export function unwrapStep(name: string, args: readonly Word[], stdin: StdinInfo): Step {
  if (SHELLS.has(name)) return shell(name, args, stdin);
  const handler = HANDLERS[name];
  return handler ? handler(name, args, stdin) : SELF;
}

/** Whether `unwrapStep` can say anything but "self" for this program: the analysis skips it for the rest. */
export function isWrapper(name: string): boolean {
  return SHELLS.has(name) || HANDLERS[name] !== undefined;
}
