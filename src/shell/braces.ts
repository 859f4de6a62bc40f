// Brace expansion of plain words (`{curl,example.org}`, `/etc/{passwd,shadow}`, `file{1..3}`), so a program or path
// hidden in braces is seen as the shell will see it. Only words made of plain characters; anything with quotes,
// expansions or escapes stays dynamic. Output is capped: a word that expands to more stays dynamic.

const PLAIN = /^[A-Za-z0-9_./,{}~@%+=:^-]+$/;
const MAX_WORDS = 64;

/** The words `text` expands to, or undefined when it is not a plain brace word (or expands to too many). */
export function expandBraces(text: string): string[] | undefined {
  if (!PLAIN.test(text) || !text.includes("{")) return undefined;
  const out: string[] = [];
  const stack: string[] = [text];
  while (stack.length) {
    const w = stack.pop()!;
    const group = firstGroup(w);
    if (group === TOO_MANY) return undefined;
    if (!group) {
      out.push(w);
      if (out.length > MAX_WORDS) return undefined;
      continue;
    }
    const { start, end, items } = group;
    for (let i = items.length - 1; i >= 0; i--) stack.push(w.slice(0, start) + items[i]! + w.slice(end + 1));
    if (stack.length + out.length > MAX_WORDS * 4) return undefined;
  }
  return out.length > MAX_WORDS ? undefined : out;
}

/** The first `{a,b}` or `{x..y}` group at nesting depth 0, with its alternatives. */
const TOO_MANY = "too-many";

function firstGroup(w: string): { start: number; end: number; items: string[] } | typeof TOO_MANY | undefined {
  for (let start = w.indexOf("{"); start >= 0; start = w.indexOf("{", start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let j = start + 1; j < w.length; j++) {
      const c = w[j];
      if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) {
          if (commas.length) {
            const bounds = [start, ...commas, j];
            const items: string[] = [];
            for (let k = 0; k + 1 < bounds.length; k++) items.push(w.slice(bounds[k]! + 1, bounds[k + 1]));
            return { start, end: j, items };
          }
          const seq = sequence(w.slice(start + 1, j));
          if (seq === TOO_MANY) return TOO_MANY;
          if (seq) return { start, end: j, items: seq };
          break; // `{x}` is literal: look for a later group
        }
        depth--;
      } else if (c === "," && depth === 0) commas.push(j);
    }
  }
  return undefined;
}

/** `1..5`, `a..e`, `10..1..2`. */
function sequence(body: string): string[] | typeof TOO_MANY | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (!m) return undefined;
  const [, a, b, stepText] = m;
  const numeric = /\d/.test(a!) && /\d/.test(b!);
  if (!numeric && (/\d/.test(a!) || /\d/.test(b!))) return undefined;
  const from = numeric ? Number(a) : a!.charCodeAt(0);
  const to = numeric ? Number(b) : b!.charCodeAt(0);
  const step = Math.abs(Number(stepText ?? 1)) || 1;
  if (Math.abs(to - from) / step > MAX_WORDS) return TOO_MANY;
  const items: string[] = [];
  for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) items.push(numeric ? String(v) : String.fromCharCode(v));
  return items;
}
