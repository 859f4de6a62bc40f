// Injection: signals that a command hides what it runs (DESIGN.md) → ask, even when allowlisted; decode→exec and
// remote→exec → deny. Works on the model only; the Unicode scan of the raw text is src/shell/unicode.ts.
// Does not own: which programs are blocked (blocklist.ts), unparsable commands (bash.ts asks).
import type { Context } from "../context-types.js";
import type { ShellCommand, Word } from "../shell/model.js";
import { AWKS, dangerousVariableSet, DECODERS, FETCHERS, interpreterOf, isDangerousVariable, SHELLS } from "../shell/programs.js";
import { codePointLabel, type UnicodeHit } from "../shell/unicode.js";
import { declaresNameref, runtimeNamedOperand } from "../shell/declarations.js";
import { subscriptCodeWords } from "../shell/deferred.js";
import type { Finding, RuleId } from "../types.js";
import { readOnlyVerdict } from "./readonly.js";

const ask = (rule: RuleId, reason: string, cmd?: ShellCommand): Finding => ({ severity: "ask", rule, layer: "builtin", reason, ...(cmd ? { span: cmd.span } : {}) });
const deny = (rule: RuleId, reason: string, cmd?: ShellCommand): Finding => ({ severity: "deny", rule, layer: "builtin", reason, ...(cmd ? { span: cmd.span } : {}) });

const nameOf = (c: ShellCommand): string => (c.name.kind === "literal" ? c.name.value : "");
const clip = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// ── Unicode (from the raw text) ────────────────────────────────────────────────────────────────────────────────

const UNICODE_WHAT: Record<UnicodeHit["kind"], string> = {
  "zero-width": "an invisible zero-width character",
  bidi: "a bidirectional-text control that can make the command display differently from how it runs",
  tag: "an invisible Unicode tag character",
  control: "a control character",
  space: "a Unicode space that looks like a normal space but is not one to the shell",
  confusable: "a letter that looks like an ASCII letter but is not one",
};

export function unicodeFindings(hits: readonly UnicodeHit[]): Finding[] {
  const byKind = new Map<UnicodeHit["kind"], UnicodeHit>();
  for (const h of hits) if (!byKind.has(h.kind)) byKind.set(h.kind, h);
  return [...byKind.values()].map((h) =>
    ask(
      h.kind === "control" ? "injection.control" : "injection.unicode",
      `The command contains ${UNICODE_WHAT[h.kind]} (${codePointLabel(h.codePoint)} at offset ${h.index}), which can hide what it really does; retype it with plain ASCII.`,
    ),
  );
}

// ── the check ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Index {
  readonly children: ReadonlyMap<number, readonly ShellCommand[]>;
  readonly pipes: ReadonlyMap<number, readonly ShellCommand[]>;
  /** The command with this `seq` (the host of a process substitution). */
  bySeq(seq: number): ShellCommand | undefined;
}

function index(commands: readonly ShellCommand[]): Index {
  const children = new Map<number, ShellCommand[]>();
  const pipes = new Map<number, ShellCommand[]>();
  for (const c of commands) {
    if (c.host !== undefined) (children.get(c.host) ?? children.set(c.host, []).get(c.host)!).push(c);
    const refs = c.pipes;
    if (refs) for (let i = 0; i < refs.length; i++) (pipes.get(refs[i]!.id) ?? pipes.set(refs[i]!.id, []).get(refs[i]!.id)!).push(c);
  }
  // Rarely asked: built on first use. The last command with a seq wins, as a Map filled in order would have it.
  let seqs: Map<number, ShellCommand> | undefined;
  const bySeq = (seq: number) => {
    if (seqs === undefined) {
      seqs = new Map();
      for (const c of commands) seqs.set(c.seq, c);
    }
    return seqs.get(seq);
  };
  return { children, pipes, bySeq };
}

/** Commands running in substitutions of `cmd`'s words, transitively. */
function descendants(cmd: ShellCommand, ix: Index): ShellCommand[] {
  const out: ShellCommand[] = [];
  const stack = [...(ix.children.get(cmd.seq) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    stack.push(...(ix.children.get(c.seq) ?? []));
  }
  return out;
}

/** Earlier stages of every pipeline `cmd` is a later stage of, with their substitutions. */
function upstream(cmd: ShellCommand, ix: Index): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const ref of cmd.pipes ?? []) {
    if (ref.stage === 0) continue;
    for (const c of ix.pipes.get(ref.id) ?? []) {
      const r = c.pipes?.find((p) => p.id === ref.id);
      if (r && r.stage < ref.stage) out.push(c, ...descendants(c, ix));
    }
  }
  return out;
}

function hasFlag(args: readonly Word[], flag: string): boolean {
  if (flag.startsWith("--") || flag.length !== 2 || !flag.startsWith("-")) return args.some((a) => a.value === flag || a.value.startsWith(`${flag}=`));
  const letter = flag[1]!;
  return args.some((a) => !a.dynamic && /^-[A-Za-z]+$/.test(a.value) && a.value.includes(letter));
}

function isDecoder(c: ShellCommand): boolean {
  const name = nameOf(c);
  for (const d of DECODERS) {
    if (!d.names.includes(name)) continue;
    if (d.when.length === 0) return true;
    if (d.when.some((w) => (w.startsWith("-") ? hasFlag(c.args, w) : c.args.some((a) => a.value === w)))) return true;
  }
  // `printf '\x72\x6d …' | sh`: escapes decode to text nobody reviewed.
  if ((name === "printf" || name === "echo") && c.args.some((a) => /\\(x[0-9a-fA-F]|[0-7]{3}|0[0-7]|u[0-9a-fA-F]{4})/.test(a.text))) return true;
  return false;
}

function isFetcher(c: ShellCommand): boolean {
  return FETCHERS.has(nameOf(c).toLowerCase());
}

/** A shell or interpreter that takes its code from stdin (no `-c`, no script operand, or `-`/`-s`). */
const STDIN_FILES = new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

function readsCodeFromStdin(c: ShellCommand): boolean {
  const name = nameOf(c);
  if (name === "source" || name === ".") return c.args[0] !== undefined && STDIN_FILES.has(c.args[0].value);
  const interp = interpreterOf(name);
  if (!SHELLS.has(name) && !interp) return false;
  if (SHELLS.has(name) && c.args.some((a) => !a.dynamic && /^-[A-Za-z]*c[A-Za-z]*$/.test(a.value))) return false;
  if (interp && interp.flags.some((f) => hasFlag(c.args, f))) return false;
  if (interp && hasFlag(c.args, "-m")) return false;
  const operand = c.args.find((a) => a.dynamic || !a.value.startsWith("-") || a.value === "-");
  return operand === undefined || STDIN_FILES.has(operand.value) || hasFlag(c.args, "-s");
}

function stdinFed(c: ShellCommand): boolean {
  return c.pipedInto || c.stdinText !== undefined || c.stdinDynamic === true || c.redirects.some((r) => r.op === "<" && (r.fd === undefined || r.fd === 0));
}

/** The one-liner code of an interpreter (`python -c CODE`), if it has one. */
function oneLiner(c: ShellCommand): Word | undefined {
  const interp = interpreterOf(nameOf(c));
  if (!interp) return undefined;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (a.dynamic) continue;
    for (const f of interp.flags) {
      if (a.value === f) return c.args[i + 1] ?? a;
      if (f.startsWith("--") && a.value.startsWith(`${f}=`)) return { ...a, value: a.value.slice(f.length + 1) };
      if (f.length === 2 && f.startsWith("-") && /^-[A-Za-z]+$/.test(a.value) && a.value.includes(f[1]!)) {
        const rest = a.value.slice(a.value.indexOf(f[1]!) + 1);
        return rest ? { ...a, value: rest } : c.args[i + 1] ?? a;
      }
    }
  }
  return undefined;
}

const CODE_DECODE = /b64decode|base64|atob\s*\(|fromCharCode|unhexlify|bytes\.fromhex|decode\(\s*['"](hex|base64|rot13)|pack\(\s*['"][Hh]|Buffer\.from\([^)]*['"](base64|hex)/;
const CODE_FETCH = /urlopen|urllib|requests\.(get|post)|http\.get|https\.get|fetch\s*\(|Net::HTTP|LWP::|open-uri|URI\.open|file_get_contents\(\s*['"]https?:|curl_exec|socket\.|child_process.*(curl|wget)/;
const CODE_EXEC = /\bexec\s*\(|\beval\s*\(|\bsystem\s*\(|\bspawn|\bpopen|execSync|execFile|Function\s*\(|__import__|\bsubprocess|`[^`]*`|\bos\.system/;

/** Decoding or fetching feeding the code of this sink; the deny finding, or none. */
function execChain(sink: ShellCommand, feeders: readonly ShellCommand[], shown: string): Finding | undefined {
  const fetcher = feeders.find(isFetcher);
  if (fetcher) {
    return deny(
      "injection.remote-exec",
      `\`${clip(shownOf(fetcher), 60)}\` downloads code and \`${clip(shown, 60)}\` runs it (remote→exec), which hookwarden blocks. Download the script to a file, show it to the user, and run it only after they approve.`,
      sink,
    );
  }
  const decoder = feeders.find(isDecoder);
  if (decoder) {
    return deny(
      "injection.decode-exec",
      `\`${clip(shownOf(decoder), 60)}\` decodes hidden text and \`${clip(shown, 60)}\` runs it as code (decode→exec), which hookwarden blocks. Run the decoded command itself, written out, so it can be checked.`,
      sink,
    );
  }
  return undefined;
}

/** A substitution that only produces fixed text (`$(cat <<'EOF' … EOF)`, `$(echo x)`): data, not a signal. */
function isDataOnly(c: ShellCommand, ix: Index): boolean {
  if ((ix.children.get(c.seq) ?? []).length) return false;
  if (c.args.some((a) => a.dynamic)) return false;
  const name = nameOf(c);
  if (name === "cat") return c.args.length === 0 && c.stdinText !== undefined;
  return name === "echo" || name === "printf";
}

/** The first argument or redirection target holding a command or process substitution. */
function firstSubstitutionWord(c: ShellCommand): Word | undefined {
  for (const w of c.args) if (isSubstitution(w)) return w;
  for (const r of c.redirects) if (isSubstitution(r.target)) return r.target;
  return undefined;
}

function isSubstitution(w: Word): boolean {
  return w.features !== undefined && (w.features.includes("command") || w.features.includes("process"));
}

const isIndirect = (w: Word): boolean => w.features?.includes("indirect") === true;

/** The first word, assignment value or redirection target holding `${!ref}` or `${ref@P}`. */
function expandedAgain(c: ShellCommand): Word | undefined {
  return c.args.find(isIndirect) ?? c.assignments.find((a) => isIndirect(a.value))?.value ?? c.redirects.find((r) => isIndirect(r.target))?.target;
}

/** zsh glob qualifiers that run code: `*(e:'cmd':)`, `*(+func)`. */
const ZSH_CODE_QUALIFIER = /\((#q)?[^)]*(\be[:'"{]|\+[A-Za-z_])/;

// Callbacks made once, not per command.
const isCodeQualifier = (a: Word): boolean => a.features?.includes("glob") === true && ZSH_CODE_QUALIFIER.test(a.text);
const setsDangerousVariable = (a: { readonly name: string }): boolean => isDangerousVariable(a.name);

const ALIAS_LIKE = new Set(["alias", "hash", "enable", "bind", "shopt", "trap", "zmodload"]);

function aliasSignal(c: ShellCommand): string | undefined {
  const name = nameOf(c);
  if (!ALIAS_LIKE.has(name)) return undefined;
  const args = c.args.map((a) => a.value);
  if (name === "alias" && c.args.some((a) => a.dynamic || a.value.includes("="))) return "defines an alias, which changes what a later command name runs";
  if (name === "hash" && args.includes("-p")) return "maps a command name to another program (`hash -p`)";
  if (name === "enable" && args.some((a) => /^-[a-z]*f/.test(a))) return "loads a builtin from a shared library";
  if (name === "bind" && args.some((a) => /^-[a-z]*x/.test(a))) return "binds a key to a shell command";
  if (name === "shopt" && args.includes("expand_aliases")) return "turns on alias expansion";
  if (name === "zmodload" && c.args.length > 0) return "loads a zsh module, which can add network and file builtins";
  if (name === "trap" && c.args.length >= 2 && c.args[0]!.value !== "-" && c.args[0]!.value !== "") return "sets a trap that runs code later";
  return undefined;
}

/** awk program text that runs commands or writes files. */
function awkSignal(c: ShellCommand): string | undefined {
  if (!AWKS.has(nameOf(c))) return undefined;
  let program: Word | undefined;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (!a.dynamic && (a.value === "-f" || a.value.startsWith("--file"))) return "runs an awk program from a file";
    if (!a.dynamic && (a.value === "-v" || a.value === "-F")) {
      i++;
      continue;
    }
    if (!a.dynamic && a.value.startsWith("-") && a.value !== "-") continue;
    program = a;
    break;
  }
  if (!program) return undefined;
  if (program.dynamic) return "runs an awk program that is only known at run time";
  if (/\bsystem\s*\(/.test(program.value)) return "calls system() from awk";
  if (/[^|]\|[^|]|^\|/.test(program.value)) return "pipes to or from a command inside awk";
  if (/\bprintf?\b[^;}]*>/.test(program.value)) return "writes a file from awk";
  return undefined;
}

export function checkInjection(commands: readonly ShellCommand[], _ctx: Context): Finding[] {
  const out: Finding[] = [];
  const ix = index(commands);
  let functionReported = false;
  for (const c of commands) {
    const name = nameOf(c);

    // A program name that is not a literal: `$X`, `${X}`, `$(…)`, globs, braces.
    if (c.name.kind === "dynamic") {
      out.push(ask("injection.dynamic-name", `The program name \`${clip(c.name.text)}\` is only known at run time, so hookwarden cannot tell what runs; write the command out literally.`, c));
    } else if (name && c.nameText !== undefined && isObfuscated(c.nameText, name)) {
      out.push(ask("injection.obfuscated-name", `The program name is written as \`${clip(c.nameText)}\`, which spells \`${name}\` in a way that hides it (quotes, escapes or ANSI-C inside the name); write it plainly.`, c));
    }
    if (name.startsWith("=") && name.length > 1) {
      out.push(ask("injection.obfuscated-name", `\`${clip(name)}\` is zsh's equals expansion: it runs \`${name.slice(1)}\` by its full path; write the program name plainly.`, c));
    }
    const qualifier = c.args.find(isCodeQualifier);
    if (qualifier) out.push(ask("injection.glob-qualifier", `\`${clip(qualifier.text, 60)}\` is a zsh glob qualifier that runs code for every file it matches; list the files another way.`, c));
    if (name && /[^\x20-\x7e]/.test(name)) {
      out.push(ask("injection.unicode-name", `The program name \`${name}\` has non-ASCII characters, which can imitate a familiar program; retype it with plain ASCII.`, c));
    }

    // eval / source / . of something not literal.
    if ((name === "eval" || name === "source" || name === ".") && (c.unresolved || c.args.some((a) => a.dynamic))) {
      out.push(ask("injection.eval", `\`${clip(shownOf(c))}\` runs code that is only known at run time through \`${name}\`; run the commands themselves so they can be checked.`, c));
    }

    // Text bash expands a second time: `a[$(…)]` in a value, `${!ref}`, `${ref@P}` (src/shell/deferred.ts).
    const hidden = subscriptCodeWords(c)[0];
    if (hidden) out.push(ask("injection.subscript", `\`${clip(hidden.text, 60)}\` holds a command substitution inside an array subscript; bash runs it when the text is evaluated as arithmetic or as a variable name (\`(( x ))\`, \`test -v\`, \`read\`, \`declare\`). Write the command out instead.`, c));
    const again = expandedAgain(c);
    if (again) out.push(ask("injection.indirect", `\`${clip(again.text, 60)}\` expands a variable's value a second time (\`\${!ref}\` or \`\${ref@P}\`), which runs any \`$(…)\` hidden in it; use the variable directly.`, c));

    // Command or process substitution in the words of a command that is not read-only.
    const sub = firstSubstitutionWord(c);
    if (sub && !readOnlyVerdict(c).ok) {
      const kids = ix.children.get(c.seq) ?? [];
      if (kids.length === 0 || !kids.every((k) => isDataOnly(k, ix))) {
        out.push(ask("injection.substitution", `\`${clip(shownOf(c))}\` passes the output of another command (\`${clip(sub.text, 60)}\`) to \`${name || "the shell"}\`; its result can change what runs. Run the inner command first and use its output literally.`, c));
      }
    }

    // Code on stdin: pipes, heredocs and here-strings into a shell or interpreter.
    if (readsCodeFromStdin(c) && stdinFed(c)) {
      const how = c.pipedInto ? "pipes text into" : c.stdinText !== undefined || c.stdinDynamic ? "feeds a heredoc or here-string to" : "redirects a file into";
      out.push(ask("injection.stdin-code", `\`${clip(shownOf(c))}\` ${how} \`${name}\`, which runs it as code; run the commands directly instead.`, c));
    }

    // Interpreter one-liners.
    const code = oneLiner(c);
    if (code) {
      out.push(ask("injection.one-liner", `\`${clip(shownOf(c))}\` runs inline ${name} code, which hookwarden cannot analyse; put the code in a file the user can review, or run it only if they agree.`, c));
      if (!code.dynamic && CODE_EXEC.test(code.value) && CODE_FETCH.test(code.value)) {
        out.push(deny("injection.remote-exec", `\`${clip(shownOf(c))}\` fetches code from the network and runs it inside ${name} (remote→exec), which hookwarden blocks. Download it to a file and let the user review it first.`, c));
      } else if (!code.dynamic && CODE_EXEC.test(code.value) && CODE_DECODE.test(code.value)) {
        out.push(deny("injection.decode-exec", `\`${clip(shownOf(c))}\` decodes hidden code and runs it inside ${name} (decode→exec), which hookwarden blocks. Write out the code it runs so it can be checked.`, c));
      }
    }
    const awk = awkSignal(c);
    if (awk) out.push(ask("injection.awk", `\`${clip(shownOf(c))}\` ${awk}; run the command it wraps directly instead.`, c));

    // Assignments that change what later commands run or load.
    const danger = c.assignments.find(setsDangerousVariable)?.name ?? dangerousVariableSet(name, c.args);
    if (danger) out.push(ask("injection.assignment", `\`${clip(shownOf(c))}\` sets ${danger}, which changes which programs run or what they load; confirm it only if that is what you want.`, c));
    const unnamed = runtimeNamedOperand(name, c.args);
    if (unnamed) out.push(ask("injection.assignment", `\`${clip(shownOf(c))}\` sets a variable whose name is only known at run time (\`${clip(unnamed.text, 60)}\`), which could be PATH or another that changes what runs; write the name out.`, c));
    if (declaresNameref(name, c.args)) out.push(ask("injection.nameref", `\`${clip(shownOf(c))}\` makes a name refer to another variable, so a later assignment can set PATH or another that changes what runs; assign the variable directly.`, c));

    // Aliases, traps, key bindings, function definitions.
    const alias = aliasSignal(c);
    if (alias) out.push(ask("injection.alias", `\`${clip(shownOf(c))}\` ${alias}, so later commands may not be what they look like.`, c));
    if (!functionReported && c.position.includes("function")) {
      functionReported = true;
      out.push(ask("injection.function", "The command defines a shell function, which can shadow a program name so a later command runs something else; run the commands directly instead.", c));
    }
    if (name === "git") {
      const cfg = gitConfigSignal(c);
      if (cfg) out.push(ask("injection.git-config", `\`${clip(shownOf(c))}\` sets the git option ${cfg} for this call, which makes git run another program; confirm it only if you expect that.`, c));
    }

    // decode→exec and remote→exec: what feeds a code runner's code.
    // A dynamic name behind xargs / find -exec is filled from the input: `curl x | xargs -I{} sh -c '{}'`.
    const viaEach = c.wrappers?.some((w) => w.kind === "each") ?? false;
    const isSink = SHELLS.has(name) || interpreterOf(name) !== undefined || name === "eval" || name === "source" || name === "." || (c.name.kind === "dynamic" && viaEach);
    if (isSink) {
      const feeders = [...descendants(c, ix)];
      if ((c.pipedInto && (readsCodeFromStdin(c) || viaEach || name === "eval")) || viaEach) feeders.push(...upstream(c, ix));
      if (c.pipedInto && c.position.includes("<(…)") && c.host !== undefined) {
        const host = ix.bySeq(c.host);
        if (host) feeders.push(host, ...upstream(host, ix));
      }
      const f = execChain(c, feeders, shownOf(c));
      if (f) out.push(f);
    }
  }
  // A shell we parsed code for (`bash <<EOF`, `echo … | sh`) whose parsed commands include the feeder: the shell
  // itself carries the finding above. Commands reached through `… | xargs sh -c` are covered by `viaEach`.
  return dedupe(out);
}

/** `\rm` (alias bypass) and `"rm"` / `'rm'` read as what they are; anything else that differs hides the name. */
function isObfuscated(text: string, value: string): boolean {
  if (text === value || text === `\\${value}`) return false;
  if (text.length === value.length + 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0]) && text.slice(1, -1) === value) return false;
  return true;
}

const GIT_RUNS_PROGRAM = /^(alias\.[^=]*=\s*!|core\.(pager|editor|sshcommand|fsmonitor|hookspath|askpass|gitproxy|attributesfile)|diff\.[^=]*\.(command|textconv)|diff\.external|filter\.|merge\.[^=]*\.driver|credential\.|gpg\.[^=]*program|gpg\.program|sequence\.editor|pager\.|uploadpack\.|receivepack\.|remote\.[^=]*\.(uploadpack|receivepack|proxy)|protocol\.|http\.proxy|include\.|includeif\.)/i;

function gitConfigSignal(c: ShellCommand): string | undefined {
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (a.value === "-c" || a.value === "--config-env") {
      const v = c.args[i + 1];
      if (!v) return undefined;
      if (v.dynamic) return `\`${v.text}\``;
      if (GIT_RUNS_PROGRAM.test(v.value)) return `\`${v.value.split("=")[0]}\``;
      i++;
      continue;
    }
    if (!a.value.startsWith("-")) break; // the subcommand: global options end here
  }
  return undefined;
}

function shownOf(c: ShellCommand): string {
  const outer = c.wrappers?.[0];
  if (outer) return outer.argv.map((w) => w.text).join(" ");
  const head = c.nameText ?? (c.name.kind === "literal" ? c.program ?? c.name.value : c.name.text);
  return [head, ...c.args.map((a) => a.text)].join(" ");
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}\u0000${f.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
