// UserPromptSubmit core: a secret pasted into a prompt is blocked before it reaches the model, with a reason shown to
// the user. An injection in the prompt is the user's own text: scanned (info findings), never blocked. Reads:
// content/secrets.ts, content/injection/.
import { scanForInjection } from "./content/injection/index.js";
import { maskFor } from "./content/secret-patterns.js";
import { detectSecrets } from "./content/secrets.js";
import { USER_PROMPT } from "./content/source.js";
import type { ContentFinding } from "./content/types.js";
import { table } from "./table.js";

export interface UserPromptSubmitResult {
  readonly output: Record<string, unknown>;
  readonly findings: ContentFinding[];
}

const KIND_WORDS: Readonly<Record<string, string>> = table({
  "private-key": "a private key",
  "generic-secret": "a password or key assignment",
  "connection-string-password": "a password in a connection string",
  jwt: "a JSON Web Token",
  "bearer-token": "a bearer token",
  "basic-auth": "basic-auth credentials",
});

function describe(kind: string): string {
  return KIND_WORDS[kind] ?? `a ${kind.replace(/-/g, " ")}`;
}

export async function userPromptSubmit(input: { readonly prompt: string }): Promise<UserPromptSubmitResult> {
  const prompt = input.prompt;
  const injections: ContentFinding[] = scanForInjection(prompt, USER_PROMPT).map((f) => ({ ...f, type: "injection" as const, at: "prompt" }));
  const secrets = await detectSecrets(prompt);
  if (secrets.length === 0) return { output: {}, findings: injections };

  const findings: ContentFinding[] = secrets.map((s) => ({
    type: "secret" as const,
    family: "secret" as const,
    kind: s.kind,
    severity: "high" as const,
    excerpt: maskFor(s.kind, prompt.slice(s.start, s.end)),
    offset: s.start,
    at: "prompt",
  }));
  const kinds = [...new Set(secrets.map((s) => describe(s.kind)))];
  const shown = findings.slice(0, 3).map((f) => f.excerpt).join(", ");
  const reason =
    `hookwarden blocked this prompt: it contains ${kinds.join(" and ")} (${shown}). Secrets sent to the model end up in ` +
    `the transcript and logs. Remove it — use a placeholder, or put it in an environment variable and refer to the ` +
    `variable's name — then send the prompt again. If this value is already exposed, rotate it.`;
  return { output: { decision: "block", reason }, findings: [...findings, ...injections] };
}
