// Running many phrase shapes over a long text in one pass. Each shape belongs to a group named by its first word(s);
// one trigger regex — the lead words of every group of every detector — walks a text once (cached for the last text),
// and at each hit only the groups whose lead is there try their shapes, anchored (sticky). Two dozen shapes in two
// detectors then cost about one scan. Owns nothing but that.

export interface Shape {
  /** The full pattern, tried only at a trigger hit: compiled sticky, so it must match starting at the lead word. */
  readonly re: RegExp;
}

export interface ShapeGroup<S extends Shape> {
  /** Regex source of the words a match of any of these shapes starts with (case-insensitive, word-bounded). */
  readonly lead: string;
  /** The lead is not in a Latin script (忽略): no word boundaries around it. */
  readonly bare?: boolean;
  readonly shapes: readonly S[];
}

export interface CompiledShapes<S extends Shape> {
  readonly groups: readonly (ShapeGroup<S> & { readonly leadRe: RegExp })[];
}

const worded: string[] = [];
const bare: string[] = [];
let trigger: RegExp | undefined; // rebuilt when a detector registers its groups (at module load)
let hitsText: string | undefined;
let hits: number[] = [];

/** Groups' shapes recompiled sticky; their leads join the shared trigger. Each group keeps its lead as a sticky test,
 *  since leads of different groups may overlap ("important" opens a note and a pseudo-tag). */
export function compileShapes<S extends Shape>(groups: readonly ShapeGroup<S>[]): CompiledShapes<S> {
  for (const g of groups) (g.bare ? bare : worded).push(g.lead);
  trigger = undefined;
  hitsText = undefined;
  return {
    groups: groups.map((g) => ({
      ...g,
      leadRe: new RegExp(g.bare ? `(?:${g.lead})` : `(?:${g.lead})\\b`, "iy"),
      shapes: g.shapes.map((s) => ({ ...s, re: new RegExp(s.re.source, s.re.flags.replace(/[gy]/g, "") + "y") })),
    })),
  };
}

/** Start offsets of every lead word in `text`, for all detectors at once; the last text's are kept. */
function hitsOf(text: string): readonly number[] {
  if (hitsText === text) return hits;
  // Leads are whole words ("yo" must not take "you"). One \b pair around all of them is three times faster than a
  // lookbehind per alternative: the boundary is checked once per position.
  trigger ??= new RegExp([`\\b(?:${worded.join("|")})\\b`, ...bare.map((b) => `(?:${b})`)].join("|"), "gi");
  hits = [];
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m !== null; m = trigger.exec(text)) hits.push(m.index);
  hitsText = text;
  return hits;
}

/**
 * Every shape match, in text order; `visit` returns false to stop. At a hit, every group whose lead is there tries
 * its shapes; the first shape that matches takes the hit, and hits inside its match are skipped.
 */
export function forEachShape<S extends Shape>(text: string, compiled: CompiledShapes<S>, visit: (shape: S, m: RegExpExecArray) => boolean | void): void {
  let skipTo = 0;
  for (const at of hitsOf(text)) {
    if (at < skipTo) continue;
    let matched: RegExpExecArray | null = null;
    for (const group of compiled.groups) {
      group.leadRe.lastIndex = at;
      if (!group.leadRe.test(text)) continue;
      for (const shape of group.shapes) {
        shape.re.lastIndex = at;
        matched = shape.re.exec(text);
        if (!matched) continue;
        if (visit(shape, matched) === false) return;
        break;
      }
      if (matched) break;
    }
    if (matched) skipTo = matched.index + matched[0].length;
  }
}
