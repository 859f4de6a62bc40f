// The fingerprint a trusted codebase is pinned to: sha256 over its project-layer policy, i.e. the `permissions` of
// `.claude/settings.json` (canonical JSON, so key order and whitespace don't matter, and other settings keys such as
// `model` or `hooks` don't either) and the raw bytes of `.claude/hookwarden.json`. The local layer is the user's own
// and not part of what a repository can change under them. Reading the policy for decisions: ../policy/.
import fs from "node:fs";
import path from "node:path";
import { sha256Hex } from "./sha256.js";

const MAX_DEPTH = 64;

export function projectPolicyHash(projectRoot: string): string {
  const settings = readBytes(path.join(projectRoot, ".claude", "settings.json"));
  const policy = readBytes(path.join(projectRoot, ".claude", "hookwarden.json"));
  return sha256Hex(
    Buffer.concat([
      Buffer.from("hookwarden project policy v1\n"),
      ...framed("settings.json permissions", settings.kind === "file" ? permissionsPart(settings.bytes) : settings.tag),
      ...framed("hookwarden.json", policy.kind === "file" ? Buffer.concat([Buffer.from("bytes:"), policy.bytes]) : policy.tag),
    ]),
  );
}

/** Length-prefixed, so no pair of parts can be shifted into another pair with the same digest. */
function framed(label: string, part: string | Buffer): Buffer[] {
  const bytes = typeof part === "string" ? Buffer.from(part) : part;
  return [Buffer.from(`${label} ${bytes.length}\n`), bytes, Buffer.from("\n")];
}

type Read = { kind: "file"; bytes: Buffer } | { kind: "none"; tag: string };

function readBytes(file: string): Read {
  try {
    if (fs.statSync(file, { throwIfNoEntry: false }) === undefined) return { kind: "none", tag: "null" };
    return { kind: "file", bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Absent is the null of the spec; unreadable hashes differently, so it never matches a pin taken while readable.
    return { kind: "none", tag: code === "ENOENT" || code === "ENOTDIR" ? "null" : `unreadable:${code ?? "?"}` };
  }
}

function permissionsPart(bytes: Buffer): string | Buffer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    // Claude Code rejects the file too; pin its exact bytes, so any edit changes the hash.
    return Buffer.concat([Buffer.from("unparsed:"), bytes]);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return "null";
  if (!Object.hasOwn(parsed, "permissions")) return "null";
  const text = canonicalJson((parsed as Record<string, unknown>).permissions, 0);
  return text === undefined ? Buffer.concat([Buffer.from("deep:"), bytes]) : `json:${text}`;
}

/** JSON with object keys sorted at every level; undefined past MAX_DEPTH (caller falls back to raw bytes). */
export function canonicalJson(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const text = canonicalJson(item, depth + 1);
      if (text === undefined) return undefined;
      items.push(text);
    }
    return `[${items.join(",")}]`;
  }
  const entries: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = canonicalJson((value as Record<string, unknown>)[key], depth + 1);
    if (text === undefined) return undefined;
    entries.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${entries.join(",")}}`;
}
