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
  readonly shapes: readonly S[];
}

export interface CompiledShapes<S extends Shape> {
  readonly trigger: RegExp;
  readonly groups: readonly ShapeGroup<S>[];
}

/** Groups' shapes recompiled sticky; one trigger with a capture per group. */
export function compileShapes<S extends Shape>(groups: readonly ShapeGroup<S>[]): CompiledShapes<S> {
  const sticky = groups.map((g) => ({
    lead: g.lead,
    shapes: g.shapes.map((s) => ({ ...s, re: new RegExp(s.re.source, s.re.flags.replace(/[gy]/g, "") + "y") })),
  }));
  // Leads are whole words (ASCII boundaries, so a CJK lead still matches inside CJK text): "yo" must not take "you".
  // A lead that ends in punctuation (`<IMPORTANT>`) needs no boundary after it.
  const trigger = new RegExp(sticky.map((g) => `(?<![A-Za-z0-9_])(${g.lead})${/[>\]]$/.test(g.lead) ? "" : "(?![A-Za-z0-9_])"}`).join("|"), "gi");
  return { trigger, groups: sticky };
}

/** Every shape match, in text order; `visit` returns false to stop. At most one match per trigger hit. */
export function forEachShape<S extends Shape>(text: string, compiled: CompiledShapes<S>, visit: (shape: S, m: RegExpExecArray) => boolean | void): void {
  const { trigger, groups } = compiled;
  trigger.lastIndex = 0;
  for (let hit = trigger.exec(text); hit !== null; hit = trigger.exec(text)) {
    let g = 0;
    while (g < groups.length && hit[g + 1] === undefined) g++;
    const group = groups[g];
    if (!group) continue;
    for (const shape of group.shapes) {
      shape.re.lastIndex = hit.index;
      const m = shape.re.exec(text);
      if (!m) continue;
      if (visit(shape, m) === false) return;
      trigger.lastIndex = Math.max(trigger.lastIndex, m.index + m[0].length);
      break;
    }
  }
}
