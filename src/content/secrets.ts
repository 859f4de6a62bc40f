// Secrets in text: secretlint's recommended preset (provider rules with their own allowlists) merged with the sync
// pattern table in secret-patterns.ts (the generic rules the preset lacks: JWTs, bearer headers, `KEY=value`,
// passwords in connection strings). Owns: running both, merging, de-duplicating. Does not own: the patterns
// (secret-patterns.ts), or what a hook answers (post-tool-use.ts, user-prompt-submit.ts).
//
// secretlint is imported lazily, on the first call, so a hook that never scans content never loads it.
import { findSecretsSync, isPlaceholder, mergeSpans, SCAN_LIMIT, type SecretSpan } from "./secret-patterns.js";
import { table } from "../table.js";

export type SecretMatch = {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  /** Which engine saw it first: "pattern" (ours) or "secretlint:<rule>". */
  readonly detector: string;
};

type Lint = (text: string) => Promise<SecretSpan[]>;
let lintPromise: Promise<Lint> | undefined;

const PRESET_ID = "@secretlint/secretlint-rule-preset-recommend";
/** secretlint rule name (without `@secretlint/secretlint-rule-`) → our kind, so both engines name a secret alike. */
const KIND_OF_RULE: Readonly<Record<string, string>> = table({
  aws: "aws-credential",
  github: "github-token",
  privatekey: "private-key",
  slack: "slack-token",
  npm: "npm-token",
  openai: "openai-key",
  anthropic: "anthropic-key",
  gcp: "google-credential",
  basicauth: "basic-auth",
  "database-connection-string": "connection-string-password",
  stripe: "stripe-key",
  sendgrid: "sendgrid-key",
  gitlab: "gitlab-token",
});

function kindOfRule(ruleId: string): string {
  const name = ruleId.replace(/^@secretlint\/secretlint-rule-/, "");
  return KIND_OF_RULE[name] ?? `${name}-secret`;
}

async function loadLint(): Promise<Lint> {
  const [{ lintSource }, presetModule] = await Promise.all([
    import("@secretlint/core"),
    import("@secretlint/secretlint-rule-preset-recommend"),
  ]);
  const preset = presetModule.creator;
  return async (text) => {
    const result = await lintSource({
      source: { content: text, filePath: "tool-output.txt", contentType: "text" },
      options: {
        noPhysicFilePath: true,
        config: {
          rules: [
            {
              id: PRESET_ID,
              rule: preset,
              // `secretlint-disable` comments come from the text we scan: a tool's output must not switch detection off.
              rules: [{ id: "@secretlint/secretlint-rule-filter-comments", disabled: true }],
            },
          ],
        },
      },
    });
    return result.messages.map((m) => ({ kind: kindOfRule(m.ruleId), start: m.range[0], end: m.range[1] }));
  };
}

/**
 * A superset of what secretlint 12's recommended preset can match: the prefix or keyword each of its rules needs
 * (aws, privatekey, npm, slack, basicauth, database-connection-string, openai, anthropic, groq, huggingface, linear,
 * notion, sendgrid, shopify, github, gitlab, grafana, 1password, hashicorp-vault, vercel, databricks, docker, figma,
 * gcp). Text with none of them can't produce a secretlint finding, so it is not handed to secretlint at all: most
 * tool output (test runs, code, logs) never pays for it. Update this list when the preset is upgraded.
 */
const SECRETLINT_HINT =
  /aws|akia|a3t|agpa|aida|aroa|aipa|anpa|anva|asia|-----begin|_authtoken|npm_|xox|xapp|hooks\.slack|:\/\/[^\s/:@]{1,256}:[^\s/@]{1,256}@|mongodb|mysql|postgres|sk-|gsk_|hf_|lin_api_|ntn_|sg\.|shp(?:pa|ca|at|ss)_|gh[pousr]_|github_pat_|glpat-|glc_|glsa_|ops_|hv[sbr]\.|v(?:cp|ci|ca|cr|ck)_|dapi|dckr_pat_|figd_|service_account|private_key/i;

export function mayHoldProviderSecret(text: string): boolean {
  return SECRETLINT_HINT.test(text);
}

/** secretlint alone, lazily loaded; its exceptions become an empty result so the pattern table still answers. */
export async function lintSecrets(text: string): Promise<{ spans: SecretSpan[]; error?: string }> {
  try {
    lintPromise ??= loadLint();
    const lint = await lintPromise;
    return { spans: await lint(text) };
  } catch (error) {
    lintPromise = undefined;
    return { spans: [], error: String(error) };
  }
}

/** Every secret in `text` (the first SCAN_LIMIT characters): both engines, merged, sorted, non-overlapping. */
export async function detectSecrets(text: string): Promise<SecretMatch[]> {
  const source = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const ours = findSecretsSync(source).map((s) => ({ ...s, detector: "pattern" }));
  // secretlint reports a whole connection string or assignment where ours names just the password: keep the
  // narrower span, so the mask leaves the host and the key name readable.
  const theirs = (mayHoldProviderSecret(source) ? (await lintSecrets(source)).spans : [])
    .filter((s) => !ours.some((o) => o.start >= s.start && o.end <= s.end))
    .filter((s) => !placeholderSpan(source.slice(s.start, s.end)))
    .map((s) => ({ ...s, detector: `secretlint:${s.kind}` }));
  return mergeMatches([...ours, ...theirs]);
}

/** Our placeholder allowlist applied to secretlint's hits: `ghp_xxxx…`, `mysql://root:password@…`. */
function placeholderSpan(text: string): boolean {
  const password = /:\/\/[^\s:/@]*:([^\s@/]+)@/.exec(text)?.[1];
  if (password !== undefined) return isPlaceholder(password);
  const body = text.replace(/^[A-Za-z]{2,12}[_-](?:[A-Za-z]{2,8}[_-])?/, ""); // a provider prefix: ghp_, sk_live_, xoxb-
  return isPlaceholder(text) || isPlaceholder(body);
}

/** Union of overlapping spans; a merged span keeps the kind of the one that starts first (on a tie, the longest). */
export function mergeMatches(matches: readonly SecretMatch[]): SecretMatch[] {
  return mergeSpans(matches);
}
