// Where a command-line argument points: repository URLs (`https://…`, `git@host:path`, `ssh://…`, `ext::…`),
// copy operands (`host:path`, `host::module`, `rsync://…`), ssh destinations and image references. Text in, host out;
// no policy here. Web URLs for the fetch tool: url.ts.
import { normaliseHost } from "./domain.js";

export type Remote =
  | { readonly kind: "host"; readonly host: string; readonly user?: string }
  /** A local path or `file://`: no network. */
  | { readonly kind: "local" }
  /** `ext::cmd` runs a command; `persistent-https::`, `codecommit::` hand the address to a helper program. */
  | { readonly kind: "helper"; readonly helper: string; readonly address: string }
  | { readonly kind: "unknown" };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/** A URL with `scheme://`; `file:` is local. */
export function urlRemote(word: string): Remote | undefined {
  const m = SCHEME.exec(word);
  if (!m) return undefined;
  const scheme = (m[1] ?? "").toLowerCase().replace(/^git\+/, "");
  if (scheme === "file") return { kind: "local" };
  const authority = word.slice(m[0].length).split(/[/?#]/, 1)[0] ?? "";
  const at = authority.lastIndexOf("@");
  const user = at >= 0 ? authority.slice(0, at).split(":", 1)[0] : undefined;
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  const host = hostPort.startsWith("[") ? hostPort.slice(0, hostPort.indexOf("]") + 1) : (hostPort.split(":", 1)[0] ?? "");
  const normal = normaliseHost(host) || host.toLowerCase();
  if (normal === "") return { kind: "unknown" };
  return { kind: "host", host: normal, ...(user ? { user } : {}) };
}

/** `[user@]host:path` (scp syntax) — not a path with a slash before the colon, not a Windows drive. */
export function scpRemote(word: string): Remote | undefined {
  const m = /^(?:([^@/:\s]+)@)?(\[[^\]/]+\]|[^/:\s@]+):(:?)(.*)$/s.exec(word);
  if (!m) return undefined;
  const host = m[2] ?? "";
  if (/^[a-zA-Z]$/.test(host) && /^[\\/]/.test(m[4] ?? "")) return undefined; // C:\path
  const normal = normaliseHost(host) || host.toLowerCase();
  return { kind: "host", host: normal, ...(m[1] ? { user: m[1] } : {}) };
}

/** A git repository argument: URL, scp syntax, transport helper, or a local path. */
export function gitRemote(word: string): Remote {
  const helper = /^([a-zA-Z][a-zA-Z0-9+.-]*)::(.*)$/s.exec(word);
  if (helper) return { kind: "helper", helper: (helper[1] ?? "").toLowerCase(), address: helper[2] ?? "" };
  const url = urlRemote(word);
  if (url) return url;
  if (/^(\.{0,2}\/|~|[a-zA-Z]:[\\/])/.test(word)) return { kind: "local" };
  return scpRemote(word) ?? { kind: "local" };
}

/** An rsync/scp operand: remote when it names a host; undefined for local paths. */
export function copyRemote(word: string): Remote | undefined {
  if (/^(\.{0,2}\/|~)/.test(word)) return undefined;
  const url = urlRemote(word);
  if (url) return url.kind === "local" ? undefined : url;
  return scpRemote(word);
}

/** `user@host`, `host`, `ssh://user@host:22`. */
export function sshDestination(word: string): Remote {
  const url = urlRemote(word);
  if (url) return url;
  const at = word.lastIndexOf("@");
  const user = at >= 0 ? word.slice(0, at) : undefined;
  const host = at >= 0 ? word.slice(at + 1) : word;
  const normal = normaliseHost(host) || host.toLowerCase();
  return normal === "" ? { kind: "unknown" } : { kind: "host", host: normal, ...(user ? { user } : {}) };
}

/** An image reference's registry: `ghcr.io/a/b:1` → ghcr.io; `alpine`, `library/alpine` → docker.io. */
export function imageRegistry(ref: string, fallback: string): string {
  const first = ref.split("/", 1)[0] ?? "";
  if (ref.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")) return first.toLowerCase();
  return fallback;
}

/** A host-ish word for probes (`dig example.org`, `ping 10.0.0.1`): anything with a dot or colon, or a bare name. */
export function looksLikeHost(word: string): boolean {
  // ASCII first: the \p{…} classes cost ICU work the first time they are evaluated (for \p{L}\p{N}, ASCII is [A-Za-z0-9]).
  const hostChars = /^[\w.:[\]-]+$/.test(word) || (/[^\x00-\x7f]/.test(word) && /^[\p{L}\p{N}_.:[\]-]+$/u.test(word));
  return hostChars && !/^\d+$/.test(word);
}
