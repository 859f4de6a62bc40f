// Host names: normalising, local-only names, IDN look-alikes, and matching a host against a domain rule
// (`example.com` exact, `*.example.com` subdomains only, as Claude Code's `WebFetch(domain:…)`). IP ranges: address.ts.
import { domainToASCII, domainToUnicode } from "node:url";
import { classifyIp, parseIpLiteral, parseIpv4, classifyIpv4, type AddressClass } from "./address.js";
import { table } from "../table.js";

/** Lower case, ASCII (punycode) form, no trailing dots. `GitHub.COM.` → `github.com`. Empty when not a valid host. */
export function normaliseHost(host: string): string {
  const trimmed = host.trim().replace(/\.+$/, "");
  if (trimmed.startsWith("[")) return trimmed.toLowerCase();
  if (trimmed === "*") return "*";
  const ascii = domainToASCII(trimmed);
  return ascii.toLowerCase();
}

export type HostKind = "ipv4" | "ipv6" | "name";

export interface HostFacts {
  /** ASCII, lower case, no trailing dot. */
  readonly host: string;
  readonly kind: HostKind;
  /** Where the host points, as far as the text tells. */
  readonly addressClass: AddressClass;
  /** Why a name counts as local (`localhost`, `.internal`, an embedded private IP…), for reasons. */
  readonly localWhy?: string;
  /** The Unicode form when any label is punycode (`xn--`). */
  readonly unicode?: string;
  /** Set when the Unicode form mixes scripts or imitates an ASCII name: the ASCII name it looks like. */
  readonly lookalike?: { readonly mixedScripts: readonly string[]; readonly skeleton: string };
}

// Names that never leave the machine or the local network; `metadata.google.internal` carries credentials.
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);
const LOOPBACK_NAMES = new Set(["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "localtest.me", "lvh.me", "vcap.me", "lacolhost.com"]);
const LOOPBACK_SUFFIXES = [".localhost", ".localtest.me", ".lvh.me", ".vcap.me", ".lacolhost.com"];
const LOCAL_SUFFIXES = [".local", ".internal", ".intranet", ".lan", ".home.arpa", ".corp", ".private"];
// Wildcard DNS services answer `10.0.0.1.nip.io` with 10.0.0.1: the name is an IP in disguise.
const WILDCARD_DNS = [".nip.io", ".sslip.io", ".xip.io", ".traefik.me", ".local.gd", ".localh.st"];

export function describeHost(rawHost: string): HostFacts {
  const host = normaliseHost(rawHost);
  const ip = parseIpLiteral(host);
  if (ip) return { host, kind: ip.version === 4 ? "ipv4" : "ipv6", addressClass: classifyIp(ip) };
  const name = nameClass(host);
  const idn = idnFacts(host);
  return { host, kind: "name", ...name, ...idn };
}

function nameClass(host: string): { addressClass: AddressClass; localWhy?: string } {
  if (METADATA_NAMES.has(host)) return { addressClass: "metadata", localWhy: "a cloud metadata service name" };
  if (LOOPBACK_NAMES.has(host) || LOOPBACK_SUFFIXES.some((s) => host.endsWith(s))) return { addressClass: "loopback", localWhy: "a name for this machine" };
  const embedded = embeddedIpv4(host);
  if (embedded && embedded.cls !== "public") return { addressClass: embedded.cls, localWhy: `a name that resolves to ${embedded.ip}` };
  if (LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return { addressClass: "private", localWhy: "a local-network name" };
  if (!host.includes(".")) return { addressClass: "private", localWhy: "a single-label name, which only resolves on the local network" };
  return { addressClass: "public" };
}

/** `127.0.0.1.nip.io`, `10-0-0-1.sslip.io`, or any name whose leading labels spell a dotted quad. */
function embeddedIpv4(host: string): { ip: string; cls: AddressClass } | undefined {
  const labels = host.split(".");
  const service = WILDCARD_DNS.find((s) => host.endsWith(s));
  if (service) {
    const left = host.slice(0, -service.length).split(".");
    for (let i = 0; i < left.length; i++) {
      const dotted = left.slice(i, i + 4).join(".");
      const v4 = parseIpv4(dotted) ?? parseIpv4((left[i] ?? "").replace(/^.*?(\d+-\d+-\d+-\d+)$/, "$1").replaceAll("-", "."));
      if (v4) return { ip: v4.join("."), cls: classifyIpv4(v4) };
    }
  }
  for (let i = 0; i + 4 < labels.length; i++) {
    const v4 = parseIpv4(labels.slice(i, i + 4).join("."));
    if (v4) return { ip: v4.join("."), cls: classifyIpv4(v4) };
  }
  return undefined;
}

// Letters that render like ASCII in common fonts: the look-alike skeleton maps them back.
const CONFUSABLES: Readonly<Record<string, string>> = table({
  а: "a", в: "b", с: "c", ԁ: "d", е: "e", һ: "h", і: "i", ј: "j", к: "k", ӏ: "l", м: "m", н: "h", о: "o", р: "p", ԛ: "q",
  г: "r", ѕ: "s", т: "t", ц: "u", ѵ: "v", ԝ: "w", х: "x", у: "y", ү: "y", з: "3", ı: "i", ɡ: "g", ɑ: "a",
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w",
  Α: "a", Β: "b", Ε: "e", Η: "h", Ι: "i", Κ: "k", Μ: "m", Ν: "n", Ο: "o", Ρ: "p", Τ: "t", Χ: "x", Υ: "y", Ζ: "z",
  "ℓ": "l", "ⅰ": "i", "ⅼ": "l", "ｏ": "o",
});
// Built on first use (an IDN host): \p{…} literals have ICU build their sets when evaluated, at every hook's start-up.
let scripts: readonly (readonly [string, RegExp])[] | undefined;
const SCRIPTS = () => (scripts ??= [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
  ["Han", /\p{Script=Han}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
]);

function idnFacts(host: string): { unicode?: string; lookalike?: HostFacts["lookalike"] } {
  if (!host.split(".").some((l) => l.startsWith("xn--"))) return {};
  const unicode = domainToUnicode(host);
  if (unicode === "" || unicode === host) return { unicode: host };
  const mixed: string[] = [];
  for (const label of unicode.split(".")) {
    const found = SCRIPTS().filter(([, re]) => re.test(label)).map(([name]) => name);
    if (found.length > 1) for (const s of found) if (!mixed.includes(s)) mixed.push(s);
  }
  const skeleton = [...unicode.normalize("NFKC")].map((ch) => CONFUSABLES[ch] ?? ch).join("");
  const imitates = /^[\x00-\x7f]*$/.test(skeleton) && skeleton !== unicode;
  return mixed.length > 0 || imitates ? { unicode, lookalike: { mixedScripts: mixed, skeleton } } : { unicode };
}

/** A domain rule as written (`Example.com`, `*.example.com`, `*`, `münchen.de`) → its normal form, or undefined. */
export function normaliseDomainPattern(pattern: string): string | undefined {
  let p = pattern.trim().toLowerCase();
  if (p.startsWith("domain:")) p = p.slice("domain:".length).trim();
  if (p === "*") return "*";
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(p)) {
    try {
      p = new URL(p).hostname;
    } catch {
      return undefined; // not a URL after all: the rule can't match anything
    }
  }
  const wildcard = p.startsWith("*.");
  const body = normaliseHost(wildcard ? p.slice(2) : p);
  if (body === "" || body.includes("*")) return undefined;
  return wildcard ? `*.${body}` : body;
}

/**
 * Does `host` (any spelling) match a domain rule? `example.com` matches only itself; `*.example.com` matches
 * `a.example.com` and `a.b.example.com` but not `example.com`; `*` matches everything. Never a suffix match on raw
 * text, so `evil-example.com` and `example.com.evil.io` never match `example.com`.
 */
export function matchesDomain(host: string, pattern: string): boolean {
  const p = normaliseDomainPattern(pattern);
  if (p === undefined) return false;
  if (p === "*") return true;
  const h = normaliseHost(host);
  if (h === "") return false;
  if (p.startsWith("*.")) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return h === p;
}
