// Running many phrase shapes over a long text in one pass. Each shape belongs to a group named by its first word(s);
// one trigger regex (the groups' lead words) walks the text once, and at each hit only that group's shapes are tried,
// anchored there (sticky). A dozen shapes then cost about one scan instead of a dozen. Owns nothing but that.

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
  readonly trigger: RegExp;
  readonly groups: readonly (ShapeGroup<S> & { readonly leadRe: RegExp })[];
}

/** One trigger over every group's lead; each group keeps its lead as a sticky test, since leads may overlap. */
export function compileShapes<S extends Shape>(groups: readonly ShapeGroup<S>[]): CompiledShapes<S> {
  const compiled = groups.map((g) => ({
    ...g,
    leadRe: new RegExp(g.bare ? `(?:${g.lead})` : `(?:${g.lead})\\b`, "iy"),
    shapes: g.shapes.map((s) => ({ ...s, re: new RegExp(s.re.source, s.re.flags.replace(/[gy]/g, "") + "y") })),
  }));
  // Leads are whole words ("yo" must not take "you"). One \b pair around all of them is three times faster than a
  // lookbehind per alternative: the boundary is checked once per position.
  const worded = groups.filter((g) => !g.bare).map((g) => g.lead);
  const bare = groups.filter((g) => g.bare).map((g) => g.lead);
  const trigger = new RegExp([`\\b(?:${worded.join("|")})\\b`, ...bare].join("|"), "gi");
  return { trigger, groups: compiled };
}

/**
 * Every shape match, in text order; `visit` returns false to stop. At a trigger hit, every group whose lead is there
 * tries its shapes; the first shape that matches wins the hit.
 */
export function forEachShape<S extends Shape>(text: string, compiled: CompiledShapes<S>, visit: (shape: S, m: RegExpExecArray) => boolean | void): void {
  const { trigger, groups } = compiled;
  trigger.lastIndex = 0;
  for (let hit = trigger.exec(text); hit !== null; hit = trigger.exec(text)) {
    let matched: RegExpExecArray | null = null;
    for (const group of groups) {
      group.leadRe.lastIndex = hit.index;
      if (!group.leadRe.test(text)) continue;
      for (const shape of group.shapes) {
        shape.re.lastIndex = hit.index;
        matched = shape.re.exec(text);
        if (!matched) continue;
        if (visit(shape, matched) === false) return;
        break;
      }
      if (matched) break;
    }
    if (matched) trigger.lastIndex = Math.max(trigger.lastIndex, matched.index + matched[0].length);
  }
}
