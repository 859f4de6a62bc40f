// The input summary in an audit record: what the tool was asked to do, short enough for one small line, with every
// string passed through maskSecrets (../content/secret-patterns.ts owns the patterns). Bulky payloads (file content,
// edit strings) are never copied: only their size. Masking happens before any cut, so a cut can't leave half a
// secret that no longer matches its pattern.
import { maskSecrets } from "../content/secret-patterns.js";

const SCAN_PREFIX = 8_192; // far longer than anything we keep: a secret cut at this edge is never shown
const VALUE_MAX = 300;
const NESTED_MAX = 200;
const KEY_MAX = 64;
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;

/** Tool-input keys whose value is content, not intent: logged as a size. */
const BULKY_KEYS: ReadonlySet<string> = new Set(["content", "new_string", "old_string", "new_source", "edits"]);
/** Keys that name a secret whatever its value looks like (an MCP tool's `password` argument). */
const SENSITIVE_KEY = /pass(?:word|wd|phrase)?$|secret|token|api[-_]?key|authori[sz]ation|credential|cookie|private[-_]?key/i;

/** A one-line description of a tool input, redacted and at most `max` characters. */
export function summariseInput(input: unknown, max: number): string {
  let text: string;
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(input).slice(0, MAX_ITEMS)) {
      parts.push(`${maskText(key, KEY_MAX)}: ${describeValue(key, value)}`);
      if (parts.join("; ").length > max) break;
    }
    text = parts.join("; ");
  } else {
    text = describeValue("", input);
  }
  return cut(text, max);
}

/** maskSecrets over a bounded prefix, then cut to `max`. */
export function maskText(text: string, max: number): string {
  return cut(maskSecrets(text.slice(0, SCAN_PREFIX)), max);
}

function describeValue(key: string, value: unknown): string {
  if (BULKY_KEYS.has(key)) return sizeOf(value);
  if (typeof value === "string") return SENSITIVE_KEY.test(key) ? "[redacted]" : maskText(value, VALUE_MAX);
  if (value === null || typeof value !== "object") return String(value);
  return cut(JSON.stringify(redactTree(value, 0)) ?? "", VALUE_MAX);
}

function redactTree(value: unknown, depth: number): unknown {
  if (typeof value === "string") return maskText(value, NESTED_MAX);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? String(value) : value;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => redactTree(v, depth + 1));
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value).slice(0, MAX_ITEMS)) {
    out[maskText(k, KEY_MAX)] = BULKY_KEYS.has(k) ? sizeOf(v) : typeof v === "string" && SENSITIVE_KEY.test(k) ? "[redacted]" : redactTree(v, depth + 1);
  }
  return out;
}

function sizeOf(value: unknown): string {
  if (typeof value === "string") {
    let lines = 1;
    for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) lines++;
    return `<${value.length} chars, ${lines} lines>`;
  }
  if (Array.isArray(value)) return `<${value.length} items>`;
  return `<${typeof value}>`;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
