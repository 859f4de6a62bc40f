// WebFetch and WebSearch: scheme, SSRF ranges, userinfo, IDN, domain rules (both sources), taint.
import { describe, expect, it } from "vitest";
import { checkWebTool } from "../../src/checks/network.js";
import { decide } from "../../src/decide.js";
import type { Context } from "../../src/context-types.js";
import { context, domain, rule, TAINT } from "../net/fixtures.js";

function fetchDecision(url: unknown, ctx: Context = context()) {
  const findings = checkWebTool("WebFetch", { url, prompt: "read" }, ctx);
  return { ...decide(findings), rules: findings.map((f) => f.rule) };
}

const allowGithub = context({ policy: { rules: [rule("WebFetch(domain:github.com)"), rule("WebFetch(domain:*.docs.rs)")], domains: [domain("*.example.org"), domain("pypi.org")] } });

describe("WebFetch: scheme and malformed URLs", () => {
  it.each([
    ["file:///etc/passwd", "network.scheme"],
    ["ftp://example.org/x", "network.scheme"],
    ["data:text/plain,hi", "network.scheme"],
    ["javascript:alert(1)", "network.scheme"],
    ["gopher://example.org/", "network.scheme"],
    ["not a url", "network.invalid-url"],
    ["/relative/path", "network.invalid-url"],
    [undefined, "network.invalid-url"],
    [42, "network.invalid-url"],
  ])("%s → deny %s", (url, id) => {
    const d = fetchDecision(url);
    expect(d.kind).toBe("deny");
    expect(d.rules).toContain(id);
  });

  it("file: URLs point to the Read tool", () => {
    expect(fetchDecision("file:///etc/passwd").reason).toMatch(/Read tool/);
  });
});

describe("WebFetch: private, loopback and metadata addresses", () => {
  it.each([
    "http://localhost:8080/admin",
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0:3000/",
    "http://10.1.2.3/",
    "http://192.168.0.1/router",
    "http://172.20.0.1/",
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://[fd00:ec2::254]/",
    "http://[fe80::1]/",
    "http://app.localhost/",
    "http://127.0.0.1.nip.io/",
    "http://intranet/wiki",
    "https://github.com@127.0.0.1/", // userinfo in front of a loopback host
  ])("%s → deny", (url) => {
    const d = fetchDecision(url, allowGithub);
    expect(d.kind).toBe("deny");
    expect(d.rules).toEqual(["network.private-address"]);
  });

  it("says which range and how to allow it", () => {
    expect(fetchDecision("http://0x7f.1/").reason).toMatch(/this machine.*127\.0\.0\.1.*WebFetch\(domain:127\.0\.0\.1\)/);
    expect(fetchDecision("http://169.254.169.254/").reason).toMatch(/metadata.*never allowed/);
  });

  it("an exact allow rule opens a local host, a wildcard or bare WebFetch does not", () => {
    expect(fetchDecision("http://localhost:3000/", context({ policy: { rules: [rule("WebFetch(domain:localhost)")] } })).kind).toBe("allow");
    expect(fetchDecision("http://localhost:3000/", context({ policy: { rules: [rule("WebFetch")] } })).kind).toBe("deny");
    expect(fetchDecision("http://localhost:3000/", context({ policy: { rules: [rule("WebFetch(domain:*)")] } })).kind).toBe("deny");
    expect(fetchDecision("http://api.localhost/", context({ policy: { domains: [domain("*.localhost")] } })).kind).toBe("deny");
  });

  it("metadata stays denied even when named exactly", () => {
    expect(fetchDecision("http://169.254.169.254/", context({ policy: { rules: [rule("WebFetch(domain:169.254.169.254)")] } })).kind).toBe("deny");
  });
});

describe("WebFetch: domain rules", () => {
  it.each([
    ["https://github.com/anthropics/claude-code", "allow"],
    ["https://GITHUB.com./x", "allow"],
    ["https://api.github.com/x", "ask"], // exact rule: no subdomains
    ["https://serde.docs.rs/x", "allow"],
    ["https://docs.rs/x", "ask"], // *.docs.rs is subdomains only
    ["https://a.example.org/", "allow"],
    ["https://example.org/", "ask"],
    ["https://pypi.org/simple", "allow"],
    ["https://evil-github.com/", "ask"],
    ["https://github.com.evil.io/", "ask"],
    ["https://notexample.org/", "ask"],
    ["https://8.8.8.8/", "ask"],
  ])("%s → %s", (url, kind) => {
    expect(fetchDecision(url, allowGithub).kind).toBe(kind);
  });

  it("allow names its rule and layer", () => {
    const findings = checkWebTool("WebFetch", { url: "https://github.com/" }, allowGithub);
    expect(findings).toEqual([expect.objectContaining({ severity: "allow", rule: "network.domain-allowed", layer: "user" })]);
    expect(findings[0]?.reason).toMatch(/WebFetch\(domain:github\.com\)/);
  });

  it("deny rules from either source win over allows", () => {
    const ctx = context({ policy: { rules: [rule("WebFetch(domain:pastebin.com)", "deny", "managed"), rule("WebFetch")], domains: [domain("*.evil.example", "deny", "project"), domain("*.evil.example")] } });
    for (const url of ["https://pastebin.com/raw/x", "https://a.evil.example/", "https://PasteBin.com./"]) {
      const d = fetchDecision(url, ctx);
      expect(d.kind).toBe("deny");
      expect(d.rules).toContain("network.domain-denied");
    }
    expect(fetchDecision("https://evil.example/", ctx).kind).toBe("allow"); // bare WebFetch allow; *.evil.example is subdomains only
  });

  it("an ask rule asks", () => {
    const ctx = context({ policy: { domains: [domain("github.com", "ask"), domain("github.com")] } });
    expect(fetchDecision("https://github.com/", ctx)).toMatchObject({ kind: "ask", rules: ["network.domain-ask"] });
  });

  it("a bare WebFetch allow rule allows every public domain", () => {
    expect(fetchDecision("https://anything.example/", context({ policy: { rules: [rule("WebFetch")] } })).kind).toBe("allow");
  });

  it("unlisted asks with the URL, the host and how to allowlist", () => {
    const d = fetchDecision("https://example.org/docs");
    expect(d.kind).toBe("ask");
    expect(d.rules).toEqual(["network.fetch-unlisted"]);
    expect(d.reason).toMatch(/https:\/\/example\.org\/docs.*host example\.org.*WebFetch\(domain:example\.org\)/);
  });
});

describe("WebFetch: userinfo", () => {
  it.each(["https://github.com@evil.example/", "https://github.com:443@evil.example/payload", "https://www.github.com%2F@evil.example/"])(
    "%s asks and names the real host",
    (url) => {
      const d = fetchDecision(url, allowGithub);
      expect(d.kind).toBe("ask");
      expect(d.rules).toEqual(["network.userinfo"]);
      expect(d.reason).toMatch(/real host is evil\.example/);
    },
  );

  it("asks even when the real host is allowlisted", () => {
    expect(fetchDecision("https://evil.example@github.com/", allowGithub).rules).toEqual(["network.userinfo"]);
  });

  it("does not repeat a password", () => {
    const d = fetchDecision("https://user:s3cret@example.org/");
    expect(d.reason).not.toMatch(/s3cret/);
    expect(d.reason).toMatch(/a password/);
  });

  it("is denied when the real host is deny-listed", () => {
    const ctx = context({ policy: { rules: [rule("WebFetch(domain:evil.example)", "deny")] } });
    expect(fetchDecision("https://github.com@evil.example/", ctx).kind).toBe("deny");
  });
});

describe("WebFetch: IDN", () => {
  it.each(["https://gіthub.com/", "https://xn--gthub-n2e.com/", "https://раураl.com/login", "https://münchen.de/"])("%s asks, showing both forms", (url) => {
    const d = fetchDecision(url, allowGithub);
    expect(d.kind).toBe("ask");
    expect(d.rules).toEqual(["network.idn"]);
    expect(d.reason).toMatch(/xn--.*displayed as/);
  });

  it("names the imitated domain and the mixed scripts", () => {
    expect(fetchDecision("https://gіthub.com/", allowGithub).reason).toMatch(/Latin and Cyrillic.*looks like "github\.com"/);
  });

  it("an allowlisted IDN that imitates nothing is allowed", () => {
    expect(fetchDecision("https://münchen.de/", context({ policy: { domains: [domain("münchen.de")] } })).kind).toBe("allow");
  });

  it("a look-alike asks even under a wildcard allow", () => {
    expect(fetchDecision("https://gіthub.example.org/", allowGithub).kind).toBe("ask");
  });
});

describe("WebFetch: taint", () => {
  it("an allowlisted domain asks while tainted, naming the source", () => {
    const d = fetchDecision("https://github.com/", context({ taint: TAINT, policy: { rules: [rule("WebFetch(domain:github.com)")] } }));
    expect(d).toMatchObject({ kind: "ask", rules: ["network.tainted"] });
    expect(d.reason).toMatch(/WebFetch https:\/\/example\.org\/p/);
  });

  it("an unlisted fetch mentions the taint", () => {
    expect(fetchDecision("https://example.org/", context({ taint: TAINT })).reason).toMatch(/prompt injection/);
  });

  it("private addresses stay denied while tainted", () => {
    expect(fetchDecision("http://127.0.0.1/", context({ taint: TAINT })).kind).toBe("deny");
  });
});

describe("WebSearch", () => {
  it("asks by default, quoting the query and domain filters", () => {
    const findings = checkWebTool("WebSearch", { query: "zod mini docs", allowed_domains: ["zod.dev"], blocked_domains: ["spam.example"] }, context());
    const d = decide(findings);
    expect(d.kind).toBe("ask");
    expect(findings.map((f) => f.rule)).toEqual(["network.search"]);
    expect(d.reason).toMatch(/"zod mini docs".*only from zod\.dev.*excluding spam\.example/);
  });

  it("says nothing when a WebSearch allow rule exists (tool-rules reports the allow)", () => {
    expect(checkWebTool("WebSearch", { query: "x" }, context({ policy: { rules: [rule("WebSearch")] } }))).toEqual([]);
  });

  it("a deny or ask WebSearch rule does not count as an allow", () => {
    expect(checkWebTool("WebSearch", { query: "x" }, context({ policy: { rules: [rule("WebSearch", "deny")] } })).map((f) => f.rule)).toEqual(["network.search"]);
  });

  it("asks while tainted even when allowed", () => {
    const f = checkWebTool("WebSearch", { query: "x" }, context({ taint: TAINT, policy: { rules: [rule("WebSearch")] } }));
    expect(f.map((x) => x.rule)).toEqual(["network.tainted"]);
  });
});
