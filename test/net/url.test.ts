// URL facts as a fetcher sees them: scheme, real host behind userinfo, every IP spelling, local names, IDN look-alikes.
import { describe, expect, it } from "vitest";
import { parseUrl, type UrlFacts } from "../../src/net/url.js";

function facts(url: string): UrlFacts {
  const r = parseUrl(url);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe("scheme", () => {
  it.each([
    ["https://example.org/a", "https", true],
    ["HTTP://example.org", "http", true],
    ["file:///etc/passwd", "file", false],
    ["ftp://example.org/x", "ftp", false],
    ["data:text/html,<script>x</script>", "data", false],
    ["javascript:alert(1)", "javascript", false],
    ["gopher://example.org:70/", "gopher", false],
    ["ws://example.org/", "ws", false],
  ])("%s → %s", (url, scheme, web) => {
    const f = facts(url);
    expect(f.scheme).toBe(scheme);
    expect(f.webScheme).toBe(web);
  });

  it("rejects relative and malformed URLs", () => {
    expect(parseUrl("example.org/x").ok).toBe(false);
    expect(parseUrl("http://1.2.3.4.5/").ok).toBe(false);
    expect(parseUrl("").ok).toBe(false);
    expect(parseUrl(`https://example.org/${"a".repeat(9000)}`).ok).toBe(false);
  });
});

describe("the real host", () => {
  it.each([
    ["https://github.com@evil.example/x", "evil.example", "github.com"],
    ["https://github.com:443@evil.example/", "evil.example", "github.com"],
    ["https://user:tok@example.org/", "example.org", "user"],
    ["https://github.com%40evil.example@real.example/", "real.example", "github.com@evil.example"],
  ])("%s → host %s, userinfo %s", (url, host, user) => {
    const f = facts(url);
    expect(f.host.host).toBe(host);
    expect(f.userinfo?.user).toBe(user);
  });

  it.each([
    ["https://evil.example\\@github.com/", "evil.example"], // backslash is a slash for http(s)
    ["https:/\\evil.example/", "evil.example"],
    ["https://git\thub.com/", "github.com"], // tabs and newlines are stripped
    ["https://GitHub.COM./x", "github.com"], // case and trailing dot
    ["https://github.com../x", "github.com"],
  ])("%s → %s", (url, host) => {
    const f = facts(url);
    expect(f.host.host).toBe(host);
    expect(f.userinfo).toBeUndefined();
  });
});

describe("IP literals in every spelling", () => {
  it.each([
    ["http://127.0.0.1/", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://0x7f.1/", "loopback"],
    ["http://0x7f000001/", "loopback"],
    ["http://0177.0.0.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://%31%32%37.0.0.1/", "loopback"],
    ["http://0/", "loopback"],
    ["http://0.0.0.0:8080/", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://[::]/", "loopback"],
    ["http://[0:0:0:0:0:0:0:1]/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://[::ffff:7f00:1]/", "loopback"],
    ["http://[::127.0.0.1]/", "loopback"],
    ["http://10.0.0.5/", "private"],
    ["http://172.16.0.1/", "private"],
    ["http://172.31.255.255/", "private"],
    ["http://192.168.1.1/", "private"],
    ["http://0xc0a80101/", "private"],
    ["http://3232235777/", "private"],
    ["http://100.64.0.1/", "private"],
    ["http://[::ffff:10.0.0.1]/", "private"],
    ["http://[fc00::1]/", "private"],
    ["http://[fd12:3456::1]/", "private"],
    ["http://[64:ff9b::10.0.0.1]/", "private"],
    ["http://[2002:c0a8:0101::1]/", "private"],
    ["http://169.254.1.1/", "link-local"],
    ["http://[fe80::1]/", "link-local"],
    ["http://169.254.169.254/latest/meta-data/", "metadata"],
    ["http://2852039166/", "metadata"],
    ["http://0xa9.0xfe.0xa9.0xfe/", "metadata"],
    ["http://[::ffff:169.254.169.254]/", "metadata"],
    ["http://[fd00:ec2::254]/", "metadata"],
    ["http://100.100.100.200/", "metadata"],
    ["http://224.0.0.1/", "multicast"],
    ["http://255.255.255.255/", "multicast"],
    ["http://[ff02::1]/", "multicast"],
    ["http://8.8.8.8/", "public"],
    ["http://172.32.0.1/", "public"],
    ["http://[2606:4700::1111]/", "public"],
    ["http://[::ffff:8.8.8.8]/", "public"],
  ])("%s → %s", (url, cls) => {
    expect(facts(url).host.addressClass).toBe(cls);
  });
});

describe("local names", () => {
  it.each([
    ["http://localhost:3000/", "loopback"],
    ["http://LOCALHOST./", "loopback"],
    ["http://api.localhost/", "loopback"],
    ["http://lvh.me/", "loopback"],
    ["http://x.localtest.me/", "loopback"],
    ["http://metadata.google.internal/computeMetadata/v1/", "metadata"],
    ["http://metadata/computeMetadata/v1/", "metadata"],
    ["http://printer.local/", "private"],
    ["http://db.corp.internal/", "private"],
    ["http://intranet/", "private"],
    ["http://127.0.0.1.nip.io/", "loopback"],
    ["http://10-0-0-1.sslip.io/", "private"],
    ["http://app.169.254.169.254.nip.io/", "metadata"],
    ["http://10.0.0.1.example.com/", "private"],
    ["http://example.org/", "public"],
    ["http://8.8.8.8.nip.io/", "public"],
    ["http://localhost.example.com/", "public"],
  ])("%s → %s", (url, cls) => {
    expect(facts(url).host.addressClass).toBe(cls);
  });
});

describe("IDN and look-alikes", () => {
  it("shows the punycode and the displayed form", () => {
    const f = facts("https://münchen.de/");
    expect(f.host.host).toBe("xn--mnchen-3ya.de");
    expect(f.host.unicode).toBe("münchen.de");
    expect(f.host.lookalike).toBeUndefined();
  });

  it.each([
    ["https://gіthub.com/", "github.com"], // Cyrillic і
    ["https://раураl.com/", "paypal.com"], // all Cyrillic: one script, still imitates ASCII
    ["https://xn--pple-43d.com/", "apple.com"], // Cyrillic а, written as punycode
    ["https://gοοgle.com/", "google.com"], // Greek omicron
  ])("%s imitates %s", (url, skeleton) => {
    const f = facts(url);
    expect(f.host.host.split(".").some((l) => l.startsWith("xn--"))).toBe(true);
    expect(f.host.lookalike?.skeleton).toBe(skeleton);
  });

  it("names mixed scripts", () => {
    expect(facts("https://gіthub.com/").host.lookalike?.mixedScripts).toEqual(["Latin", "Cyrillic"]);
  });

  it("plain ASCII hosts carry no IDN facts", () => {
    expect(facts("https://github.com/").host.unicode).toBeUndefined();
  });
});
