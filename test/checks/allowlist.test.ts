// Allowlists and denylists per simple command: Claude Code's rule matching, deny/ask rules found anywhere,
// allow rules that cover only what they match, taint, and untrusted project rules.
import { describe, expect, it } from "vitest";
import { checkAllowlist } from "../../src/checks/allowlist.js";
import { matchBashRule, matchBashRuleLoose } from "../../src/checks/bash-rule-match.js";
import { bashRule, commandsOf, decideBash, kind, makeContext, TAINT, withRules } from "../shell/helpers.js";

const split = (s: string) => s.split(" ");

describe("matchBashRule (Claude Code's documented matching)", () => {
  it.each([
    ["npm test:*", "npm test", true],
    ["npm test:*", "npm test -- --run", true],
    ["npm test:*", "npm testing", false],
    ["npm run build:*", "npm run build", true],
    ["npm run build:*", "npm run build:prod", false],
    ["ls *", "ls -la", true],
    ["ls *", "ls", true],
    ["ls *", "lsof", false],
    ["ls*", "lsof", true],
    ["ls*", "ls", true],
    ["git * main", "git push origin main", true],
    ["git * main", "git push origin main2", false],
    ["git * main", "git main", false],
    ["cargo test", "cargo test", true],
    ["cargo test", "cargo test --release", false],
    ["cargo test", "cargo", false],
    ["*", "anything at all", true],
    ["", "anything", true],
    ["npm   test:*", "npm test x", true],
    ["* --version", "node --version", true],
    ["git push*", "git push --force", true],
    ["rm -rf /tmp/x", "rm -rf /tmp/x/../../etc", false],
  ])("%j vs %j → %s", (spec, cmd, expected) => {
    expect(matchBashRule(spec, split(cmd))).toBe(expected);
  });
  it("is linear on hostile patterns", () => {
    const spec = "*a".repeat(50);
    const cmd = "a".repeat(2000) + "b";
    const t = Date.now();
    expect(matchBashRule(spec, [cmd])).toBe(false);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

describe("matchBashRuleLoose (deny/ask: flag order and grouping)", () => {
  it.each([
    ["rm -rf:*", "rm -fr /", true],
    ["rm -rf:*", "rm -r -f /", true],
    ["rm -rf:*", "rm -rfv /", true],
    ["rm -rf:*", "rm -f -r -- /", true],
    ["rm -rf *", "rm -fr x", true],
    ["rm -rf /:*", "rm -fr /", true],
    ["rm -rf /:*", "rm -fr /home", false],
    ["rm -r:*", "rm -rf x", true],
    ["rm -rf:*", "rm -r x", false],
    ["git push --force:*", "git push origin --force", true],
    ["git push:*", "git push", true],
    ["npm publish", "npm publish", true],
  ])("%j vs %j → %s", (spec, cmd, expected) => {
    expect(matchBashRuleLoose(spec, split(cmd))).toBe(expected);
  });
});

describe("deny and ask rules apply to every simple command", () => {
  const deny = withRules(bashRule("deny", "npm publish:*"), bashRule("deny", "sudo:*"), bashRule("ask", "git push:*"), bashRule("deny", "rm -rf:*"));
  it.each([
    ["npm publish", "deny"],
    ["npm   publish --access public", "deny"],
    ["sudo npm publish --access public", "deny"],
    ["sh -c \"npm publish\"", "deny"],
    ["cd pkg && npm publish", "deny"],
    ["echo $(npm publish)", "deny"],
    ["env -i npm publish", "deny"],
    ["proxychains4 -q npm publish", "deny"],
    ["torsocks npm publish", "deny"],
    ["firejail --net=none npm publish", "deny"],
    ["bash -lc 'timeout 5 npm publish'", "deny"],
    ["npm test; npm publish", "deny"],
    ["'npm' \"publish\"", "deny"],
    ["/usr/bin/sudo -n id -u", "deny"],
    ["sudo -u root id", "deny"],
    ["rm -fr build", "deny"],
    ["rm -r -f build", "deny"],
    ["find . -exec rm -rf {} +", "deny"],
    ["git push origin main", "ask"],
    ["nohup git push &", "ask"],
    ["npm pack", "ask"],
    ["echo 'npm publish'", "allow"],
    ["grep -rn 'git push' docs", "allow"],
  ])("%s → %s", (src, expected) => {
    expect(kind(src, deny), decideBash(src, deny).reason).toBe(expected);
  });
  it("names the rule and its file", () => {
    const d = decideBash("sudo npm publish", deny);
    expect(d.reason).toMatch(/Bash\(npm publish:\*\)/);
    expect(d.reason).toMatch(/settings\.json/);
    expect(d.findings.find((f) => f.rule === "settings.deny")?.layer).toBe("user");
  });
  it("a hookwarden commands rule carries its id and reason", () => {
    const rule = { ...bashRule("deny", "make deploy:*"), id: "commands.no-deploy", raw: "no-deploy: make deploy:*", reason: "Deploys go through CI; push a tag instead." };
    const d = decideBash("make deploy", withRules(rule));
    expect(d.kind).toBe("deny");
    expect(d.findings.some((f) => f.rule === "commands.no-deploy")).toBe(true);
    expect(d.reason).toMatch(/push a tag instead/);
  });
});

describe("allow rules cover only what they match", () => {
  const allow = withRules(bashRule("allow", "npm run build:*"), bashRule("allow", "cargo test"), bashRule("allow", "make *"));
  it.each([
    ["npm run build", "allow"],
    ["npm run build -- --watch", "allow"],
    ["cargo test", "allow"],
    ["npm run build && ls", "allow"],
    ["cd web && npm run build", "allow"],
    ["timeout 600 npm run build", "allow"],
    ["make", "allow"],
    ["make test", "allow"],
    ["npm run build && wget example.org", "deny"],
    ["cargo test; npm publish", "ask"],
    ["npm run build $(id)", "ask"],
    ["npm run build `id`", "ask"],
    ["cargo test --release", "ask"],
    ["sudo npm run build", "ask"],
    ["npm run build | sh", "ask"],
    ["LD_PRELOAD=/tmp/x.so cargo test", "ask"],
    ["sh -c 'npm run build; rm -rf dist'", "ask"],
    ["npm run build:prod", "ask"],
  ])("%s → %s", (src, expected) => {
    expect(kind(src, allow), decideBash(src, allow).reason).toBe(expected);
  });
  it("a substitution that only produces fixed text does not void an allow", () => {
    const ctx = withRules(bashRule("allow", "git commit:*"));
    expect(kind("git commit -m \"$(cat <<'EOF'\nfix: it's fixed\nEOF\n)\"", ctx)).toBe("allow");
    expect(kind("git commit -m \"$(git log -1 --format=%s)\"", ctx)).toBe("ask");
  });
  it("an allow finding names the rule", () => {
    const f = checkAllowlist(commandsOf("cargo test"), allow);
    expect(f).toEqual([{ severity: "allow", rule: "settings.allow", layer: "user", reason: 'Allowed by "Bash(cargo test)" in /home/user/.claude/settings.json.' }]);
  });
  it("bare Bash and Bash(*) allow everything not otherwise objected to", () => {
    expect(kind("make deploy", withRules(bashRule("allow", undefined)))).toBe("allow");
    expect(kind("make deploy", withRules(bashRule("allow", "*")))).toBe("allow");
    expect(kind("curl x", withRules(bashRule("allow", "*")))).toBe("deny");
  });
  it("a privileged command needs a rule that names the privilege", () => {
    expect(kind("sudo make install", withRules(bashRule("allow", "make install")))).toBe("ask");
    expect(kind("sudo make install", withRules(bashRule("allow", "sudo make install")))).toBe("allow");
  });
  it("deny beats allow", () => {
    const ctx = withRules(bashRule("allow", "git:*"), bashRule("deny", "git push:*"));
    expect(kind("git push", ctx)).toBe("deny");
    expect(kind("git fetch", ctx)).not.toBe("deny");
  });
});

describe("taint suspends allow rules", () => {
  const ctx = makeContext({ taint: TAINT, policy: { rules: [bashRule("allow", "cargo build:*")] } });
  it("asks for an allowlisted command, naming the source", () => {
    const d = decideBash("cargo build", ctx);
    expect(d.kind).toBe("ask");
    expect(d.reason).toMatch(/example\.org\/p/);
    expect(d.findings.some((f) => f.rule === "allowlist.tainted")).toBe(true);
  });
  it("keeps read-only commands allowed", () => {
    expect(kind("git status", ctx)).toBe("allow");
  });
});

describe("untrusted project rules", () => {
  it("say that trusting the codebase would allow the command", () => {
    const ctx = makeContext({ policy: { inactiveProjectAllows: [bashRule("allow", "cargo build:*", "project")] } });
    const d = decideBash("cargo build", ctx);
    expect(d.kind).toBe("ask");
    expect(d.reason).toMatch(/not trusted/);
  });
});

describe("git global options", () => {
  const deny = withRules(bashRule("deny", "git push:*"));
  const allow = withRules(bashRule("allow", "git fetch:*"));
  it.each(["git -C sub push", "git -c user.name=x push origin", "git --no-pager push", "sudo git -C x push", "git --exec-path push", "git --exec-path=/x push"])("a deny rule for the subcommand still matches %j", (src) => {
    expect(kind(src, deny)).toBe("deny");
  });
  it("an allow rule covers the subcommand behind -C and --no-pager", () => {
    expect(kind("git -C sub fetch origin", allow)).toBe("allow");
    expect(kind("git --no-pager fetch", allow)).toBe("allow");
  });
  it.each(["git -c core.sshCommand=x fetch", "git --git-dir=/elsewhere/.git fetch", "git --exec-path=/tmp fetch", "git -C sub push"])("does not let %j ride on the fetch allow", (src) => {
    expect(kind(src, allow)).not.toBe("allow");
  });
});
