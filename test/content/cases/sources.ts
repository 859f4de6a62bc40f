// The sources case tables name: one of each trust level, and the file kinds that change a verdict in a project.
import { USER_PROMPT } from "../../../src/content/source.js";
import type { InjectionFamily, Source } from "../../../src/content/types.js";

export const SOURCES = {
  web: { tool: "WebFetch", trust: "untrusted", label: "WebFetch https://blog.example.net/post" },
  search: { tool: "WebSearch", trust: "untrusted", label: "WebSearch rust async runtimes" },
  mcp: { tool: "mcp__tickets__get_issue", trust: "untrusted", label: "mcp__tickets__get_issue" },
  bash: { tool: "Bash", trust: "external", label: "Bash `cat notes.txt`" },
  agent: { tool: "Agent", trust: "external", label: "Agent" },
  repoDoc: { tool: "Read", trust: "project", label: "Read docs/guide.md", path: "/work/proj/docs/guide.md" },
  repoCode: { tool: "Read", trust: "project", label: "Read src/filter.ts", path: "/work/proj/src/filter.ts" },
  agentFile: { tool: "Read", trust: "project", label: "Read CLAUDE.md", path: "/work/proj/CLAUDE.md" },
  prompt: USER_PROMPT,
} as const satisfies Record<string, Source>;

export type SourceName = keyof typeof SOURCES;

/** One labelled text: `flag` = some acted-on finding of `family` (any family when omitted); `quiet` = none at all. */
export interface InjectionCase {
  readonly id: string;
  readonly text: string;
  readonly source: SourceName;
  readonly expect: "flag" | "quiet";
  readonly family?: InjectionFamily;
}

/** Deterministic filler for fake tokens, so no test file holds a token-shaped literal. */
export function fake(length: number, alphabet = "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY"): string {
  let out = "";
  for (let i = 0; out.length < length; i++) out += alphabet[(i * 7 + 3) % alphabet.length];
  return out;
}

export function tags(ascii: string): string {
  return [...ascii].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("");
}

/** Emoji smuggling: one variation selector per byte of `ascii`. */
export function selectors(ascii: string): string {
  return [...Buffer.from(ascii)].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join("");
}

export const b64 = (s: string) => Buffer.from(s).toString("base64");
export const hex = (s: string) => Buffer.from(s).toString("hex");
