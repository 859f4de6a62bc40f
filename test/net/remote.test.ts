// Hosts in command-line arguments: repository URLs, scp syntax, copy operands, ssh destinations, image references.
import { describe, expect, it } from "vitest";
import { copyRemote, gitRemote, imageRegistry, sshDestination } from "../../src/net/remote.js";
import { scanArgs } from "../../src/net/argv.js";

const host = (h: string, user?: string) => ({ kind: "host", host: h, ...(user ? { user } : {}) });

describe("gitRemote", () => {
  it.each([
    ["https://github.com/a/b.git", host("github.com")],
    ["https://tok@GitHub.com/a/b", host("github.com", "tok")],
    ["git+ssh://git@gitlab.com/a/b", host("gitlab.com", "git")],
    ["ssh://git@host.example:2222/a.git", host("host.example", "git")],
    ["git://git.kernel.org/pub/x.git", host("git.kernel.org")],
    ["git@github.com:a/b.git", host("github.com", "git")],
    ["example.org:repo.git", host("example.org")],
    ["[::1]:repo", host("[::1]")],
    ["file:///srv/repo.git", { kind: "local" }],
    ["../sibling", { kind: "local" }],
    ["./a:b", { kind: "local" }],
    ["/srv/repo:x", { kind: "local" }],
    ["~/repo", { kind: "local" }],
    ["C:\\repo", { kind: "local" }],
    ["plain-dir", { kind: "local" }],
    ["ext::sh -c touch% /tmp/pwned", { kind: "helper", helper: "ext", address: "sh -c touch% /tmp/pwned" }],
    ["codecommit::us-east-1://repo", { kind: "helper", helper: "codecommit", address: "us-east-1://repo" }],
  ])("%s", (word, expected) => {
    expect(gitRemote(word)).toEqual(expected);
  });
});

describe("copyRemote", () => {
  it.each([
    ["evil:/x/", host("evil")],
    ["user@backup.example.org:~/", host("backup.example.org", "user")],
    ["mirror.example.org::module/path", host("mirror.example.org")],
    ["rsync://mirror.example.org/pub/", host("mirror.example.org")],
    ["scp://u@h.example:22/x", host("h.example", "u")],
    ["src/", undefined],
    ["./odd:name", undefined],
    ["~/.ssh/", undefined],
    ["/abs/path", undefined],
    ["file:///x", undefined],
  ])("%s", (word, expected) => {
    expect(copyRemote(word)).toEqual(expected);
  });
});

describe("sshDestination", () => {
  it.each([
    ["deploy@Example.org", host("example.org", "deploy")],
    ["host", host("host")],
    ["ssh://u@h.example:2222", host("h.example", "u")],
  ])("%s", (word, expected) => {
    expect(sshDestination(word)).toEqual(expected);
  });
});

describe("imageRegistry", () => {
  it.each([
    ["alpine", "docker.io"],
    ["library/alpine:3", "docker.io"],
    ["ghcr.io/a/b:1", "ghcr.io"],
    ["localhost:5000/x", "localhost:5000"],
    ["registry.example.org:443/team/app@sha256:abc", "registry.example.org:443"],
  ])("%s → %s", (ref, reg) => {
    expect(imageRegistry(ref, "docker.io")).toBe(reg);
  });
});

describe("scanArgs", () => {
  const w = (...xs: string[]) => xs.map((value) => ({ value, text: value, dynamic: value.startsWith("$") }));
  it("skips option values and bundles", () => {
    const s = scanArgs(w("-vp", "22", "-iKEY", "--port=2", "host", "cmd"), 0, new Set(["-p", "-i"]));
    expect(s.operands.map((o) => o.word.value)).toEqual(["host", "cmd"]);
    expect(s.options.map((o) => [o.name, o.value?.value])).toEqual([["-v", undefined], ["-p", "22"], ["-i", "KEY"], ["--port", "2"]]);
  });
  it("ends options at --, treats dynamic words as operands", () => {
    const s = scanArgs(w("-C", "dir", "--", "-x", "$Y"), 0, new Set(["-C"]));
    expect(s.operands.map((o) => o.word.value)).toEqual(["-x", "$Y"]);
  });
  it("words style keeps single-dash long options whole", () => {
    const s = scanArgs(w("-connect", "h:443", "-tags", "x", "-mod=mod", "pkg"), 0, new Set(["-connect", "-tags"]), "words");
    expect(s.operands.map((o) => o.word.value)).toEqual(["pkg"]);
    expect(s.options.map((o) => o.name)).toEqual(["-connect", "-tags", "-mod"]);
  });
  it("plus words are options (cargo +nightly, dig +short)", () => {
    expect(scanArgs(w("+nightly", "install", "x"), 0, new Set()).operands.map((o) => o.word.value)).toEqual(["install", "x"]);
  });
});
