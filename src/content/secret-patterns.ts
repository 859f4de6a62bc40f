// Secret patterns, synchronous and dependency-free: the table every hook can afford (PreToolUse content checks, the
// audit log's redaction) and the generic rules secretlint's preset lacks. Owns: which substrings are secrets, what
// counts as a placeholder, and how a secret is masked. Does not own: secretlint (secrets.ts), deciding what to do.
//
// Every regex here is linear: bounded quantifiers over character classes that cannot overlap their neighbours, no
// nested repetition. Input beyond SCAN_LIMIT is not scanned (callers that need more scan in chunks).

export type SecretSpan = { kind: string; start: number; end: number };

/** Characters scanned per call; the audit log and PreToolUse never need more. */
export const SCAN_LIMIT = 1_048_576;

type PatternRule = {
  readonly kind: string;
  /** Texts one of which every match (or its accept()) needs: the regex is compiled and run only when one is there. */
  readonly hint: readonly string[];
  /** The hints are lower case and looked for in the lower-cased text. */
  readonly caseless?: boolean;
  /** Global; the secret is capture group `group` (0 = whole match). Built on the first text that holds a hint:
   *  constructing a RegExp parses it, and most hook calls never need most of these. */
  readonly re: () => RegExp;
  readonly group: number;
  /** Length of the provider prefix at the start of the secret: placeholders are looked for after it. */
  readonly prefix: number;
  /** Extra test on the captured secret; false = not a secret. */
  readonly accept?: (secret: string, match: RegExpExecArray) => boolean;
};

const TOKEN_END = "(?![A-Za-z0-9_-])";
const AUTHORIZATION = ["authorization", "authorisation"];
const TOKEN_START = "(?<![A-Za-z0-9_-])";

/** Provider tokens: a prefix that only that provider issues, then its alphabet. */
const PATTERN_RULES: readonly PatternRule[] = [
  { kind: "github-token", hint: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], re: () => new RegExp(`${TOKEN_START}gh[pousr]_[A-Za-z0-9]{30,255}${TOKEN_END}`, "dg"), group: 0, prefix: 4 },
  { kind: "github-token", hint: ["github_pat_"], re: () => new RegExp(`${TOKEN_START}github_pat_[A-Za-z0-9_]{22,255}${TOKEN_END}`, "dg"), group: 0, prefix: 11 },
  { kind: "gitlab-token", hint: ["glpat-"], re: () => new RegExp(`${TOKEN_START}glpat-[A-Za-z0-9_-]{20,64}${TOKEN_END}`, "dg"), group: 0, prefix: 6 },
  { kind: "aws-access-key-id", hint: ["AKIA", "ASIA", "ABIA", "ACCA"], re: () => /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/dg, group: 0, prefix: 4 },
  {
    kind: "aws-secret-access-key",
    hint: ["aws_secret", "awssecret"],
    caseless: true,
    re: () => /aws_?secret_?(?:access_?)?key["']?\s{0,4}(?:[:=]|=>)\s{0,4}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/dgi,
    group: 1,
    prefix: 0,
  },
  { kind: "slack-token", hint: ["xox"], re: () => new RegExp(`${TOKEN_START}xox[abposre]-[A-Za-z0-9-]{10,250}${TOKEN_END}`, "dg"), group: 0, prefix: 5 },
  { kind: "slack-token", hint: ["xapp-"], re: () => new RegExp(`${TOKEN_START}xapp-[0-9]-[A-Za-z0-9-]{10,250}${TOKEN_END}`, "dg"), group: 0, prefix: 5 },
  { kind: "slack-webhook", hint: ["hooks.slack.com/"], re: () => /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9+/_-]{20,200}/dg, group: 0, prefix: 30 },
  { kind: "stripe-key", hint: ["_live_"], re: () => new RegExp(`${TOKEN_START}(?:sk|rk)_live_[A-Za-z0-9]{16,250}${TOKEN_END}`, "dg"), group: 0, prefix: 8 },
  { kind: "anthropic-key", hint: ["sk-ant-"], re: () => new RegExp(`${TOKEN_START}sk-ant-[A-Za-z0-9_-]{20,250}${TOKEN_END}`, "dg"), group: 0, prefix: 7 },
  {
    // Legacy `sk-<48>`, `sk-proj-…`, `sk-svcacct-…`: the body must mix letters and digits ("sk-learn-something" is a word).
    kind: "openai-key",
    hint: ["sk-"],
    re: () => new RegExp(`${TOKEN_START}sk-(?!ant-)[A-Za-z0-9_-]{20,250}${TOKEN_END}`, "dg"),
    group: 0,
    prefix: 3,
    accept: (secret) => /[0-9]/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(3)) && !/--/.test(secret),
  },
  { kind: "google-api-key", hint: ["AIza"], re: () => new RegExp(`${TOKEN_START}AIza[0-9A-Za-z_-]{35}${TOKEN_END}`, "dg"), group: 0, prefix: 4 },
  { kind: "npm-token", hint: ["npm_"], re: () => new RegExp(`${TOKEN_START}npm_[A-Za-z0-9]{36}${TOKEN_END}`, "dg"), group: 0, prefix: 4 },
  { kind: "huggingface-token", hint: ["hf_"], re: () => new RegExp(`${TOKEN_START}hf_[A-Za-z0-9]{30,40}${TOKEN_END}`, "dg"), group: 0, prefix: 3 },
  { kind: "digitalocean-token", hint: ["_v1_"], re: () => new RegExp(`${TOKEN_START}do[opr]_v1_[a-f0-9]{64}${TOKEN_END}`, "dg"), group: 0, prefix: 7 },
  { kind: "pypi-token", hint: ["pypi-AgE"], re: () => new RegExp(`${TOKEN_START}pypi-AgE[A-Za-z0-9_-]{50,250}${TOKEN_END}`, "dg"), group: 0, prefix: 5 },
  { kind: "sendgrid-key", hint: ["SG."], re: () => new RegExp(`${TOKEN_START}SG\\.[A-Za-z0-9_-]{20,24}\\.[A-Za-z0-9_-]{39,50}${TOKEN_END}`, "dg"), group: 0, prefix: 3 },
  {
    kind: "jwt",
    hint: ["eyJ"],
    re: () => new RegExp(`${TOKEN_START}eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{4,8192}\\.[A-Za-z0-9_-]{10,2048}${TOKEN_END}`, "dg"),
    group: 0,
    prefix: 3,
    accept: (secret) => !isSampleJwt(secret),
  },
  {
    kind: "bearer-token",
    hint: AUTHORIZATION, // accept() wants it on the line
    caseless: true,
    re: () => /\b(?:[Bb]earer|[Tt]oken)\s{1,4}([A-Za-z0-9._~+/-]{20,2048}=*)(?![A-Za-z0-9._~+/=-])/dg,
    group: 1,
    prefix: 0,
    accept: (secret, m) => /authori[sz]ation/i.test(lineBefore(m.input, m.index)) && hasEntropyMix(secret),
  },
  {
    kind: "basic-auth",
    hint: AUTHORIZATION,
    caseless: true,
    re: () => /\bBasic\s{1,4}([A-Za-z0-9+/]{12,1024}={0,2})(?![A-Za-z0-9+/=])/dg,
    group: 1,
    prefix: 0,
    accept: (_secret, m) => /authori[sz]ation/i.test(lineBefore(m.input, m.index)),
  },
  {
    // scheme://user:password@host — the password alone is masked, so the agent still sees where it connects.
    kind: "connection-string-password",
    hint: ["://"],
    // Found at "://", the scheme checked behind it (a lookbehind *first* would run at every position: 30× slower).
    re: () => /:\/\/(?<=\b[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/)[^\s:/@'"`<>]{0,128}:([^\s@/'"`<>]{1,256})@[^\s/'"`<>@]/dg,
    group: 1,
    prefix: 0,
    // Docs write `user:pass@`, `abc:xyz@`, `:123@`: a real password is rarely under 5 characters.
    accept: (secret) => secret.length >= 5 && characterClasses(secret) >= 2,
  },
  {
    // JDBC / ODBC / .NET: `Password=…;` inside a connection string.
    kind: "connection-string-password",
    hint: ["password=", "pwd="],
    caseless: true,
    re: () => /(?<![A-Za-z0-9_])(?:Password|Pwd)=([^;\s'"`]{3,256})(?=;|\s|$|['"`])/dgi,
    group: 1,
    prefix: 0,
    accept: (_secret, m) => /;\s{0,2}$|(?:Server|Host|Data Source|User ID|Uid|Database)=/i.test(lineBefore(m.input, m.index)),
  },
  {
    kind: "curl-user",
    hint: ["curl"], // accept() wants it on the line
    re: () => /(?<![A-Za-z0-9_-])(?:-u|--user)\s{1,4}["']?[^\s:'"]{1,128}:([^\s'"]{3,256})/dg,
    group: 1,
    prefix: 0,
    accept: (_secret, m) => /\bcurl\b/.test(lineBefore(m.input, m.index)),
  },
];

/**
 * `KEY = value` where the key names a secret. Found keyword first (a scan for "secret", "token", "password"… is
 * several times cheaper than matching every `key: value` in a document), then the key is widened to its identifier
 * and the value read with a sticky pattern: no regex ever backtracks over the key.
 */
const KEY_WORD = /secret|token|passw(?:or)?d|pwd|passphrase|api[_.-]?key|access[_.-]?key|private[_.-]?key|auth[_.-]?key|credential/gi;
/** Lower-case text KEY_WORD needs. */
const KEY_HINTS = ["secret", "token", "passw", "pwd", "passphrase", "api", "access", "private", "auth", "credential"];
const IDENT_CHAR = /[A-Za-z0-9_.-]/;
const ASSIGNED_VALUE = /[A-Za-z0-9_.-]{0,60}?["']?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}(["'`]?)([^\s"'`,;]{1,512})/y;
const SECRET_KEY = /secret|token|passw(?:or)?d|(?:^|[_.-])pwd$|passphrase|api[_.-]?key|access[_.-]?key|private[_.-]?key|auth[_.-]?key|credential/i;
/** Keys that merely mention a secret: `TOKEN_URL`, `max_tokens`, `password_min_length`, `tokenizer`. */
const NOT_SECRET_KEY =
  /(?:tokens|tokeni[sz]er\w*|count|len|length|limit|max|min|size|type|url|uri|endpoint|path|file|dir|name|names|id|ids|expir\w*|ttl|field|header|env|var|prefix|suffix|format|regex|pattern|policy|rotation|hint|label|required|enabled|mode|version|timeout|provider|source|kind)$/i;
const CODE_VALUE = /^(?:true|false|null|nil|none|undefined|string|number|int|str|bool|boolean|object|any|required|optional)$/i;

/** Values people write instead of a secret. A match means "not a secret". */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^(.)\1*$/.test(v)) return true; // all one character
  if (/x{4,}|X{4,}|\*{3,}|\.{3}|…|•{3,}|_{4,}|#{4,}|0{8,}/.test(v)) return true;
  if (/\$\{[^}]*\}|\{\{[^}]*\}\}|^\$[A-Za-z_(]|%[A-Za-z_]+%|^<[^>]*>$|<[a-z_-]+>|\[[a-z _-]+\]|^%\(/.test(v)) return true;
  const lower = v.toLowerCase();
  if (isSequence(lower)) return true; // "abcdefg", "123456"
  return /example|changeme|change[_-]me|placeholder|your[_-]?(?:own[_-]?)?(?:api|secret|token|key|pass|access|client|auth|app|db)|dummy|redacted|sample|insert[_-]?here|replace[_-]?me|^(?:secret|password|passw0rd|passwd|pwd|token|apikey|api_key|pass|test|testing|none|null|todo|fixme|tbd|abc|abc123|xyz|foobar|foo|bar|baz|qwerty|letmein|hunter2|admin|root|guest|user|s3cr3t|s3cret|secret123|password123)$|^(?:my|some|the)[_-]?(?:secret|password|token|key)|fake|not[_-]?(?:a[_-]?)?real|deadbeef|cafebabe|blahblah|lorem|^sk-\.{3}|^1234567890$/.test(
    lower,
  );
}

/** Each character one more than the last: "abcdef", "12345", "qrstu". */
function isSequence(v: string): boolean {
  if (v.length < 5) return false;
  for (let i = 1; i < v.length; i++) if (v.charCodeAt(i) !== v.charCodeAt(i - 1) + 1) return false;
  return true;
}

// The JWTs every tutorial prints (jwt.io's "John Doe", PyJWT's {"some": "payload"}): not anyone's session.
const SAMPLE_JWT_CLAIMS = /"name"\s*:\s*"John Doe"|"sub"\s*:\s*"1234567890"|"some"\s*:\s*"payload"|"foo"\s*:\s*"bar"/;

function isSampleJwt(token: string): boolean {
  const payload = token.split(".")[1] ?? "";
  try {
    const json = Buffer.from(payload.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
    return SAMPLE_JWT_CLAIMS.test(json);
  } catch {
    return false;
  }
}

function lineBefore(text: string, index: number): string {
  const from = Math.max(0, index - 200);
  const chunk = text.slice(from, index);
  const nl = chunk.lastIndexOf("\n");
  return nl === -1 ? chunk : chunk.slice(nl + 1);
}

function hasEntropyMix(value: string): boolean {
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value) && new Set(value).size >= 10;
}

function acceptAssignment(key: string, quote: string, value: string): boolean {
  if (!SECRET_KEY.test(key) || NOT_SECRET_KEY.test(key)) return false;
  if (value.length < 6 || isPlaceholder(value) || CODE_VALUE.test(value)) return false;
  if (/^\d+$/.test(value)) return false; // a number: a count, a port, a length
  if (/[(){}[\]<>$%]/.test(value)) return false; // a call, a template, an env reference
  if (/^(?:process\.env|os\.environ|env|ENV|import\.meta|secrets|vars|config|settings|self|this|ctx|req|request)\b/.test(value)) return false;
  if (quote === "") {
    // Unquoted: code (`token: string`, `apiKey = config.apiKey`) unless it looks like a value.
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !/[0-9]/.test(value)) return false;
    if (/^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+!?$/.test(value)) return false; // a.b, a?.b
  }
  if (/^(?:sha\d+|md5)[-:]/i.test(value)) return false; // an integrity hash, not a credential
  if (/^[:/~.!?]/.test(value)) return false; // C++ `Token::Stream`, a path, code (`!isHTML`, `?Interpolation`)
  if (/^[~^>=<]*\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(value)) return false; // a version: "12.0.0"
  if (/\\u[0-9a-f]{4}/i.test(value)) return false; // an escaped string in source
  if (/&(?:[a-z]{2,8}|#\d{1,6});?/i.test(value)) return false; // an HTML entity: the markup around a value
  if (/^(?:bearer|basic|token|digest)$/i.test(value)) return false; // the scheme of a header, its value is next
  // A value a person typed as an example names itself ("SuperSecretToken", "my-auth-token-here") or is one kind
  // of character ("myregistrytoken", "deadbeefcafe"); a credential mixes at least two kinds.
  if (/secret|token|passw|key|auth/i.test(value) && !/\d/.test(value)) return false;
  // A credential has a digit, or both cases; "github_webhook", "use-credentials" are names.
  if (!/\d/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  return true;
}

function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
}

const REGEXPS = new Map<PatternRule, RegExp>();
function regexpOf(rule: PatternRule): RegExp {
  let re = REGEXPS.get(rule);
  if (!re) REGEXPS.set(rule, (re = rule.re()));
  return re;
}

/** Secrets found by the pattern table and the generic assignment rule, sorted, non-overlapping. */
export function findSecretsSync(text: string): SecretSpan[] {
  const source = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  const found: SecretSpan[] = [];
  if (source.includes("PRIVATE KEY")) findPrivateKeys(source, found);
  // A fresh hook process compiles each regex on its first runs (twice: V8 tiers a regex up on its second use), so
  // a regex runs only where a plain substring test says it could match: most texts (a path, a command) have none.
  let lower: string | undefined;
  const holds = (hints: readonly string[], caseless = false): boolean => {
    const text = caseless ? (lower ??= source.toLowerCase()) : source;
    return hints.some((h) => text.includes(h));
  };
  for (const rule of PATTERN_RULES) {
    if (!holds(rule.hint, rule.caseless)) continue;
    const re = regexpOf(rule);
    re.lastIndex = 0; // every rule carries the `d` flag: m.indices gives the group's exact offset
    for (let m = re.exec(source); m !== null; m = re.exec(source)) {
      const secret = m[rule.group];
      if (secret === undefined) continue;
      const start = m.indices?.[rule.group]?.[0] ?? m.index;
      if (isPlaceholder(secret.slice(rule.prefix))) continue;
      if (rule.accept && !rule.accept(secret, m)) continue;
      found.push({ kind: rule.kind, start, end: start + secret.length });
    }
  }
  KEY_WORD.lastIndex = holds(KEY_HINTS, true) ? 0 : source.length;
  for (let k = KEY_WORD.exec(source); k !== null; k = KEY_WORD.exec(source)) {
    let keyStart = k.index;
    while (keyStart > 0 && k.index - keyStart < 40 && IDENT_CHAR.test(source[keyStart - 1]!)) keyStart--;
    if (keyStart > 0 && IDENT_CHAR.test(source[keyStart - 1]!)) continue; // an identifier longer than any key
    ASSIGNED_VALUE.lastIndex = k.index + k[0].length;
    const m = ASSIGNED_VALUE.exec(source);
    if (!m) continue;
    const [whole, quote = "", value = ""] = m;
    const valueStart = m.index + whole.length - value.length;
    const key = source.slice(keyStart, m.index + whole.length - value.length - quote.length).replace(/["'\s:=>]+$/, "");
    KEY_WORD.lastIndex = valueStart + value.length;
    if (!acceptAssignment(key, quote, value)) continue;
    found.push({ kind: "generic-secret", start: valueStart, end: valueStart + value.length });
  }
  return mergeSpans(found);
}

const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3})PRIVATE KEY( BLOCK)?-----/g;

/** PEM / OpenSSH / PGP private-key blocks, BEGIN to END; a block cut short is masked to the end of the text. */
function findPrivateKeys(text: string, found: SecretSpan[]): void {
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m !== null; m = PEM_BEGIN.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const endMarker = text.indexOf("-----END ", bodyStart);
    let end: number;
    if (endMarker === -1) end = text.length;
    else {
      const close = text.indexOf("-----", endMarker + 9);
      end = close === -1 ? text.length : close + 5;
    }
    const body = text.slice(bodyStart, endMarker === -1 ? end : endMarker);
    // Documentation shows the markers around "..." or nothing: not a key.
    if (!isKeyBody(body)) continue;
    found.push({ kind: "private-key", start: m.index, end });
    PEM_BEGIN.lastIndex = end;
  }
}

/**
 * A key body, not documentation's `...` or code that mentions the marker (`if (pem.indexOf("-----BEGIN PRIVATE
 * KEY-----") …`): its first line after any `Proc-Type:`-style headers is base64 of some length. JSON strings
 * carry the body with `\n` escapes.
 */
function isKeyBody(body: string): boolean {
  const lines = body.replace(/\\n/g, "\n").split("\n").map((l) => l.trim());
  const first = lines.find((l) => l.length > 0 && !/^[A-Za-z-]+:/.test(l));
  if (first === undefined || isPlaceholder(first)) return false;
  return /^[A-Za-z0-9+/=]{16,}$/.test(first);
}

/** Sorted by start; overlapping spans merge into the earliest (on a tie, the longest) one, keeping its kind. */
export function mergeSpans<T extends SecretSpan>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
      continue;
    }
    out.push({ ...span });
  }
  return out;
}

/** How many characters of a secret of this kind a mask keeps: a provider prefix, never more than a quarter. */
export function keepFor(kind: string, secret: string): number {
  const prefix = /^(?:github_pat_|gh[pousr]_|glpat-|do[opr]_v1_|xox[abposre]-|xapp-|sk-ant-|sk_live_|rk_live_|sk-proj-|sk-|AIza|AKIA|ASIA|ABIA|ACCA|npm_|hf_|pypi-|SG\.|eyJ)/.exec(
    secret,
  );
  if (!prefix || kind === "private-key") return 0;
  return Math.min(prefix[0].length, Math.floor(secret.length / 4));
}

/** The mask written in place of a secret: its provider prefix and its kind, e.g. `ghp_…[redacted github-token]`. */
export function maskFor(kind: string, secret: string): string {
  if (kind === "private-key") return `[redacted private-key]`;
  const keep = keepFor(kind, secret);
  return `${secret.slice(0, keep)}…[redacted ${kind}]`;
}

/** Replace every secret found by findSecretsSync (or the given spans) with its mask. */
export function applyMasks(text: string, spans: readonly SecretSpan[]): string {
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + maskFor(span.kind, text.slice(span.start, span.end));
    at = span.end;
  }
  return out + text.slice(at);
}

/** `text` with every secret the pattern table knows masked. Sync, linear, no dependencies. */
export function maskSecrets(text: string): string {
  return applyMasks(text, findSecretsSync(text));
}
