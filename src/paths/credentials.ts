// Credential paths: files whose content must never reach the model (DESIGN.md list, plus each layer's
// `credentialPaths`). Owns the table and the matcher; what counts as a read is decided by the checks.
import path from "node:path";
import { Minimatch } from "minimatch";
import type { Context } from "../context-types.js";
import type { Layer } from "../types.js";
import { basenameHint, compileGlob, staticPrefix, type CompiledGlob } from "./globs.js";
import { isInside } from "./resolve.js";
import { firstFileUnder } from "./tree-walk.js";

export interface CredentialEntry {
  readonly id: string;
  /** `~/…` is the home directory; `**​/…` matches anywhere. */
  readonly glob: string;
  /** Basename globs that look like the entry but hold no secret (`.env.example`). */
  readonly except?: readonly string[];
  readonly what: string;
}

/** The built-in list (DESIGN.md "Credential paths", and a few more). */
export const CREDENTIAL_PATHS: readonly CredentialEntry[] = [
  { id: "credentials.ssh", glob: "~/.ssh/**", what: "your SSH keys and config" },
  { id: "credentials.aws", glob: "~/.aws/**", what: "your AWS credentials" },
  { id: "credentials.gnupg", glob: "~/.gnupg/**", what: "your GnuPG keyring" },
  { id: "credentials.netrc", glob: "~/.netrc", what: "your .netrc passwords" },
  { id: "credentials.git-credentials", glob: "~/.git-credentials", what: "your stored git credentials" },
  { id: "credentials.npmrc", glob: "~/.npmrc", what: "your npm token file" },
  { id: "credentials.pypirc", glob: "~/.pypirc", what: "your PyPI token file" },
  { id: "credentials.docker", glob: "~/.docker/config.json", what: "your Docker registry logins" },
  { id: "credentials.kube", glob: "~/.kube/config", what: "your Kubernetes credentials" },
  { id: "credentials.gh", glob: "~/.config/gh/**", what: "your GitHub CLI token" },
  { id: "credentials.gcloud", glob: "~/.config/gcloud/**", what: "your Google Cloud credentials" },
  { id: "credentials.azure", glob: "~/.azure/**", what: "your Azure credentials" },
  // Beyond DESIGN.md's list: other stores that hold nothing but secrets.
  { id: "credentials.claude", glob: "~/.claude/.credentials.json", what: "your Claude Code login" },
  { id: "credentials.pgpass", glob: "~/.pgpass", what: "your PostgreSQL passwords" },
  { id: "credentials.vault", glob: "~/.vault-token", what: "your Vault token" },
  { id: "credentials.secrets-mount", glob: "/run/secrets/**", what: "mounted secrets (Docker, Kubernetes)" },
  { id: "credentials.secrets-mount", glob: "/var/run/secrets/**", what: "mounted secrets (Docker, Kubernetes)" },
  { id: "credentials.environ", glob: "/proc/**/environ", what: "a process's environment, secrets included" },
  { id: "credentials.env", glob: "**/.env", what: "an environment file with secrets" },
  {
    id: "credentials.env",
    glob: "**/.env.*",
    except: [".env.example", ".env.sample", ".env.template"],
    what: "an environment file with secrets",
  },
  // Cloudflare's local secrets file: `grep API_KEY .dev.vars` was a reported read-deny bypass (peers §c 59).
  { id: "credentials.env", glob: "**/.dev.vars", what: "an environment file with secrets" },
  // Public halves (`id_rsa.pub`) are not secrets.
  { id: "credentials.private-key", glob: "**/id_rsa*", except: ["*.pub"], what: "a private key" },
  { id: "credentials.private-key", glob: "**/id_ed25519*", except: ["*.pub"], what: "a private key" },
  { id: "credentials.private-key", glob: "**/id_ecdsa*", except: ["*.pub"], what: "a private key" },
  { id: "credentials.private-key", glob: "**/id_dsa*", except: ["*.pub"], what: "a private key" },
  { id: "credentials.key-file", glob: "**/*.pem", what: "a key or certificate file" },
  { id: "credentials.key-file", glob: "**/*.key", what: "a key file" },
  { id: "credentials.key-file", glob: "**/*.p12", what: "a key store" },
  { id: "credentials.key-file", glob: "**/*.pfx", what: "a key store" },
];

export interface CredentialMatch {
  readonly id: string;
  readonly layer: Layer;
  readonly glob: string;
  readonly what: string;
  /** The policy file the entry came from (built-in entries: "builtin"). */
  readonly file: string;
}

interface Compiled extends CredentialMatch {
  readonly matcher: CompiledGlob;
  readonly except: readonly CompiledGlob[];
  /** Entries under the home directory (`~/.ssh/**`): a recursive read of an ancestor reaches them. */
  readonly homeRoot?: string;
}

const cache = new WeakMap<object, { home: string; entries: readonly Compiled[] }>();

/** What a file must have for any entry to match it, when every entry says: lies under one of these directories
 *  (home, `/proc`, `/run/secrets`…), or has one of these texts in its name. Undefined when some entry (a policy glob
 *  of another shape) can match anything. */
type Hints = { readonly under: readonly string[]; readonly names: readonly string[] };
const nameHints = new WeakMap<readonly Compiled[], Hints | undefined>();

function hintsFor(entries: readonly Compiled[], home: string): Hints | undefined {
  if (nameHints.has(entries)) return nameHints.get(entries);
  const underHome = home.endsWith("/") ? home : `${home}/`;
  const under = [underHome];
  const names: string[] = [];
  let hints: Hints | undefined = { under, names };
  for (const e of entries) {
    const glob = e.glob.startsWith("~/") ? `${underHome}${e.glob.slice(2)}` : e.glob;
    if (glob.startsWith(underHome) && !glob.slice(underHome.length).startsWith("**")) continue;
    const hint = basenameHint(glob);
    if (hint !== undefined) {
      names.push(hint);
      continue;
    }
    const root = glob.startsWith("/") ? staticPrefix(glob) : "";
    if (root.length > 1) {
      under.push(root.endsWith("/") ? root : `${root}/`);
      continue;
    }
    hints = undefined;
    break;
  }
  nameHints.set(entries, hints);
  return hints;
}

/** Compiled once per policy object and home directory. */
function compiled(ctx: Pick<Context, "home" | "policy">): readonly Compiled[] {
  const hit = cache.get(ctx.policy);
  if (hit && hit.home === ctx.home) return hit.entries;
  const entries: Compiled[] = [];
  for (const e of CREDENTIAL_PATHS) {
    const glob = e.glob.startsWith("~/") ? path.posix.join(ctx.home, e.glob.slice(2)) : e.glob;
    const matcher = compileGlob(glob);
    entries.push({
      id: e.id, layer: "builtin", glob: e.glob, what: e.what, file: "builtin", matcher,
      except: (e.except ?? []).map(compileGlob),
      ...(e.glob.startsWith("~/") ? { homeRoot: matcher.tree ? glob.slice(0, -3) : glob } : {}),
    });
  }
  for (const r of ctx.policy.credentialPaths) {
    const matcher = compileGlob(r.glob);
    entries.push({
      id: "credentials.policy", layer: r.layer, glob: r.glob, what: `a credential path listed in ${r.file}`, file: r.file, matcher, except: [],
      ...(isInside(matcher.root, ctx.home) && matcher.root !== ctx.home ? { homeRoot: matcher.root } : {}),
    });
  }
  cache.set(ctx.policy, { home: ctx.home, entries });
  return entries;
}

/** The first credential entry that `p` (an absolute path, lexical or real) falls under. A tree entry
 *  (`~/.ssh/**`) matches the directory itself as well: Grep or Glob rooted there reads it all. */
export function matchCredential(p: string, ctx: Pick<Context, "home" | "policy">): CredentialMatch | undefined {
  const entries = compiled(ctx);
  // Most paths (a source file, a directory walk's every file) lie outside home and have none of the entries' names:
  // they are answered without building a single matcher.
  const hints = hintsFor(entries, ctx.home);
  let base: string | undefined;
  if (hints !== undefined && !hints.under.some((dir) => p.startsWith(dir) || (p.length === dir.length - 1 && dir.startsWith(p)))) {
    base = path.posix.basename(p);
    if (!hints.names.some((n) => base!.includes(n))) return undefined;
  }
  for (const e of entries) {
    if (!e.matcher.matches(p)) continue;
    if (e.except.length > 0) {
      base ??= path.posix.basename(p);
      if (e.except.some((x) => x.matches(base!))) continue;
    }
    return strip(e);
  }
  return undefined;
}

/** A credential tree under home that lies inside directory `dir` (`tar czf x ~`, `cp -r ~ /tmp`): a recursive read
 *  of `dir` reads it. Project-level `.env` files are not counted here (a recursive grep of the project is normal). */
export function credentialBelow(dir: string, ctx: Pick<Context, "home" | "policy">): CredentialMatch | undefined {
  for (const e of compiled(ctx)) {
    if (e.homeRoot !== undefined && isInside(e.homeRoot, dir)) return strip(e);
  }
  return undefined;
}

export interface TreeFilter {
  /** The reader skips dot-files (ripgrep without `--hidden`). */
  readonly skipHidden?: boolean;
  /** Basename globs the reader limits itself to (`grep -r --include='*.ts'`) or leaves out (`--exclude`). */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** An existing credential file inside directory `dir` that a recursive read would reach (`grep -r KEY .` with a
 *  `.env` in the project, `tar czf x.tgz .`), within the bounds of tree-walk.ts. */
export function credentialFileUnder(dir: string, ctx: Pick<Context, "home" | "policy">, filter: TreeFilter = {}): { file: string; match: CredentialMatch } | undefined {
  const include = (filter.include ?? []).map(nameGlob);
  const exclude = (filter.exclude ?? []).map(nameGlob);
  let match: CredentialMatch | undefined;
  const file = firstFileUnder(path.posix.normalize(dir), (p, name) => {
    if (include.length > 0 && !include.some((m) => m.match(name))) return false;
    if (exclude.some((m) => m.match(name))) return false;
    match = matchCredential(p, ctx);
    return match !== undefined;
  }, filter.skipHidden ? { skipHidden: true } : {});
  return file !== undefined && match !== undefined ? { file, match } : undefined;
}

/** `--include` / `--exclude` basename globs, compiled once per pattern (a matcher holds no state between calls). */
const nameGlobs = new Map<string, Minimatch>();

function nameGlob(glob: string): Minimatch {
  let mm = nameGlobs.get(glob);
  if (mm === undefined) {
    if (nameGlobs.size >= 256) nameGlobs.clear();
    mm = new Minimatch(glob, { dot: true, nobrace: true, noext: true, nonegate: true, nocomment: true });
    nameGlobs.set(glob, mm);
  }
  return mm;
}

/** Concrete paths a glob word could reach without the file existing yet (`cat ~/.s*\/id_rsa`, `cat .env*`): every
 *  home credential location plus the environment-file names in the glob's own directory. */
export function credentialExamples(dir: string, ctx: Pick<Context, "home" | "policy">): string[] {
  const h = ctx.home;
  const homeFiles = [
    ".ssh/id_rsa", ".ssh/id_ed25519", ".ssh/id_ecdsa", ".ssh/config", ".ssh/authorized_keys", ".aws/credentials", ".aws/config",
    ".gnupg/private-keys-v1.d/x.key", ".netrc", ".git-credentials", ".npmrc", ".pypirc", ".docker/config.json",
    ".kube/config", ".config/gh/hosts.yml", ".config/gcloud/credentials.db", ".azure/accessTokens.json",
  ].map((f) => path.posix.join(h, f));
  // Only dot-names here: bash's `*` skips them, so `cat *` stays a plain read while `cat .env*` does not.
  const local = [".env", ".env.local", ".env.production", ".env.development", ".dev.vars"]
    .map((f) => path.posix.join(dir, f));
  return [...homeFiles, ...local];
}

function strip(e: Compiled): CredentialMatch {
  return { id: e.id, layer: e.layer, glob: e.glob, what: e.what, file: e.file };
}
