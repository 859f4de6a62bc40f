// The text in a tool's response, and the way back: each text keeps the JSON path it came from, so a masked copy can
// be written into the tool's own output shape (Bash `{stdout, stderr, …}`, Read `{type, file: {content, …}}`, an MCP
// tool's array of content blocks). Owns the per-tool shapes (as Claude Code 2.1.331 sends them) and the size bound.
// Does not own scanning.

export type JsonPath = readonly (string | number)[];

export interface ExtractedText {
  readonly path: JsonPath;
  readonly text: string;
  /** Only the first `text.length` characters of the value at `path` were taken (the size bound). */
  readonly truncated: boolean;
}

/** Characters taken from one response, all texts together. */
export const EXTRACT_LIMIT = 1_048_576;
const MAX_DEPTH = 24;
const MAX_LEAVES = 5_000;

/** Tools whose response is what the model itself wrote: nothing in it came from outside. */
const OWN_OUTPUT_TOOLS: ReadonlySet<string> = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit", "TodoWrite", "ExitPlanMode"]);
/** Keys whose string values are binary payloads (images, PDFs): never text, never scanned. */
const BINARY_KEYS: ReadonlySet<string> = new Set(["base64", "blob", "image", "audio"]);

type Budget = { left: number; leaves: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function take(out: ExtractedText[], path: JsonPath, value: unknown, budget: Budget): void {
  if (typeof value !== "string" || value.length === 0 || budget.left <= 0 || budget.leaves <= 0) return;
  const text = value.length > budget.left ? value.slice(0, budget.left) : value;
  budget.left -= text.length;
  budget.leaves--;
  out.push({ path, text, truncated: text.length < value.length });
}

/** Every string leaf, depth-first in key order, skipping binary payloads. */
function walk(out: ExtractedText[], path: JsonPath, value: unknown, budget: Budget, depth = 0): void {
  if (budget.left <= 0 || budget.leaves <= 0 || depth > MAX_DEPTH) return;
  if (typeof value === "string") return take(out, path, value, budget);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(out, [...path, i], item, budget, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  const binaryBlock = typeof value.type === "string" && /^(?:image|audio|blob|document)$/.test(value.type);
  for (const [key, child] of Object.entries(value)) {
    if (BINARY_KEYS.has(key) || (key === "data" && (binaryBlock || typeof value.mimeType === "string"))) continue;
    walk(out, [...path, key], child, budget, depth + 1);
  }
}

/** MCP content blocks: text, an embedded resource's text; images and audio skipped. */
function contentBlocks(out: ExtractedText[], path: JsonPath, blocks: unknown[], budget: Budget): void {
  blocks.forEach((block, i) => {
    if (isRecord(block) && block.type === "text") take(out, [...path, i, "text"], block.text, budget);
    else if (isRecord(block) && block.type === "resource" && isRecord(block.resource)) take(out, [...path, i, "resource", "text"], block.resource.text, budget);
    else if (isRecord(block) && typeof block.type === "string" && /^(?:image|audio)$/.test(block.type)) return;
    else walk(out, [...path, i], block, budget);
  });
}

/** The texts in `response` worth scanning, with their paths, at most `limit` characters in all. */
export function extractTexts(toolName: string, response: unknown, limit = EXTRACT_LIMIT): ExtractedText[] {
  const out: ExtractedText[] = [];
  const budget: Budget = { left: limit, leaves: MAX_LEAVES };
  if (OWN_OUTPUT_TOOLS.has(toolName) || response === undefined || response === null) return out;
  if (typeof response === "string") {
    take(out, [], response, budget);
    return out;
  }
  if (Array.isArray(response)) {
    contentBlocks(out, [], response, budget); // an MCP tool's result as Claude Code 2.1.331 passes it
    return out;
  }
  if (!isRecord(response)) return out;
  switch (toolName) {
    case "Bash":
    case "BashOutput":
      take(out, ["stdout"], response.stdout, budget);
      take(out, ["stderr"], response.stderr, budget);
      return out;
    case "Read":
    case "NotebookRead":
      return readTexts(out, response, budget);
    case "WebFetch":
      if (typeof response.result === "string") take(out, ["result"], response.result, budget);
      else walk(out, [], response, budget);
      return out;
    case "Grep":
    case "Glob":
      take(out, ["content"], response.content, budget);
      if (Array.isArray(response.filenames)) response.filenames.forEach((f, i) => take(out, ["filenames", i], f, budget));
      return out;
    default:
      // MCP `{content: [...], structuredContent}`, Agent `{content: [...], …}`: blocks first, then any other strings.
      if (Array.isArray(response.content)) {
        contentBlocks(out, ["content"], response.content, budget);
        for (const [key, value] of Object.entries(response)) if (key !== "content") walk(out, [key], value, budget);
        return out;
      }
      walk(out, [], response, budget);
      return out;
  }
}

function readTexts(out: ExtractedText[], response: Record<string, unknown>, budget: Budget): ExtractedText[] {
  const file = isRecord(response.file) ? response.file : undefined;
  switch (response.type) {
    case "text":
      if (file) take(out, ["file", "content"], file.content, budget);
      return out;
    case "image":
    case "pdf":
    case "file_unchanged":
      return out;
    case "notebook":
      if (file && Array.isArray(file.cells)) walk(out, ["file", "cells"], file.cells, budget);
      return out;
    default:
      walk(out, [], response, budget);
      return out;
  }
}

/** `a.b[0].c` — how findings name where a text was. */
export function pathKey(path: JsonPath): string {
  let key = "";
  for (const part of path) key += typeof part === "number" ? `[${part}]` : key === "" ? part : `.${part}`;
  return key === "" ? "(response)" : key;
}

function setAt(value: unknown, path: JsonPath, text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === "number") {
    const copy = [...value];
    copy[head] = setAt(value[head], rest, text);
    return copy;
  }
  if (isRecord(value) && typeof head === "string") return { ...value, [head]: setAt(value[head], rest, text) };
  return value;
}

function getAt(value: unknown, path: JsonPath): unknown {
  let at = value;
  for (const part of path) {
    if (Array.isArray(at) && typeof part === "number") at = at[part];
    else if (isRecord(at) && typeof part === "string") at = at[part];
    else return undefined;
  }
  return at;
}

/**
 * `response` with the text at each path replaced; everything else (other fields, their order, their types) kept.
 * A replacement for a truncated text replaces only the prefix that was scanned.
 */
export function writeBack(response: unknown, replacements: readonly { path: JsonPath; text: string; scanned: number }[]): unknown {
  let out = response;
  for (const r of replacements) {
    const original = getAt(out, r.path);
    const rest = typeof original === "string" ? original.slice(r.scanned) : "";
    out = setAt(out, r.path, r.text + rest);
  }
  return out;
}
