// URLs as a fetcher will read them: the WHATWG parser (the one Node's fetch uses) decides the scheme, the real host
// and any userinfo, so `https://github.com@evil.example`, `http://0x7f.1` or `https:\\evil.example` mean here what
// they mean on the wire. Host classification: domain.ts, address.ts. Decisions: src/checks/network.ts.
import { describeHost, type HostFacts } from "./domain.js";

export type UrlFacts = {
  readonly ok: true;
  readonly url: string;
  /** Without the colon: `https`, `file`, `javascript`… */
  readonly scheme: string;
  /** http or https: the only schemes a web fetch may use. */
  readonly webScheme: boolean;
  readonly host: HostFacts;
  /** Set when the URL carries `user[:password]@` before the host (the password is never repeated). */
  readonly userinfo?: { readonly user: string; readonly hasPassword: boolean };
  readonly port?: string;
};

export type UrlResult = UrlFacts | { readonly ok: false; readonly reason: string };

const MAX_URL = 8192;

export function parseUrl(text: string): UrlResult {
  if (text.length > MAX_URL) return { ok: false, reason: `the URL is longer than ${MAX_URL} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: `"${preview(text)}" is not a valid absolute URL` };
  }
  const scheme = url.protocol.replace(/:$/, "").toLowerCase();
  const webScheme = scheme === "http" || scheme === "https";
  const host = describeHost(url.hostname);
  const user = decodeSafe(url.username);
  return {
    ok: true,
    url: url.href,
    scheme,
    webScheme,
    host,
    ...(url.username !== "" || url.password !== "" ? { userinfo: { user, hasPassword: url.password !== "" } } : {}),
    ...(url.port !== "" ? { port: url.port } : {}),
  };
}

/** A host as people read it: the punycode form plus, for IDNs, how it displays. */
export function showHost(host: HostFacts): string {
  return host.unicode && host.unicode !== host.host ? `${host.host} (displayed as "${host.unicode}")` : host.host;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray % in userinfo: show it as written
  }
}

export function preview(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\x00-\x1f\x7f]/g, "?");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
