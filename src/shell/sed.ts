// sed scripts: which scripts an invocation runs and whether a script only prints. A conservative scanner: any `w`,
// `W`, `e`, `r`, `R` command, an `s///e` or `s///w` flag, or anything it does not understand makes it not read-only.
import { resolveLong, unresolvedLong } from "./long-options.js";
import type { Word } from "./model.js";
import { GNU_LONG_OPTIONS } from "./program-options.js";


export type SedInvocation =
  | { readonly ok: true; readonly scripts: readonly Word[]; readonly sandbox: boolean }
  | { readonly ok: false; readonly why: string };

/** The scripts a sed invocation runs (`-e`, `--expression`, or the first operand), or why it is not read-only
 *  (`-i` edits in place, `-f` reads a script we can't see, a long option that names none or several: `--s`). Long
 *  options may be abbreviated: `--expr=…` is `--expression=…`, `--in` is `--in-place`. */
export function sedInvocation(args: readonly Word[]): SedInvocation {
  const scripts: Word[] = [];
  let sandbox = false;
  let sawScriptOption = false;
  const operands: Word[] = [];
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.value;
    if (endOfOptions || a.dynamic || !v.startsWith("-") || v === "-") {
      operands.push(a);
      continue;
    }
    if (v === "--") endOfOptions = true;
    else if (v.startsWith("--")) {
      const m = resolveLong(v, GNU_LONG_OPTIONS.sed!);
      if (!m.ok) return { ok: false, why: unresolvedLong("sed", m) };
      if (m.name === "--in-place" || m.name === "--file") return { ok: false, why: `\`sed ${v}\` (${m.name}) writes files or reads its script from a file` };
      if (m.name === "--sandbox") sandbox = true;
      else if (m.name === "--expression") {
        sawScriptOption = true;
        const s = m.inline !== undefined ? { ...a, value: m.inline } : args[++i];
        if (s) scripts.push(s);
      } else if (m.arity === "value" && m.inline === undefined) i++; // --line-length N
    } else {
      for (let k = 1; k < v.length; k++) {
        const c = v[k]!;
        if (c === "i" || c === "f") return { ok: false, why: `\`sed ${v}\` edits files in place or reads its script from a file` };
        if (c === "e" || c === "l") {
          const rest = v.slice(k + 1);
          const value = rest ? { ...a, value: rest } : args[++i];
          if (c === "e") {
            sawScriptOption = true;
            if (value) scripts.push(value);
          }
          break;
        }
      }
    }
  }
  if (!sawScriptOption && operands[0]) scripts.push(operands[0]);
  return { ok: true, scripts, sandbox };
}

/** A conservative scan of a sed script: false for `w`/`W`/`e`/`r`/`R` commands and `s///e`, `s///w` flags, and for
 *  anything it does not understand. Linear. */
export function sedScriptReadOnly(script: string): boolean {
  const s = script;
  let i = 0;
  const n = s.length;
  const skipSpace = () => {
    while (i < n && (s[i] === " " || s[i] === "\t")) i++;
  };
  /** Read up to an unescaped `delim`; returns false when it is missing. */
  const readDelimited = (delim: string): boolean => {
    while (i < n && s[i] !== delim) {
      if (s[i] === "\\") i++;
      else if (s[i] === "\n" && delim !== "\n") return false;
      i++;
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  const readAddress = (): boolean => {
    if (i < n && /[0-9]/.test(s[i]!)) {
      while (i < n && /[0-9~]/.test(s[i]!)) i++;
    } else if (s[i] === "$") i++;
    else if (s[i] === "/") {
      i++;
      if (!readDelimited("/")) return false;
      while (i < n && (s[i] === "I" || s[i] === "M")) i++;
    } else if (s[i] === "\\") {
      const d = s[i + 1];
      if (!d) return false;
      i += 2;
      if (!readDelimited(d)) return false;
      while (i < n && (s[i] === "I" || s[i] === "M")) i++;
    }
    return true;
  };
  const toEnd = () => {
    while (i < n && s[i] !== "\n" && s[i] !== ";" && s[i] !== "}") i++;
  };
  while (i < n) {
    while (i < n && /[\s;]/.test(s[i]!)) i++;
    if (i >= n) return true;
    if (!readAddress()) return false;
    skipSpace();
    if (s[i] === ",") {
      i++;
      skipSpace();
      if (s[i] === "+" || s[i] === "~") i++;
      if (!readAddress()) return false;
      skipSpace();
    }
    while (s[i] === "!" || s[i] === " ") i++;
    const c = s[i];
    if (c === undefined) return false;
    i++;
    switch (c) {
      case "{":
      case "}":
        break;
      case "#":
        while (i < n && s[i] !== "\n") i++;
        break;
      case ":":
      case "b":
      case "t":
      case "T":
      case "v":
        toEnd();
        break;
      case "a":
      case "i":
      case "c":
        // Text to the end of the line (a trailing backslash continues it).
        while (i < n && s[i] !== "\n") i += s[i] === "\\" ? 2 : 1;
        break;
      case "s": {
        const d = s[i];
        if (d === undefined || d === "\n" || d === "\\") return false;
        i++;
        if (!readDelimited(d) || !readDelimited(d)) return false;
        while (i < n && /[gpiImM0-9ew]/.test(s[i]!)) {
          if (s[i] === "e" || s[i] === "w") return false;
          i++;
        }
        break;
      }
      case "y": {
        const d = s[i];
        if (d === undefined || d === "\n" || d === "\\") return false;
        i++;
        if (!readDelimited(d) || !readDelimited(d)) return false;
        break;
      }
      case "q":
      case "Q":
      case "l":
      case "L":
        while (i < n && /[0-9 ]/.test(s[i]!)) i++;
        break;
      case "p":
      case "P":
      case "n":
      case "N":
      case "d":
      case "D":
      case "g":
      case "G":
      case "h":
      case "H":
      case "x":
      case "=":
      case "z":
      case "F":
        break;
      default:
        return false; // w W e r R and anything unknown
    }
  }
  return true;
}
