// One unbash simple command → model commands: words after quote removal and brace expansion, assignments,
// redirections (own and inherited), stdin text, and the unwrapping loop that follows wrappers and queues code
// strings for the walk to parse. Also the synthetic `[[`/`((` commands and the redirect/heredoc helpers.
import { forEachChild, type Command, type HereDoc, type Redirection, type SyntaxNode, type Word as UWord } from "unbash";
import type { Name, Redirect, ShellCommand, Word, WordFeature, Wrapper } from "./model.js";
import { MAX_WRAPPERS } from "./parse.js";
import { literalName, toWord, literalWord } from "./words.js";
import { isWrapper, unwrapStep, type StdinInfo } from "./unwrap.js";
import { literalOutput, programName } from "./programs.js";
import { expandBraces } from "./braces.js";
import { enterChildShell, Failure, type Assign, type Frame, type Item, type Mutable, type StdinFeed } from "./frame.js";
import { DECLARATIONS, operandAssignment } from "./declarations.js";
import { hasSubscriptCode } from "./deferred.js";
import type { Span } from "../types.js";

const EMPTY_NAME: Name = { kind: "literal", value: "" };
const NO_ASSIGNMENTS: Assign[] = [];
const HEREDOC_OPS = new Set(["<<", "<<-", "<<<"]);
/** Code runners that run their code in the current shell: `eval "cd .."` moves it. Other code runs in a child. */
const SAME_SHELL = new Set(["eval", "source", "."]);

/** The parts of a command's words, assignments and redirections that can hold a substitution, in source order.
 *  Plain words have no parts: skipping them keeps the walk proportional to what can run. Most commands have none, and
 *  then share one empty list (no closures or arrays per command: a 100 KB command has thousands). */
export function expandingParts(node: Command): readonly SyntaxNode[] {
  let out: SyntaxNode[] | undefined;
  const prefix = node.prefix;
  for (let i = 0; i < prefix.length; i++) out = visitPart(prefix[i]!, out);
  if (node.name?.parts) (out ??= []).push(node.name);
  const suffix = node.suffix;
  for (let i = 0; i < suffix.length; i++) out = visitPart(suffix[i]!, out);
  return out ?? NO_PARTS;
}

const NO_PARTS: readonly SyntaxNode[] = [];

function visitPart(x: Command["prefix"][number] | Command["suffix"][number], out: SyntaxNode[] | undefined): SyntaxNode[] | undefined {
  switch (x.type) {
    case "Word":
      if (x.parts) (out ??= []).push(x);
      return out;
    case "Assignment":
      if (x.value.type === "ArrayValue") {
        for (const e of x.value.elements) if (e.parts) (out ??= []).push(e);
      } else if (x.value.parts) (out ??= []).push(x.value);
      if (x.index?.parts) (out ??= []).push(x.index);
      return out;
    case "HereDoc":
      if (x.body.parts) (out ??= []).push(x.body);
      return out;
    default:
      if (x.target?.parts) (out ??= []).push(x.target);
      return out;
  }
}

const NO_REDIRECTIONS: readonly Redirection[] = [];

/** The command's own redirections. unbash makes the list on first access; most commands have none, and then none
 *  is made. */
function ownRedirects(node: Command): readonly Redirection[] {
  for (const x of node.prefix) if (x.type !== "Assignment") return node.redirects;
  for (const x of node.suffix) if (x.type !== "Word" && x.type !== "Assignment") return node.redirects;
  return NO_REDIRECTIONS;
}

export function spanOf(node: { pos: number; end: number }, frame: Frame): Span {
  return frame.span ?? { pos: node.pos, end: node.end };
}

export function toRedirect(r: Redirection): Redirect {
  const fd = r.descriptor?.type === "FileDescriptor" ? r.descriptor.value : undefined;
  if (r.type === "HereDoc") {
    const d = r.delimiter;
    return { op: r.operator, ...(fd !== undefined ? { fd } : {}), target: literalWord(d?.value ?? "", d?.text ?? "") };
  }
  return { op: r.operator, ...(fd !== undefined ? { fd } : {}), target: r.target ? toWord(r.target) : literalWord("") };
}

/** Unquoted heredoc bodies keep `\$`, `` \` ``, `\\` and backslash-newline escapes in `text`. */
function unescapeHeredoc(text: string): string {
  return text.replace(/\\([$`\\]|\n)/g, (_, c: string) => (c === "\n" ? "" : c));
}

function heredocFeed(h: HereDoc): StdinFeed {
  const raw = h.body.text;
  if (h.delimiter?.quoted) return { text: raw, code: raw, dynamic: false };
  const parts = h.body.parts;
  if (!parts || parts.every((p) => p.type === "Literal")) {
    const text = parts ? parts.map((p) => (p.type === "Literal" ? p.value : "")).join("") : unescapeHeredoc(raw);
    return { text, code: text, dynamic: false };
  }
  return { code: raw, dynamic: true };
}

/** The last heredoc or here-string of a command feeds its stdin. */
export function stdinOf(redirects: readonly Redirection[]): StdinFeed | undefined {
  let feed: StdinFeed | undefined;
  for (const r of redirects) {
    if (r.type === "HereDoc" && (r.descriptor === undefined || (r.descriptor.type === "FileDescriptor" && r.descriptor.value === 0))) feed = heredocFeed(r);
    else if (r.type === "HereString" && r.target && (r.descriptor === undefined || (r.descriptor.type === "FileDescriptor" && r.descriptor.value === 0))) {
      const w = toWord(r.target);
      feed = w.dynamic ? { code: w.value, dynamic: true } : { text: `${w.value}\n`, code: w.value, dynamic: false };
    } else if (r.type === "Redirect" && r.operator === "<" && (r.descriptor === undefined || (r.descriptor.type === "FileDescriptor" && r.descriptor.value === 0))) {
      feed = { dynamic: true }; // a file: its content is unknown to us
    }
  }
  return feed;
}

function assignmentOf(a: { name: string; value: UWord | { type: "ArrayValue"; elements: readonly UWord[]; pos: number; end: number } }, text: string): Assign {
  if (a.value.type === "ArrayValue") {
    const elements = a.value.elements.map(toWord);
    const dynamic = elements.some((e) => e.dynamic);
    const value = `(${elements.map((e) => e.value).join(" ")})`;
    if (!dynamic) return { name: a.name, value: literalWord(value, text) };
    // The elements' features stay visible on the array: `("${!r}")` is indirect, `('a[$(id)]' $y)` hides code.
    const features = new Set<WordFeature>(["parameter"]);
    for (const e of elements) {
      if (e.dynamic) for (const f of e.features ?? []) features.add(f);
      else if (hasSubscriptCode(e.value)) features.add("subscript");
    }
    return { name: a.name, value: { value, text, dynamic: true, features: [...features], literalPrefix: "" } };
  }
  return { name: a.name, value: toWord(a.value) };
}

interface Pending {
  readonly argv: readonly Word[];
  readonly assignments: readonly Assign[];
  readonly via: readonly string[];
  readonly wrappers: readonly Wrapper[];
}

/** A plain brace word (`{curl,x}`, `/etc/{a,b}`) becomes the literal words bash makes of it; the source text stays
 *  on each, so a hidden name still reads as obfuscated. */
function pushExpanded(argv: Word[], w: Word): void {
  if (w.dynamic && w.features?.length === 1 && w.features[0] === "brace") {
    const words = expandBraces(w.text);
    if (words) {
      for (const value of words) argv.push({ value, text: w.text, dynamic: false });
      return;
    }
  }
  argv.push(w);
}

/** What every command emitted for one unbash Command shares. */
interface Shared {
  readonly frame: Frame;
  readonly redirects: readonly Redirect[];
  readonly feed: StdinFeed | undefined;
  readonly span: Span;
}

/** The fields nearly every command uses in one literal (pipes and host undefined when absent), the rare ones added
 *  after it in one order: few object shapes keep the checks fast, and the common command is one small allocation (a
 *  long command has thousands; a field added later needs a second store). */
function pushCommand(out: ShellCommand[], sh: Shared, argv: readonly Word[], assignments: readonly Assign[], via: readonly string[], wrappers: readonly Wrapper[], unresolved?: string): void {
  const first = argv[0];
  const { frame, feed } = sh;
  const cmd: Mutable<ShellCommand> = {
    name: EMPTY_NAME,
    args: argv.slice(1),
    assignments: frame.env.length ? [...frame.env, ...assignments] : assignments,
    redirects: sh.redirects,
    via,
    position: frame.position,
    seq: out.length,
    shells: frame.shells,
    pipedInto: frame.pipedInto,
    span: sh.span,
    pipes: frame.pipes.length ? frame.pipes : undefined,
    host: frame.host,
  };
  if (first) {
    if (first.dynamic) cmd.name = { kind: "dynamic", text: first.text };
    else {
      const name = programName(first.value);
      cmd.name = literalName(name);
      if (name !== first.value) cmd.program = first.value;
    }
    if (first.text !== first.value) cmd.nameText = first.text;
  }
  if (feed?.text !== undefined) cmd.stdinText = feed.text;
  if (feed?.dynamic) cmd.stdinDynamic = true;
  if (wrappers.length) cmd.wrappers = wrappers;
  if (unresolved) cmd.unresolved = unresolved;
  out.push(cmd);
}

export function emitCommand(node: Command, frame: Frame, out: ShellCommand[], stack: Item[]): void {
  const argv: Word[] = [];
  let assignments: Assign[] = NO_ASSIGNMENTS;
  for (const p of node.prefix) {
    if (p.type !== "Assignment") continue;
    if (assignments === NO_ASSIGNMENTS) assignments = [];
    assignments.push(assignmentOf(p, p.text));
  }
  const first = node.name ? toWord(node.name) : undefined;
  if (first) pushExpanded(argv, first);
  const nameWord = argv[0];
  const declaration = nameWord !== undefined && !nameWord.dynamic && DECLARATIONS.has(nameWord.value);
  for (const a of node.args) {
    if (a.type === "Assignment") {
      const as = assignmentOf(a, a.text);
      if (declaration) {
        if (assignments === NO_ASSIGNMENTS) assignments = [];
        assignments.push(as);
      }
      const v = as.value;
      argv.push(v.dynamic ? { value: `${a.name}=${v.value}`, text: a.text, dynamic: true, features: v.features ?? ["parameter"], literalPrefix: `${a.name}=${v.literalPrefix ?? ""}` } : { value: `${a.name}=${v.value}`, text: a.text, dynamic: false });
      continue;
    }
    const from = argv.length;
    pushExpanded(argv, toWord(a));
    // `export "PATH=x"`, `export PA\TH=x`: not assignment words to the parser, assignments all the same.
    for (let i = from; declaration && i < argv.length; i++) {
      const as = operandAssignment(argv[i]!);
      if (!as) continue;
      if (assignments === NO_ASSIGNMENTS) assignments = [];
      assignments.push(as);
    }
  }
  const own = ownRedirects(node);
  const redirects = own.length === 0 ? frame.inherited : frame.inherited.length === 0 ? own.map(toRedirect) : [...own.map(toRedirect), ...frame.inherited];
  const feed = (own.length ? stdinOf(own) : undefined) ?? frame.inheritedStdin;
  const sh: Shared = { frame, redirects, feed, span: spanOf(node, frame) };

  // Fast path: not a wrapper (most commands).
  if (!nameWord || nameWord.dynamic) {
    pushCommand(out, sh, argv, assignments, frame.via, frame.wrappers);
    return;
  }
  if (!isWrapper(programName(nameWord.value))) {
    pushCommand(out, sh, argv, assignments, frame.via, frame.wrappers);
    return;
  }
  const piped = feed === undefined ? upstreamText(frame, out) : undefined;
  const code = feed?.code ?? piped;
  const stdin: StdinInfo = code !== undefined ? { text: code, fed: true } : { fed: frame.pipedInto || feed !== undefined };
  const work: Pending[] = [{ argv, assignments, via: frame.via, wrappers: frame.wrappers }];
  let codeJobs: Item[] | undefined;
  while (work.length > 0) {
    const p = work.pop()!;
    const first = p.argv[0];
    if (!first || first.dynamic) {
      pushCommand(out, sh, p.argv, p.assignments, p.via, p.wrappers);
      continue;
    }
    if (p.wrappers.length - frame.wrappers.length > MAX_WRAPPERS) throw new Failure(`more than ${MAX_WRAPPERS} wrappers in front of one command`);
    const name = programName(first.value);
    const step = unwrapStep(name, p.argv.slice(1), stdin);
    if (step.kind === "self") {
      pushCommand(out, sh, p.argv, p.assignments, p.via, p.wrappers);
      continue;
    }
    if (step.kind === "unresolved") {
      pushCommand(out, sh, p.argv, p.assignments, p.via, p.wrappers, step.reason);
      continue;
    }
    let selfEmitted = step.keepSelf;
    if (step.keepSelf) pushCommand(out, sh, p.argv, p.assignments, p.via, p.wrappers);
    const later: Pending[] = [];
    for (const child of step.children) {
      let wrapper: Wrapper = step.privileged ? { name, argv: p.argv, kind: child.wrapper, privileged: true } : { name, argv: p.argv, kind: child.wrapper };
      if (child.kind === "argv" && child.chdir) wrapper = { ...wrapper, chdir: child.chdir };
      if (child.kind === "argv") {
        later.push({ argv: child.argv, assignments: child.assignments ? [...p.assignments, ...child.assignments] : p.assignments, via: [...p.via, child.via], wrappers: [...p.wrappers, wrapper] });
        continue;
      }
      if (child.code.dynamic && !selfEmitted) {
        pushCommand(out, sh, p.argv, p.assignments, p.via, p.wrappers, `${child.via} runs code that is only known at run time (\`${child.code.text}\`)`);
        selfEmitted = true;
      }
      // Dynamic code is still read as written (`eval "curl $URL"` → `curl $URL`) so what it names is seen too.
      const stdinChild = child.wrapper === "stdin";
      const codeFrame: Frame = {
        ...frame,
        via: [...p.via, child.via],
        wrappers: [...p.wrappers, wrapper],
        depth: frame.depth + 1,
        span: sh.span,
        // The wrapper's redirections are the code's: `sh -c 'ls' > out` writes `out`. A shell reading its code from
        // a heredoc consumed that heredoc; its other redirections still apply.
        inherited: stdinChild ? sh.redirects.filter((r) => !HEREDOC_OPS.has(r.op)) : sh.redirects,
        inheritedStdin: stdinChild ? undefined : sh.feed,
        pipedInto: stdinChild ? false : frame.pipedInto,
        env: p.assignments.length ? [...frame.env, ...p.assignments] : frame.env,
      };
      const cf = SAME_SHELL.has(name) ? codeFrame : enterChildShell(codeFrame);
      (codeJobs ??= []).push(child.code.dynamic ? { source: child.code.value, frame: cf, bestEffort: true } : { source: child.code.value, frame: cf });
    }
    for (let i = later.length - 1; i >= 0; i--) work.push(later[i]!);
  }
  // Code strings are parsed next, before the rest of the source: `eval "cd /x"; rm y` keeps its order.
  if (codeJobs) for (let i = codeJobs.length - 1; i >= 0; i--) stack.push(codeJobs[i]!);
}

/** The literal text the previous stage of our pipeline writes, when that stage is one data-only command
 *  (`echo 'curl x' | sh`, `cat <<EOF | bash`). Looks back a bounded number of commands: linear overall. */
function upstreamText(frame: Frame, out: readonly ShellCommand[]): string | undefined {
  const me = frame.pipes[frame.pipes.length - 1];
  if (!me || me.stage === 0 || !frame.pipedInto) return undefined;
  let found: ShellCommand | undefined;
  for (let i = out.length - 1, n = 0; i >= 0 && n < 64; i--, n++) {
    const c = out[i]!;
    const p = c.pipes?.[c.pipes.length - 1];
    if (!p || p.id !== me.id) {
      if (found) break;
      continue;
    }
    if (p.stage < me.stage - 1) break;
    if (p.stage !== me.stage - 1) continue;
    if (found || c.position.length !== frame.position.length || c.name.kind !== "literal") return undefined; // more than one command
    found = c;
  }
  if (!found || found.name.kind !== "literal" || found.via.length) return undefined;
  return literalOutput(found.name.value, found.args, found.stdinText);
}

export function syntheticCommand(name: "[[" | "((", node: SyntaxNode & { pos: number; end: number }, frame: Frame, seq: number): ShellCommand {
  const args: Word[] = node.type === "TestCommand" ? [] : arithmeticWords(node);
  if (node.type === "TestCommand") {
    const words: SyntaxNode[] = [node.expression];
    // Collect the test's words in order with an explicit stack.
    const found: Word[] = [];
    while (words.length) {
      const n = words.pop()!;
      if (n.type === "Word") {
        found.push(toWord(n));
        continue;
      }
      const kids: SyntaxNode[] = [];
      forEachChild(n, (c) => kids.push(c));
      for (let i = kids.length - 1; i >= 0; i--) words.push(kids[i]!);
    }
    args.push(...found);
  }
  return {
    name: { kind: "literal", value: name },
    args,
    assignments: [],
    redirects: frame.inherited,
    via: frame.via,
    position: frame.position,
    seq,
    shells: frame.shells,
    pipedInto: frame.pipedInto,
    span: spanOf(node, frame),
    synthetic: true,
    ...(frame.pipes.length ? { pipes: frame.pipes } : {}),
    ...(frame.host !== undefined ? { host: frame.host } : {}),
    ...(frame.wrappers.length ? { wrappers: frame.wrappers } : {}),
  };
}

/** The words of `(( … ))` / `for (( … ))` that unbash reads as expansions (`${!ref}`, `${#a[@]}`), in source order;
 *  `$(…)` inside them is walked as commands, not read from here. */
function arithmeticWords(node: SyntaxNode): Word[] {
  const out: Word[] = [];
  // A for loop's body is not arithmetic: only its three expressions are.
  const stack: SyntaxNode[] = node.type === "ArithmeticFor" ? [node.update, node.test, node.initialize].filter((e) => e !== undefined) : [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "ArithmeticWord") {
      if (n.parts) out.push(toWord({ text: n.value, value: n.value, parts: n.parts }));
      continue;
    }
    if (n.type === "ArithmeticCommandExpansion") continue;
    const kids: SyntaxNode[] = [];
    forEachChild(n, (c) => kids.push(c));
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
