// Plain-English description of what a command does, built from the command model: "runs the package's test
// script, then downloads `https://example.org/x.sh` and pipes it into a shell". Phrases: programs.ts.
import type { ShellCommand } from "../shell/model.js";
import { analyseShell } from "../shell/analyse.js";
import { interpreterOf, SHELLS } from "../shell/programs.js";
import { SUBSCRIPT_VIA } from "../shell/deferred.js";
import { PHRASES } from "./programs.js";

const MAX_ITEMS = 8;

function shown(cmd: ShellCommand): string {
  const head = cmd.name.kind === "literal" ? cmd.program ?? cmd.name.value : cmd.name.text;
  const text = [head, ...cmd.args.map((a) => a.text)].join(" ");
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

const WRITE_OPS = new Set([">", ">|", "&>"]);
const APPEND_OPS = new Set([">>", "&>>"]);

/** One simple command, as a verb phrase. */
export function describeCommand(cmd: ShellCommand): string {
  let phrase: string;
  if (cmd.name.kind === "dynamic") phrase = `runs a program whose name is only known at run time (\`${cmd.name.text}\`)`;
  else if (cmd.name.value === "") {
    phrase = cmd.assignments.length ? `sets ${cmd.assignments.map((a) => a.name).join(", ")}` : "opens files";
  } else {
    const p = PHRASES[cmd.name.value]?.(cmd.args);
    phrase = p ?? `runs \`${shown(cmd)}\``;
  }
  const privileged = cmd.wrappers?.find((w) => w.privileged);
  if (privileged) phrase += ` as another user (through \`${privileged.name}\`)`;
  for (const r of cmd.redirects) {
    if (WRITE_OPS.has(r.op) && r.target.value !== "/dev/null") phrase += ` and writes the output to \`${r.target.text}\``;
    else if (APPEND_OPS.has(r.op) && r.target.value !== "/dev/null") phrase += ` and appends the output to \`${r.target.text}\``;
  }
  const hidden = cmd.via.includes(SUBSCRIPT_VIA);
  if (hidden) phrase += " (hidden in an array subscript, which bash runs when it evaluates the text as arithmetic)";
  else if (cmd.position.includes("$(…)")) phrase += " (inside a command substitution)";
  if (cmd.position.includes("<(…)")) phrase += " (inside a process substitution)";
  if (cmd.position.includes("function")) phrase += " (in a function definition)";
  const codeVia = cmd.via.filter((v) => / -c$|^eval$|stdin$|-S$/.test(v));
  if (codeVia.length) phrase += ` (as code run by \`${codeVia[codeVia.length - 1]}\`)`;
  return phrase;
}

function isCodeFromStdin(cmd: ShellCommand): boolean {
  const name = cmd.name.kind === "literal" ? cmd.name.value : "";
  return (SHELLS.has(name) || interpreterOf(name) !== undefined) && !cmd.args.some((a) => !a.value.startsWith("-"));
}

/** The heredoc that stands for hidden subscript text (src/shell/deferred.ts): its commands are described, not it. */
function isSubscriptCarrier(cmd: ShellCommand): boolean {
  return cmd.name.kind === "literal" && cmd.name.value === "" && cmd.assignments.length === 0 && cmd.via[cmd.via.length - 1] === SUBSCRIPT_VIA;
}

/** Every command of a call, in order: "A, then B and pipes it into a shell". */
export function describeCommands(commands: readonly ShellCommand[]): string {
  if (commands.length === 0) return "does nothing";
  const items: string[] = [];
  let prev: ShellCommand | undefined;
  let done = 0;
  for (const cmd of commands) {
    if (items.length >= MAX_ITEMS) break;
    done++;
    if (isSubscriptCarrier(cmd)) continue;
    const ref = cmd.pipes?.[cmd.pipes.length - 1];
    const prevRef = prev?.pipes?.[prev.pipes.length - 1];
    const piped = ref && prevRef && ref.id === prevRef.id && ref.stage === prevRef.stage + 1;
    if (piped && items.length) {
      items[items.length - 1] += isCodeFromStdin(cmd) ? " and pipes it into a shell, which runs it as code" : `, piped into \`${shown(cmd)}\``;
    } else items.push(describeCommand(cmd));
    prev = cmd;
  }
  let text = items.join(", then ");
  if (done < commands.length) text += `, and more (${commands.length} commands in all)`;
  return text;
}

/** Describe a command string; says so when it cannot be analysed. */
export function describeShell(source: string): string {
  const a = analyseShell(source);
  return a.ok ? describeCommands(a.commands) : `cannot be analysed: ${a.reason}`;
}
