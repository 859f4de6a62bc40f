// analyseShell: a command string → every simple command it would run, as model data. An explicit-stack walk of the
// unbash tree (no recursion: deep nesting gives a clean "not ok", not a stack overflow), with wrappers unwrapped and
// code-in-strings (`sh -c`, `eval`, `watch`, shells fed a heredoc) re-parsed on the same stack, depth-capped.
// Simple commands become model data in emit.ts. Does not judge anything: checks in src/checks/ do.
import { forEachChild, type SyntaxNode } from "unbash";
import type { Position, ShellCommand } from "./model.js";
import { MAX_COMMANDS, MAX_REPARSE_DEPTH, parseSource, scriptError } from "./parse.js";
import { emitCommand, expandingParts, spanOf, stdinOf, syntheticCommand, toRedirect } from "./emit.js";
import { childShells, Failure, enterChildShell, resetShellIds, ROOT, type Frame, type Item } from "./frame.js";
import { withSharedWords } from "./words.js";
import { SUBSCRIPT_VIA, subscriptCodeWords, subscriptSource } from "./deferred.js";

export type ShellAnalysis = { readonly ok: true; readonly commands: ShellCommand[] } | { readonly ok: false; readonly reason: string };

export function analyseShell(source: string): ShellAnalysis {
  const stack = startWalk(source);
  if (!Array.isArray(stack)) return stack;
  resetShellIds();
  try {
    return { ok: true, commands: withSharedWords(() => walk(stack)) };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, reason: error.message };
    // unbash parses parts lazily: a deep tree can still throw here. Any surprise is a "can't see through" → ask.
    return { ok: false, reason: `shell analysis failed (${error instanceof RangeError ? "nesting too deep" : String(error)})` };
  }
}

/** Pipelines longer than this are walked stage by stage (PipelineRest) instead of pushing every stage at once. */
const LONG_PIPELINE = 16;

/** The frame of stage `i` of pipeline `id` (each stage is a child shell): every field written out, so all frames
 *  share one shape. */
function stageFrame(frame: Frame, position: readonly Position[], id: number, i: number): Frame {
  return {
    position,
    pipes: frame.pipes.length === 0 ? [{ id, stage: i }] : frame.pipes.concat({ id, stage: i }),
    pipedInto: frame.pipedInto || i > 0,
    host: frame.host,
    via: frame.via,
    wrappers: frame.wrappers,
    inherited: frame.inherited,
    inheritedStdin: frame.inheritedStdin,
    depth: frame.depth,
    span: frame.span,
    shells: childShells(frame.shells),
    env: frame.env,
  };
}

/** The walk's stack, holding the parsed script; nothing else keeps the tree, so the parts already walked can be
 *  collected while the rest is (a 100 KB command's tree is as large as its model). */
function startWalk(source: string): Item[] | { readonly ok: false; readonly reason: string } {
  const parsed = parseSource(source);
  return parsed.ok ? [{ node: parsed.script, frame: ROOT }] : parsed;
}

function walk(stack: Item[]): ShellCommand[] {
  const out: ShellCommand[] = [];
  let pipelineIds = 0;
  const with_ = (f: Frame, p: Position, extra?: Partial<Frame>): Frame => ({ ...f, position: [...f.position, p], ...extra });
  // Frames are immutable, so one frame per (parent, position) serves every child that needs it: the thousands of
  // `a && b` lists of a long command share one "condition" frame instead of allocating one each.
  const derived = new Map<Frame, Map<Position, Frame>>();
  const at = (f: Frame, p: Position): Frame => {
    let byPosition = derived.get(f);
    if (byPosition === undefined) derived.set(f, (byPosition = new Map()));
    let child = byPosition.get(p);
    if (child === undefined) byPosition.set(p, (child = with_(f, p)));
    return child;
  };

  const pushChildren = (node: SyntaxNode, frame: Frame) => {
    const children: SyntaxNode[] = [];
    forEachChild(node, (c) => children.push(c));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, frame });
  };
  const pushList = (nodes: readonly SyntaxNode[], frame: Frame) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, frame });
  };

  while (stack.length > 0) {
    const item = stack.pop()!;
    if ("source" in item) {
      if (item.frame.depth > MAX_REPARSE_DEPTH) throw new Failure(`code is nested inside code more than ${MAX_REPARSE_DEPTH} levels deep`);
      const parsed = parseSource(item.source);
      if (!parsed.ok) {
        if (item.bestEffort) continue;
        throw new Failure(`${parsed.reason} — in code run by ${item.frame.via.join(" → ")}`);
      }
      stack.push({ node: parsed.script, frame: item.frame });
      continue;
    }
    if ("stages" in item) {
      // Stage `next` now, the rest after it (and after everything stage `next` runs).
      const { stages, next: i, id, position, frame } = item;
      const node = stages[i]!;
      stages[i] = undefined; // walked: let it go
      if (i + 1 < stages.length) stack.push({ stages, next: i + 1, id, position, frame });
      stack.push({ node, frame: stageFrame(frame, position, id, i) });
      continue;
    }
    const { node, frame } = item;
    switch (node.type) {
      case "Script": {
        const error = scriptError(node);
        if (error) throw new Failure(error);
        pushList(node.commands, frame);
        break;
      }
      case "Statement":
        stack.push({ node: node.command, frame: node.background ? enterChildShell(at(frame, "background")) : frame });
        break;
      case "AndOr":
        pushList(node.commands, node.commands.length > 1 ? at(frame, "condition") : frame);
        break;
      case "Pipeline": {
        if (node.commands.length < 2) {
          pushList(node.commands, frame);
          break;
        }
        const id = pipelineIds++;
        const position = at(frame, "pipeline").position; // one array for every stage
        if (node.commands.length > LONG_PIPELINE) {
          stack.push({ stages: [...node.commands], next: 0, id, position, frame });
          break;
        }
        for (let i = node.commands.length - 1; i >= 0; i--) stack.push({ node: node.commands[i]!, frame: stageFrame(frame, position, id, i) });
        break;
      }
      case "Subshell":
        stack.push({ node: node.body, frame: enterChildShell(at(frame, "subshell")) });
        break;
      case "BraceGroup":
        stack.push({ node: node.body, frame: at(frame, "group") });
        break;
      case "If": {
        const items: Item[] = [{ node: node.clause, frame: at(frame, "condition") }, { node: node.then, frame }];
        for (const e of node.elif) items.push({ node: e.clause, frame: at(frame, "condition") }, { node: e.then, frame });
        if (node.else) items.push({ node: node.else, frame });
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
        break;
      }
      case "While": {
        const loop = at(frame, "loop");
        stack.push({ node: node.body, frame: loop }, { node: node.clause, frame: at(loop, "condition") });
        break;
      }
      case "For":
      case "Select":
        pushChildren(node, at(frame, "loop"));
        break;
      case "ArithmeticFor": {
        // Its three expressions are `(( … ))` commands: `for (( i = ${!r}; … ))` expands like `(( ${!r} ))`.
        const loop = at(frame, "loop");
        const seq = out.length;
        out.push(syntheticCommand("((", node, loop, seq));
        stack.push({ node: node.body, frame: loop });
        for (const e of [node.update, node.test, node.initialize]) if (e) stack.push({ node: e, frame: { ...loop, host: seq } });
        break;
      }
      case "Case":
        pushChildren(node, at(frame, "case"));
        break;
      case "Function":
        pushChildren(node, at(frame, "function"));
        break;
      case "Coproc":
        pushChildren(node, enterChildShell(at(frame, "coproc")));
        break;
      case "Redirected": {
        const redirects = node.redirects.map(toRedirect);
        const stdin = stdinOf(node.redirects) ?? frame.inheritedStdin;
        stack.push({ node: node.command, frame: { ...frame, inherited: [...redirects, ...frame.inherited], inheritedStdin: stdin } });
        for (let i = node.redirects.length - 1; i >= 0; i--) stack.push({ node: node.redirects[i]!, frame });
        break;
      }
      case "TestCommand":
      case "ArithmeticCommand": {
        const seq = out.length;
        // `((curl x))` is not arithmetic: bash rejects it, but POSIX sh (dash) runs it as nested subshells.
        const notArithmetic = node.type === "ArithmeticCommand" && node.expression?.type === "ArithmeticWord" && /[\s;|&<>]/.test(node.expression.value.trim());
        const synthetic = syntheticCommand(node.type === "TestCommand" ? "[[" : "((", node, frame, seq);
        out.push(notArithmetic ? { ...synthetic, unresolved: "`((…))` holds commands, not arithmetic; POSIX sh runs them as subshells" } : synthetic);
        queueSubscriptCode(synthetic, frame, seq, stack);
        pushChildren(node, { ...frame, host: seq });
        if (notArithmetic) stack.push({ source: node.body, frame: enterChildShell({ ...frame, via: [...frame.via, "(( ))"], depth: frame.depth + 1, span: spanOf(node, frame) }), bestEffort: true });
        break;
      }
      case "CommandExpansion":
      case "ArithmeticCommandExpansion":
      case "ProcessSubstitution": {
        if (node.script === undefined) throw new Failure("a substitution is nested too deeply to analyse");
        const p: Position = node.type === "ProcessSubstitution" ? "<(…)" : "$(…)";
        // `>(cmd)` reads what the host command writes; `$(…)` and `<(…)` read nothing from it.
        const fed = node.type === "ProcessSubstitution" && node.operator === ">";
        stack.push({ node: node.script, frame: enterChildShell(with_(frame, p, { pipedInto: fed, inheritedStdin: undefined, inherited: [] })) });
        break;
      }
      case "Command": {
        const before = out.length;
        emitCommand(node, frame, out, stack);
        if (out.length > MAX_COMMANDS) throw new Failure(`the command runs more than ${MAX_COMMANDS} simple commands`);
        // Substitutions in this command's words and redirections run on behalf of the innermost command we emitted.
        const host = out.length > before ? out[out.length - 1]!.seq : frame.host;
        for (let i = before; i < out.length; i++) queueSubscriptCode(out[i]!, frame, host, stack);
        const parts = expandingParts(node);
        if (parts.length) pushList(parts, { ...frame, host, inherited: [], inheritedStdin: undefined });
        break;
      }
      default:
        pushChildren(node, frame);
    }
  }
  return out;
}

/** `x='a[$(curl …)]'` runs `curl …` once bash evaluates x as arithmetic: parse the hidden code, best effort, so its
 *  commands are checked like any other (deferred.ts). Walked after the command's own substitutions. */
function queueSubscriptCode(cmd: ShellCommand, frame: Frame, host: number | undefined, stack: Item[]): void {
  const words = subscriptCodeWords(cmd);
  if (words.length === 0) return;
  const hidden: Frame = { ...frame, host, via: [...frame.via, SUBSCRIPT_VIA], depth: frame.depth + 1, span: cmd.span, pipes: [], pipedInto: false, inherited: [], inheritedStdin: undefined };
  const seen = new Set<string>();
  for (const w of words) {
    if (seen.has(w.value)) continue;
    seen.add(w.value);
    stack.push({ source: subscriptSource(w.value), frame: hidden, bestEffort: true });
  }
}
