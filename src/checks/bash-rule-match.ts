// Claude Code's `Bash(...)` rule matching, applied to ONE simple command's argv joined by single spaces (so extra
// spaces or quotes cannot dodge a rule): `npm test:*` (prefix + word boundary), `ls *` (word-boundary glob, also
// matching bare `ls`), `ls*` (no boundary), `git * main` (`*` anywhere), exact `cargo test`, `*` (everything).
// Deny and ask rules also get `matchBashRuleLoose`, which ignores the order and grouping of short flags.

/** Claude Code's matching of one rule specifier against one simple command. */
export function matchBashRule(specifier: string, argv: readonly string[]): boolean {
  const pattern = normalise(specifier);
  const command = argv.join(" ");
  if (pattern === "" || pattern === "*") return true;
  if (pattern.endsWith(" *") && glob(pattern.slice(0, -2), command)) return true; // `ls *` also matches bare `ls`
  return glob(pattern, command);
}

/** `npm test:*` ≡ `npm test *`; runs of spaces collapse. */
function normalise(specifier: string): string {
  let p = specifier.trim().replace(/\s+/g, " ");
  if (p.endsWith(":*")) p = `${p.slice(0, -2).trimEnd()} *`;
  return p;
}

/** `*` matches any run of characters (spaces included). Iterative with one backtrack point: O(n·m) worst case,
 *  no regex, no exponential backtracking. */
function glob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== "*" && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** For deny/ask rules: `rm -rf *` also matches `rm -fr x`, `rm -r -f x` and `rm -rfv x` (flag letters are case
 *  sensitive: `-R` is not `-r`). The rule's leading words must match exactly, its short flags must all be present
 *  (in any cluster, any order), its long flags too, and the rest of the rule is a glob over the command's non-flag
 *  words. Only for rules that name flags; otherwise it is `matchBashRule`. */
export function matchBashRuleLoose(specifier: string, argv: readonly string[]): boolean {
  if (matchBashRule(specifier, argv)) return true;
  const tokens = normalise(specifier).split(" ").filter(Boolean);
  let k = 0;
  while (k < tokens.length && !tokens[k]!.startsWith("-") && !tokens[k]!.includes("*")) k++;
  if (k === 0 || k > argv.length) return false;
  for (let i = 0; i < k; i++) if (tokens[i] !== argv[i]) return false;
  const needShort = new Set<string>();
  const needLong = new Set<string>();
  const rest: string[] = [];
  for (const t of tokens.slice(k)) {
    if (t.startsWith("--") && t.length > 2 && !t.includes("*")) needLong.add(t);
    else if (t.startsWith("-") && t.length > 1 && !t.includes("*")) for (const c of t.slice(1)) needShort.add(c);
    else rest.push(t);
  }
  if (needShort.size === 0 && needLong.size === 0) return false;
  const haveShort = new Set<string>();
  const haveLong = new Set<string>();
  const words: string[] = [];
  let endOfOptions = false;
  for (const a of argv.slice(k)) {
    if (!endOfOptions && a === "--") endOfOptions = true;
    else if (!endOfOptions && a.startsWith("--") && a.length > 2) haveLong.add(a.includes("=") ? a.slice(0, a.indexOf("=")) : a);
    else if (!endOfOptions && a.startsWith("-") && a.length > 1) for (const c of a.slice(1)) haveShort.add(c);
    else words.push(a);
  }
  for (const c of needShort) if (!haveShort.has(c)) return false;
  for (const l of needLong) if (!haveLong.has(l)) return false;
  const restPattern = rest.join(" ");
  if (restPattern === "") return words.length === 0;
  return matchBashRule(restPattern, words) || (restPattern === "*" && words.length === 0);
}
