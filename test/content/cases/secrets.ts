// Secrets: values that must be found and masked (`secret` is the part that must not survive), and the placeholders,
// references, hashes and code that must not be. Tokens are built from fake() so no token-shaped literal sits here.
import { b64, fake } from "./sources.js";

export interface SecretCase {
  readonly id: string;
  readonly text: string;
  /** The substring that must be masked; absent for a case that must find nothing. */
  readonly secret?: string;
  /** The family of the case, for figures: provider, private-key, connection, jwt-header, generic. */
  readonly family: "provider" | "private-key" | "connection" | "header" | "generic" | "benign";
}

const HEX = "0123456789abcdef";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const AWS_SECRET = fake(40, "abcdefghijABCDEFGHIJ0123456789+/");
const jwt = `${b64('{"alg":"HS256","typ":"JWT"}').replace(/=/g, "")}.${b64('{"sub":"42","role":"admin","iat":1700000000}').replace(/=/g, "")}.${fake(43)}`;
const pemBody = Array.from({ length: 6 }, (_, i) => fake(64, `MIIEvAIBADANBgkqhkiG9w0BAQEFAASC${i}`)).join("\n");

function c(id: string, family: SecretCase["family"], text: string, secret?: string): SecretCase {
  return secret === undefined ? { id, family, text } : { id, family, text, secret };
}

const ghp = `ghp_${fake(36)}`;
const gho = `gho_${fake(36, "QwErTy123456uIoP")}`;
const pat = `github_pat_${fake(22)}_${fake(59)}`;
const glpat = `glpat-${fake(20)}`;
const akia = `AKIA${fake(16, UPPER)}`;
const asia = `ASIA${fake(16, UPPER)}`;
const xoxb = `xoxb-${fake(12, "0123456789")}-${fake(13, "0123456789")}-${fake(24)}`;
const hook = `https://hooks.slack.com/services/T${fake(8, "ABCDEFGHJK0123456789")}/B${fake(8, "ABCDEFGHJK0123456789")}/${fake(24)}`;
const stripe = `sk_live_${fake(24)}`;
const rk = `rk_live_${fake(24, "ZyXw9876VuTs5432")}`;
const openaiProj = `sk-proj-${fake(100)}`;
const openaiLegacy = `sk-${fake(48)}`;
const ant = `sk-ant-api03-${fake(93)}AA`;
const google = `AIza${fake(35)}`;
const npm = `npm_${fake(36)}`;
const hf = `hf_${fake(34)}`;
const dop = `dop_v1_${fake(64, HEX)}`;
const shopify = `shpat_${fake(32, HEX)}`;
const sendgrid = `SG.${fake(22)}.${fake(43)}`;
const bearer = fake(40, "abcdefGHIJKL0123456789-_");
const dbPass = `Pg_${fake(14)}`;

export const SECRET_CASES: readonly SecretCase[] = [
  c("github-classic", "provider", `export GITHUB_TOKEN=${ghp}`, ghp),
  c("github-oauth-in-json", "provider", `{"token": "${gho}", "scope": "repo"}`, gho),
  c("github-fine-grained", "provider", `remote: using ${pat}`, pat),
  c("gitlab", "provider", `CI_JOB_TOKEN unused; personal ${glpat}`, glpat),
  c("aws-access-key-id", "provider", `aws_access_key_id = ${akia}`, akia),
  c("aws-session-key-id", "provider", `"AccessKeyId": "${asia}",`, asia),
  c("aws-secret-key", "provider", `[default]\naws_secret_access_key = ${AWS_SECRET}\n`, AWS_SECRET),
  c("slack-bot", "provider", `SLACK_BOT=${xoxb}`, xoxb),
  c("slack-webhook", "provider", `curl -X POST ${hook} -d '{}'`, hook.slice(40)),
  c("stripe-live", "provider", `stripe.api_key = "${stripe}"`, stripe),
  c("stripe-restricted", "provider", `key: ${rk}`, rk),
  c("openai-project", "provider", `OPENAI_API_KEY=${openaiProj}`, openaiProj),
  c("openai-legacy", "provider", `openai.api_key = '${openaiLegacy}'`, openaiLegacy),
  c("anthropic", "provider", `x-api-key: ${ant}`, ant),
  c("google", "provider", `https://maps.googleapis.com/maps/api/js?key=${google}`, google),
  c("npm", "provider", `//registry.npmjs.org/:_authToken=${npm}`, npm),
  c("huggingface", "provider", `HF_TOKEN ${hf}`, hf),
  c("digitalocean", "provider", `token: ${dop}`, dop),
  c("shopify-secretlint-rule", "provider", `SHOPIFY_ACCESS=${shopify}`, shopify),
  c("sendgrid", "provider", `sg = ${sendgrid}`, sendgrid),
  c("pem-rsa", "private-key", `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----\n`, pemBody.slice(0, 64)),
  c("pem-pkcs8-short", "private-key", "-----BEGIN PRIVATE KEY-----\nMIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6\n-----END PRIVATE KEY-----", "MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6"),
  c("openssh", "private-key", `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----`, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
  c("ec-truncated", "private-key", `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49`, "MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY"),
  c("pgp", "private-key", `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGN${fake(60)}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----`, `lQOYBGN${fake(60)}`),
  c("postgres-url", "connection", `DATABASE_URL=postgres://app:${dbPass}@db.internal:5432/app`, dbPass),
  c("mongodb-srv", "connection", `mongodb+srv://admin:${fake(18)}@cluster0.abc.mongodb.net/test`, fake(18)),
  c("redis-no-user", "connection", `REDIS_URL=redis://:${fake(16)}@cache:6379/0`, fake(16)),
  c("jdbc-password", "connection", `Server=db;Database=app;User Id=sa;Password=${fake(14)};`, fake(14)),
  c("curl-user", "connection", `curl -u deploy:${fake(15)} https://ci.example/api`, fake(15)),
  c("jwt", "header", `Set-Cookie: session=${jwt}; HttpOnly`, jwt),
  c("bearer-opaque", "header", `Authorization: Bearer ${bearer}`, bearer),
  c("basic-auth", "header", `Authorization: Basic ${b64(`admin:${fake(12)}`)}`, b64(`admin:${fake(12)}`)),
  c("api-key-quoted", "generic", `const API_KEY = "${fake(32, HEX)}";`, fake(32, HEX)),
  c("client-secret-yaml", "generic", `oauth:\n  client_secret: ${fake(28)}\n`, fake(28)),
  c("db-password-env", "generic", "DB_PASSWORD=Tr1cky-Pa55word\n", "Tr1cky-Pa55word"),
  c("json-password", "generic", `{"username": "svc", "password": "${fake(16)}"}`, fake(16)),
  c("python-token", "generic", `auth_token = '${fake(30)}'`, fake(30)),

  // must find nothing
  c("aws-docs-example", "benign", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
  c("x-placeholder-token", "benign", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
  c("env-example", "benign", "API_KEY=your-api-key-here\nDB_PASSWORD=changeme\nGITHUB_TOKEN=<your-token>\nSECRET_KEY=${SECRET_KEY}\nSTRIPE_KEY=sk_live_...\n"),
  c("env-references", "benign", "token: process.env.API_TOKEN\npassword: ${{ secrets.DB_PASSWORD }}\napi_key = os.environ['API_KEY']\nsecret: \"{{ vault_secret }}\""),
  c("masked-output", "benign", "password: ********\ntoken: [redacted]\napi_key=••••••••"),
  c("code-not-values", "benign", "const token = getToken();\nlet password: string;\nmax_tokens: 4096\npassword_min_length = 12\nTOKEN_URL=https://auth.example/token\nconst apiKey = config.apiKey;"),
  c("hashes-and-ids", "benign", `sha256: ${fake(64, HEX)}\ncommit ${fake(40, HEX)}\nid: 123e4567-e89b-12d3-a456-426614174000`),
  c("lockfile", "benign", `"integrity": "sha512-${b64(fake(64))}",\n"resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz"`),
  c("db-url-without-password", "benign", "postgres://localhost:5432/app\nhttps://user@git.example/repo.git\npostgres://user:${DB_PASS}@db/app"),
  c("db-url-placeholder", "benign", "mysql://root:password@localhost/db\npostgres://user:changeme@localhost/app"),
  c("bearer-placeholder", "benign", "Authorization: Bearer <token>\nAuthorization: Bearer $TOKEN\nAuthorization: Bearer YOUR_TOKEN_HERE"),
  c("pem-docs", "benign", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"),
  c("public-key-and-cert", "benign", `-----BEGIN PUBLIC KEY-----\n${fake(64)}\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\n${fake(64)}\n-----END CERTIFICATE-----`),
  c("sk-words", "benign", "scikit-learn-and-friends-dashboard, task-management-system-v2, sk-learn"),
  c("base64-image", "benign", "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\">"),
  c("prose-about-tokens", "benign", "Rotate your token every 90 days. The password policy requires 12 characters. Secret scanning is on."),
];
