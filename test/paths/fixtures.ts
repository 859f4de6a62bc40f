// ShellCommand fixtures: real ones from the shell analyser, and hand-built ones for positions the parser would
// need exotic syntax to produce.
import { analyseShell } from "../../src/shell/analyse.js";
import type { Position, ShellCommand, Word } from "../../src/shell/model.js";

export function commands(source: string): ShellCommand[] {
  const r = analyseShell(source);
  if (!r.ok) throw new Error(`fixture does not parse: ${source}: ${r.reason}`);
  return r.commands;
}

export function word(text: string, value = text.replace(/^['"]|['"]$/g, ""), dynamic = /[$`*?[{]/.test(text)): Word {
  return { text, value, dynamic };
}

/** A hand-built simple command: `cmd("rm", ["-rf", "x"], { position: ["subshell"], seq: 1 })`. */
export function cmd(name: string, args: readonly string[], opts: { position?: Position[]; seq?: number; via?: string[]; redirects?: { op: string; target: string }[] } = {}): ShellCommand {
  return {
    name: { kind: "literal", value: name },
    args: args.map((a) => word(a)),
    assignments: [],
    redirects: (opts.redirects ?? []).map((r) => ({ op: r.op, target: word(r.target) })),
    via: opts.via ?? [],
    position: opts.position ?? [],
    seq: opts.seq ?? 0,
    pipedInto: false,
    span: { pos: 0, end: 0 },
  };
}
