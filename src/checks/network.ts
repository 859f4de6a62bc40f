// Network approval for Claude Code's web tools: WebFetch (by URL: scheme, real host, address range, domain rules)
// and WebSearch. Does not own Bash network programs (network-shell.ts) or whole-tool rules (tool-rules.ts).
import type { Context } from "../context-types.js";
import type { RuleBehavior } from "../policy/types.js";
import { finding, type Finding, type Layer } from "../types.js";
import { matchesDomain, normaliseDomainPattern } from "../net/domain.js";
import { parseUrl, preview, showHost, type UrlFacts } from "../net/url.js";

/** A domain rule from either source, ready to explain itself. */
interface DomainMatch {
  readonly behavior: RuleBehavior;
  readonly layer: Layer;
  /** `WebFetch(domain:x)` in /p/.claude/settings.json */
  readonly source: string;
  /** Names exactly this host (not a `*.` wildcard, not every domain). */
  readonly exact: boolean;
}

export function checkWebTool(toolName: "WebFetch" | "WebSearch", toolInput: Record<string, unknown>, ctx: Context): Finding[] {
  return toolName === "WebFetch" ? checkWebFetch(toolInput, ctx) : checkWebSearch(toolInput, ctx);
}

function checkWebFetch(input: Record<string, unknown>, ctx: Context): Finding[] {
  const raw = input.url;
  if (typeof raw !== "string" || raw.trim() === "") {
    return [finding("deny", "network.invalid-url", "The WebFetch call has no `url`, so hookwarden blocked it; pass the page's full https:// URL.")];
  }
  const parsed = parseUrl(raw);
  if (!parsed.ok) return [finding("deny", "network.invalid-url", `WebFetch was given ${parsed.reason}, so hookwarden blocked it; pass a full https:// URL.`)];
  if (!parsed.webScheme) {
    return [finding("deny", "network.scheme", `WebFetch may only fetch http(s) URLs, and this one is \`${parsed.scheme}:\` (${preview(raw)}); ${schemeHint(parsed.scheme)}`)];
  }
  const host = parsed.host;
  const matches = domainMatches(host.host, ctx);
  const denies = matches.filter((m) => m.behavior === "deny");
  if (denies.length > 0) {
    return denies.map((m) => ({ severity: "deny", rule: "network.domain-denied", layer: m.layer, reason: `WebFetch to ${showHost(host)} is blocked by ${m.source}; use another source or ask the user for the content.` }));
  }
  const allows = matches.filter((m) => m.behavior === "allow");
  if (host.addressClass !== "public") {
    // Only an allow rule that names this very host (never a wildcard or `*`) opens a local address; metadata never.
    const named = allows.find((m) => m.exact);
    if (host.addressClass === "metadata" || !named) return [privateAddressFinding(parsed)];
  }
  const out: Finding[] = [];
  if (parsed.userinfo) out.push(finding("ask", "network.userinfo", userinfoReason(parsed)));
  if (host.unicode && (host.lookalike || allows.length === 0)) out.push(finding("ask", "network.idn", idnReason(parsed)));
  for (const m of matches.filter((x) => x.behavior === "ask")) {
    out.push({ severity: "ask", rule: "network.domain-ask", layer: m.layer, reason: `WebFetch to ${showHost(host)} is set to ask by ${m.source}.` });
  }
  if (out.length > 0) return out;
  const allow = allows[0];
  if (allow && ctx.taint) {
    return [finding("ask", "network.tainted", `${allow.source} allows ${host.host}, but this session read a likely prompt injection (${ctx.taint.family} in ${ctx.taint.source}), so hookwarden asks before anything is fetched; approve only if you asked for ${preview(parsed.url)}.`)];
  }
  if (allow) return [{ severity: "allow", rule: "network.domain-allowed", layer: allow.layer, reason: `WebFetch to ${host.host} is allowed by ${allow.source}.` }];
  return [finding("ask", "network.fetch-unlisted", `WebFetch fetches ${preview(parsed.url)} (host ${showHost(host)}) — approve it, or allowlist the domain with \`WebFetch(domain:${host.host})\` in permissions.allow or a \`domains\` rule in hookwarden.json.${taintNote(ctx)}`)];
}

function checkWebSearch(input: Record<string, unknown>, ctx: Context): Finding[] {
  const query = typeof input.query === "string" ? input.query : "";
  const allowed = ctx.policy.rules.find((r) => r.tool === "WebSearch" && r.specifier === undefined && r.behavior === "allow");
  if (allowed && ctx.taint) {
    return [finding("ask", "network.tainted", `"${allowed.raw}" allows WebSearch, but this session read a likely prompt injection (${ctx.taint.family} in ${ctx.taint.source}), so hookwarden asks before the query "${preview(query, 80)}" leaves the machine.`)];
  }
  // The whole-tool allow itself is reported by tool-rules.ts; nothing to add.
  if (allowed) return [];
  return [finding("ask", "network.search", `WebSearch sends the query "${preview(query, 80)}" to a search provider${domainsNote(input)} — approve it, or allow the tool with \`WebSearch\` in permissions.allow.${taintNote(ctx)}`)];
}

/** Every domain rule (hookwarden `domains`, Claude Code `WebFetch(domain:…)` and bare `WebFetch` allows) matching host. */
function domainMatches(host: string, ctx: Context): DomainMatch[] {
  const out: DomainMatch[] = [];
  for (const r of ctx.policy.domains) {
    if (!matchesDomain(host, r.domain)) continue;
    out.push({ behavior: r.behavior, layer: r.layer, source: `the domain rule "${r.domain}" in ${r.file}`, exact: !isWildcard(r.domain) });
  }
  for (const r of ctx.policy.rules) {
    if (r.tool !== "WebFetch") continue;
    if (r.specifier === undefined) {
      // A bare `WebFetch` deny/ask is reported by tool-rules.ts; a bare allow lets every public domain through.
      if (r.behavior === "allow") out.push({ behavior: "allow", layer: r.layer, source: `"${r.raw}" in ${r.file}`, exact: false });
      continue;
    }
    if (!r.specifier.startsWith("domain:")) continue;
    const pattern = r.specifier.slice("domain:".length);
    if (!matchesDomain(host, pattern)) continue;
    out.push({ behavior: r.behavior, layer: r.layer, source: `"${r.raw}" in ${r.file}`, exact: !isWildcard(pattern) });
  }
  return out;
}

function isWildcard(pattern: string): boolean {
  const p = normaliseDomainPattern(pattern);
  return p === undefined || p.includes("*");
}

function privateAddressFinding(u: UrlFacts): Finding {
  const h = u.host;
  const what =
    h.addressClass === "metadata" ? "a cloud metadata endpoint, which hands out instance credentials"
    : h.addressClass === "loopback" ? "this machine"
    : h.addressClass === "link-local" ? "a link-local address"
    : h.addressClass === "multicast" ? "a multicast or reserved address"
    : "the local network";
  const why = h.localWhy ? `, ${h.localWhy}` : "";
  const fix = h.addressClass === "metadata" ? "This is never allowed." : `If the user wants it, they can allowlist exactly \`WebFetch(domain:${h.host.replace(/^\[|\]$/g, "")})\`.`;
  return finding("deny", "network.private-address", `WebFetch to ${preview(u.url)} reaches ${what} (host ${h.host}${why}); web fetches may not reach local, private or metadata addresses. ${fix} Use the project's own tools for local services instead.`);
}

function userinfoReason(u: UrlFacts): string {
  const info = u.userinfo;
  const creds = info?.hasPassword ? " and a password" : "";
  return `WebFetch URL ${preview(u.url.replace(/\/\/[^@/]*@/, "//…@"))} carries "${preview(info?.user ?? "", 60)}"${creds} before "@": the real host is ${showHost(u.host)}, not "${preview(info?.user ?? "", 60)}". Approve only if you meant ${u.host.host}; drop the part before "@" otherwise.`;
}

function idnReason(u: UrlFacts): string {
  const h = u.host;
  const look = h.lookalike;
  const mixed = look && look.mixedScripts.length > 1 ? `; it mixes ${look.mixedScripts.join(" and ")} letters` : "";
  const like = look && look.skeleton !== h.unicode ? `; it looks like "${look.skeleton}" but is a different domain` : "";
  return `WebFetch to an internationalised domain: ${h.host} is displayed as "${h.unicode}"${mixed}${like}. Approve only if you meant this exact domain.`;
}

function schemeHint(scheme: string): string {
  if (scheme === "file") return "read local files with the Read tool instead.";
  if (scheme === "javascript" || scheme === "data") return "these URLs carry code or content inline and are never fetched.";
  return "ask the user to fetch it, or use an https:// URL.";
}

function domainsNote(input: Record<string, unknown>): string {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, 5) : []);
  const allowed = list(input.allowed_domains);
  const blocked = list(input.blocked_domains);
  const parts = [allowed.length > 0 ? `only from ${allowed.join(", ")}` : "", blocked.length > 0 ? `excluding ${blocked.join(", ")}` : ""].filter(Boolean);
  return parts.length > 0 ? ` (results ${parts.join(", ")})` : "";
}

function taintNote(ctx: Context): string {
  return ctx.taint ? ` This session read a likely prompt injection (${ctx.taint.family} in ${ctx.taint.source}); approve only if you asked for this.` : "";
}
