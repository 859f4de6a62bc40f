// Injection: signals that a command hides what it runs (DESIGN.md) → ask, even when allowlisted; decode→exec and
// remote→exec → deny (injection-exec.ts, over what code-feed.ts finds feeding a command's code). Works on the model
// only; the Unicode scan of the raw text is src/shell/unicode.ts.
// Does not own: which programs are blocked (blocklist.ts), unparsable commands (bash.ts asks).
import type { Context } from "../context-types.js";
import { resolveLong, unresolvedLong } from "../shell/long-options.js";
import type { ShellCommand, Word } from "../shell/model.js";
import { GNU_LONG_OPTIONS } from "../shell/program-options.js";
import { AWKS, dangerousVariableSet, isDangerousVariable } from "../shell/programs.js";
import { codePointLabel, type UnicodeHit } from "../shell/unicode.js";
import { declaresNameref, runtimeNamedOperand } from "../shell/declarations.js";
import { subscriptCodeWords } from "../shell/deferred.js";
import { table } from "../table.js";
import type { Finding, RuleId } from "../types.js";
import { readOnlyVerdict } from "./readonly.js";
import { shownCommand } from "./allowlist.js";
import { indexCommands, nameOf, oneLiner, readsCodeFromStdin, stdinFed, type Index } from "./code-feed.js";
import { decodesOrFetches, execFindings } from "./injection-exec.js";

const ask = (rule: RuleId, reason: string, cmd?: ShellCommand): Finding => ({ severity: "ask", rule, layer: "builtin", reason, ...(cmd ? { span: cmd.span } : {}) });
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

/** awk program text that runs commands or writes files. The text is the first operand, or every `-e`/`--source`
 *  value (gawk, whose long options may be abbreviated: `--sou=…`); `-f`/`-E`/`-i`/`-l` take it from files. */
function awkSignal(c: ShellCommand): string | undefined {
  if (!AWKS.has(nameOf(c))) return undefined;
  const texts: Word[] = [];
  let operand: Word | undefined;
  for (let i = 0; i < c.args.length && operand === undefined; i++) {
    const a = c.args[i]!;
    const v = a.value;
    if (a.dynamic || !v.startsWith("-") || v === "-") operand = a;
    else if (v === "--") operand = c.args[i + 1];
    else if (v.startsWith("--")) {
      const m = resolveLong(v, GNU_LONG_OPTIONS.gawk!);
      if (!m.ok) return `passes awk an option it cannot read (${unresolvedLong("awk", m)})`;
      const letter = AWK_LONG_LETTER[m.name];
      const value = m.inline !== undefined || m.arity !== "value" ? m.inline : c.args[++i]?.value;
      if (letter === "e" && value !== undefined) texts.push(m.inline !== undefined ? { ...a, value } : c.args[i]!);
      else if (letter !== undefined && AWK_FROM_FILE.includes(letter)) return "runs an awk program from a file";
    } else {
      for (let k = 1; k < v.length; k++) {
        const ch = v[k]!;
        if (AWK_FROM_FILE.includes(ch)) return "runs an awk program from a file";
        if (ch === "W") return "passes awk a `-W` option, which can name a program or a file";
        if (ch === "e" || ch === "v" || ch === "F") {
          const rest = v.slice(k + 1);
          const value = rest ? { ...a, value: rest } : c.args[++i];
          if (ch === "e" && value) texts.push(value);
          break;
        }
        if (AWK_OPTIONAL.includes(ch)) break; // -d[FILE], -L[fatal]…: the rest is its value
      }
    }
  }
  if (texts.length === 0 && operand) texts.push(operand);
  for (const program of texts) {
    if (program.dynamic) return "runs an awk program that is only known at run time";
    if (/\bsystem\s*\(/.test(program.value)) return "calls system() from awk";
    if (/[^|]\|[^|]|^\|/.test(program.value)) return "pipes to or from a command inside awk";
    if (/\bprintf?\b[^;}]*>/.test(program.value)) return "writes a file from awk";
  }
  return undefined;
}

/** gawk's long options by the letter they stand for, where the letter matters here. */
const AWK_LONG_LETTER: Readonly<Record<string, string>> = table({ "--source": "e", "--file": "f", "--exec": "E", "--include": "i", "--load": "l" });
/** Program text (or an extension) from a file: -f FILE, -E FILE, -i LIB, -l EXT. */
const AWK_FROM_FILE = "fEil";
const AWK_OPTIONAL = "dDLopT";

export function checkInjection(commands: readonly ShellCommand[], _ctx: Context): Finding[] {
  const out: Finding[] = [];
  const ix = indexCommands(commands, decodesOrFetches);
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
      out.push(ask("injection.eval", `\`${clip(shownCommand(c))}\` runs code that is only known at run time through \`${name}\`; run the commands themselves so they can be checked.`, c));
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
        out.push(ask("injection.substitution", `\`${clip(shownCommand(c))}\` passes the output of another command (\`${clip(sub.text, 60)}\`) to \`${name || "the shell"}\`; its result can change what runs. Run the inner command first and use its output literally.`, c));
      }
    }

    // Code on stdin: pipes, heredocs and here-strings into a shell or interpreter.
    if (readsCodeFromStdin(c) && stdinFed(c)) {
      const how = c.pipedInto ? "pipes text into" : c.stdinText !== undefined || c.stdinDynamic ? "feeds a heredoc or here-string to" : "redirects a file into";
      out.push(ask("injection.stdin-code", `\`${clip(shownCommand(c))}\` ${how} \`${name}\`, which runs it as code; run the commands directly instead.`, c));
    }

    // Interpreter one-liners.
    if (oneLiner(c)) out.push(ask("injection.one-liner", `\`${clip(shownCommand(c))}\` runs inline ${name} code, which hookwarden cannot analyse; put the code in a file the user can review, or run it only if they agree.`, c));
    const awk = awkSignal(c);
    if (awk) out.push(ask("injection.awk", `\`${clip(shownCommand(c))}\` ${awk}; run the command it wraps directly instead.`, c));

    // Assignments that change what later commands run or load.
    const danger = c.assignments.find(setsDangerousVariable)?.name ?? dangerousVariableSet(name, c.args);
    if (danger) out.push(ask("injection.assignment", `\`${clip(shownCommand(c))}\` sets ${danger}, which changes which programs run or what they load; confirm it only if that is what you want.`, c));
    const unnamed = runtimeNamedOperand(name, c.args);
    if (unnamed) out.push(ask("injection.assignment", `\`${clip(shownCommand(c))}\` sets a variable whose name is only known at run time (\`${clip(unnamed.text, 60)}\`), which could be PATH or another that changes what runs; write the name out.`, c));
    if (declaresNameref(name, c.args)) out.push(ask("injection.nameref", `\`${clip(shownCommand(c))}\` makes a name refer to another variable, so a later assignment can set PATH or another that changes what runs; assign the variable directly.`, c));

    // Aliases, traps, key bindings, function definitions.
    const alias = aliasSignal(c);
    if (alias) out.push(ask("injection.alias", `\`${clip(shownCommand(c))}\` ${alias}, so later commands may not be what they look like.`, c));
    if (!functionReported && c.position.includes("function")) {
      functionReported = true;
      out.push(ask("injection.function", "The command defines a shell function, which can shadow a program name so a later command runs something else; run the commands directly instead.", c));
    }
    if (name === "git") {
      const cfg = gitConfigSignal(c);
      if (cfg) out.push(ask("injection.git-config", `\`${clip(shownCommand(c))}\` sets the git option ${cfg} for this call, which makes git run another program; confirm it only if you expect that.`, c));
    }

    // decode→exec and remote→exec: deny (injection-exec.ts).
    out.push(...execFindings(c, ix));
  }
  // A shell we parsed code for (`bash <<EOF`, `echo … | sh`) whose parsed commands include the feeder: the shell
  // itself carries the finding above. Commands reached through `… | xargs sh -c` are covered in injection-exec.ts.
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

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}\u0000${f.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
