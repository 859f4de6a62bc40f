// Types of the content stage: where a text came from, what the injection detectors report, and what PostToolUse acts
// on. Data only. Owns nothing else; detection lives in injection/ and secrets.ts, answers in ../post-tool-use.ts.

/** How far a text is trusted, strictest first. */
export type Trust =
  /** WebFetch, WebSearch, `mcp__*`, a command that fetches from the network, any tool we don't know. */
  | "untrusted"
  /** Command output, a subagent's answer, a file outside the project. */
  | "external"
  /** A file read from inside the project (Read, Grep, Glob, NotebookRead). */
  | "project"
  /** The user's own prompt. */
  | "user";

export interface Source {
  readonly tool: string;
  readonly trust: Trust;
  /** For reasons and the taint: "WebFetch https://example.org/a", "Read src/a.ts", "Bash `cat x`". */
  readonly label: string;
  /** The file a Read/Grep came from, when there is exactly one: picks code vs prose, agent-instruction files. */
  readonly path?: string;
}

export type InjectionFamily =
  | "invisible" // tag characters, zero-width runs, bidi controls, variation-selector smuggling, private-use runs
  | "role-token" // chat-template and role tokens, fake Human:/Assistant: turns
  | "override" // "ignore previous instructions", "your new task is", "you are now …"
  | "addressed" // text addressed to the agent with a directive ("Note to the AI: …", "if you are an AI …")
  | "hidden-html" // directives in HTML comments or CSS-hidden elements
  | "exfil-image" // markdown images / links whose URL is a template for the conversation or a secret
  | "encoded"; // any of the above after decoding base64 / hex / URL / HTML entities, or after normalising

/**
 * `high`: a deterministic carrier (no benign text has it); `medium`: a lexical signal, acted on;
 * `info`: seen, but explained by where it came from (a repo's code comment, a mention in docs): recorded, not acted on.
 */
export type InjectionSeverity = "high" | "medium" | "info";

export interface InjectionFinding {
  readonly family: InjectionFamily;
  readonly severity: InjectionSeverity;
  /** What fired, short and safe to show the model: no raw invisible characters, no markup, secrets masked. */
  readonly excerpt: string;
  /** UTF-16 offset into the scanned text (for a decoded or normalised finding: where the carrier starts). */
  readonly offset: number;
}

/** A finding that changed what PostToolUse / UserPromptSubmit answered. `at` is the JSON path of the text. */
export type ContentFinding =
  | (InjectionFinding & { readonly type: "injection"; readonly at: string })
  | {
      readonly type: "secret";
      readonly family: "secret";
      readonly kind: string;
      readonly severity: "high";
      readonly excerpt: string;
      readonly offset: number;
      readonly at: string;
    };

