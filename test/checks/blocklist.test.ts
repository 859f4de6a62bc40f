// Blocklist: the built-in table's examples run through the whole pipeline; every bypass family; policy add/remove.
import { describe, expect, it } from "vitest";
import { checkBash } from "../../src/checks/bash.js";
import { BLOCKLIST, NETWORK_DEVICES } from "../../src/checks/blocklist.rules.js";
import { makeContext, program } from "../shell/helpers.js";

const rules = (src: string, ctx = makeContext()) => checkBash(src, ctx).filter((f) => f.rule.startsWith("blocklist.")).map((f) => f.rule);

describe("built-in table examples (whole pipeline)", () => {
  for (const rule of [...BLOCKLIST, NETWORK_DEVICES]) {
    describe(rule.id, () => {
      it.each(rule.match.map((m) => [m]))("denies %s", (src) => {
        const f = checkBash(src, makeContext()).filter((x) => x.rule === rule.id);
        expect(f.length, src).toBeGreaterThan(0);
        expect(f[0]!.severity).toBe("deny");
      });
      it.each(rule.notMatch.map((m) => [m]))("does not match %s", (src) => {
        expect(rules(src)).toEqual([]);
      });
    });
  }
});

describe("bypass families", () => {
  it.each([
    ["wrapper", "nice -n 5 nohup timeout 3 curl x"],
    ["privilege", "doas curl x"],
    ["sh -c", "bash -lc 'curl x'"],
    ["nested sh -c", `sh -c "bash -c 'wget x'"`],
    ["eval", "eval curl x"],
    ["substitution", "echo $(curl x)"],
    ["backticks", "echo `wget x`"],
    ["process substitution", "cat <(curl x)"],
    ["heredoc to shell", "bash <<EOF\ncurl x\nEOF"],
    ["here-string to shell", "sh <<< 'curl x'"],
    ["pipe of literal text to shell", "echo 'curl x' | sh"],
    ["quoting", "'c'url x"],
    ["ANSI-C", "$'\\x63\\x75\\x72\\x6c' x"],
    ["path", "/usr/local/bin/wget x"],
    ["relative path", "./curl x"],
    ["case", "Curl x"],
    ["xargs", "echo x | xargs curl"],
    ["find -exec", "find . -exec wget {} \\;"],
    ["parallel", "parallel curl ::: a b"],
    ["watch", "watch curl x"],
    ["env -S", "env -S 'curl x'"],
    ["busybox", "busybox nc -l 1"],
    ["function body", "f() { curl x; }"],
    ["after cd", "cd /tmp && curl x"],
    ["background", "curl x &"],
    ["subshell", "(curl x)"],
    ["loop", "for i in 1 2; do wget $i; done"],
    ["unknown wrapper option", "sudo --bogus wget x"],
    ["abbreviated wrapper option", "sudo --us=root wget x"],
    ["xargs --eof takes only =EOF", "echo x.io | xargs --eof curl"],
    ["xargs --max-lines takes only =N", "echo x | xargs --max-lines nc x 1"],
    ["xargs -l takes only an attached N", "echo x | xargs -l nc x 1"],
    ["xargs -e takes only an attached EOF", "echo x.io | xargs -e wget"],
    ["xargs -i takes only an attached R", "echo x | xargs -i ncat {} 1"],
    ["su --command abbreviated", "su --comm='curl x' root"],
    ["su with -c after --", "su -- root -c 'curl x'"],
    ["runuser -c", "runuser -u me -c 'curl x'"],
    ["script -E WHEN takes a value", "script -E never -c 'curl x' log"],
    ["/dev/tcp", "cat < /dev/tcp/example.org/80"],
    ["/dev/udp through sh -c", "sh -c 'echo x | cat > /dev/udp/10.0.0.1/53'"],
    ["/dev/tcp through a variable", "T=/dev/tcp/h/80; cat < \"$T\""],
  ])("%s: %s", (_family, src) => {
    expect(rules(src).length, src).toBeGreaterThan(0);
  });
});

describe("near misses stay clear", () => {
  it.each([
    ["echo \"wget is not allowed\""],
    ["grep -n curl src/x.ts"],
    ["git log --grep=wget"],
    ["man curl"],
    ["which curl"],
    ["command -v curl"],
    ["echo nc"],
    ["ls curl/"],
    ["cat <<'EOF'\ncurl x\nEOF"],
    ["git commit -m 'drop wget'"],
    ["npm install curlconverter"],
  ])("%s", (src) => {
    expect(rules(src)).toEqual([]);
  });
});

describe("/dev/tcp and /dev/udp outside a redirection are paths", () => {
  const decision = (src: string) => {
    const f = checkBash(src, makeContext());
    return f.some((x) => x.severity === "deny") ? "deny" : f.some((x) => x.severity === "ask") ? "ask" : "allow";
  };
  it.each([
    ["echo /dev/tcp/x/1"],
    ["cat docs/dev/tcp/notes.md"],
    ["find . -path '*/dev/tcp/*'"],
    ["grep -r /dev/tcp/ docs"],
    ["grep -rn 'exec 3<>/dev/tcp' scripts"],
    ["ls /dev/udp/"],
    ["cat /dev/tcp/h/80"], // Linux has no such file: cat fails
  ])("%s is allowed", (src) => {
    expect(rules(src)).toEqual([]);
    expect(decision(src)).toBe("allow");
  });
  it("a program writing to the name writes a file outside the project, not a socket", () => {
    expect(rules("echo x | tee /dev/udp/10.0.0.1/53")).toEqual([]);
    expect(decision("echo x | tee /dev/udp/10.0.0.1/53")).toBe("deny"); // scope.write-outside
  });
  it.each([
    ["exec 3<>/dev/tcp/h/80"],
    ["cat 0< /dev/tcp/h/80"],
    ["echo x &> /dev/udp/h/53"],
    ["sudo -u nobody bash -c 'cat </dev/tcp/h/80'"],
    ["echo 'exec 3<>/dev/tcp/h/80' | bash"],
    ["$(echo cat) < /dev/tcp/h/80"],
  ])("the redirection %s still denies", (src) => {
    expect(rules(src)).toContain("blocklist.dev-tcp");
  });
});

describe("policy", () => {
  it("adds programs, with the file in the reason", () => {
    const ctx = makeContext({ policy: { blocklistAdd: [program("rsync")] } });
    const f = checkBash("sudo rsync -a . host:/x", ctx).find((x) => x.rule === "blocklist.policy");
    expect(f?.severity).toBe("deny");
    expect(f?.reason).toMatch(/hookwarden\.json/);
  });
  it("removes built-ins", () => {
    const ctx = makeContext({ policy: { blocklistRemove: [program("curl")] } });
    expect(rules("curl example.org", ctx)).toEqual([]);
    expect(rules("wget example.org", ctx)).toEqual(["blocklist.download"]);
  });
  it("says what to do instead", () => {
    const f = checkBash("curl x", makeContext()).find((x) => x.rule === "blocklist.download")!;
    expect(f.reason).toMatch(/Instead,/);
    expect(f.layer).toBe("builtin");
  });
});
