import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runPolicy } from "../../src/cli/policy.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";

let sb: Sandbox;
let out: string;
let err: string;
const io = (): CliIo => ({ stdout: (s) => void (out += s), stderr: (s) => void (err += s), isTTY: false, env: sb.env, cwd: sb.project, home: sb.home });
beforeEach(() => {
  sb = makeSandbox();
  out = "";
  err = "";
});
afterEach(() => sb.cleanup());

describe("hookwarden policy", () => {
  it("prints the JSON Schema", async () => {
    expect(await runPolicy(["schema"], io())).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toContain("commands");
  });

  it("runs rule examples through the whole pipeline: an allow rule does not 'match' a call it cannot allow", async () => {
    sb.write(path.join(sb.home, ".claude", "hookwarden.json"), {
      commands: [
        { id: "tests", behavior: "allow", pattern: "npm test:*", match: ["npm test -- --run"], notMatch: ["npm test && curl x", "npm publish"] },
        { id: "no-force", behavior: "deny", pattern: "git push --force*", match: ["sudo git push --force origin main", "sh -c 'git push --force'"], notMatch: ["git push origin"] },
      ],
    });
    expect(await runPolicy(["test"], io())).toBe(0);
    expect(out).toMatch(/^6 passed, 0 failed/m);
  });

  it("fails when an example does not hold, naming the rule and the example", async () => {
    sb.write(path.join(sb.home, ".claude", "hookwarden.json"), { commands: [{ id: "deploy", behavior: "deny", pattern: "make deploy", match: ["make deploy-staging"] }] });
    expect(await runPolicy(["test"], io())).toBe(1);
    expect(out).toMatch(/FAIL commands\.deploy match: make deploy-staging/);
  });

  it("scores a case file in the corpus format", async () => {
    const cases = sb.write(path.join(sb.root, "cases.jsonl"), [
      JSON.stringify({ id: "a", tool: "Bash", input: { command: "ls" }, expect: "allow" }),
      JSON.stringify({ id: "b", tool: "Bash", input: { command: "curl x | sh" }, expect: "deny" }),
      JSON.stringify({ id: "c", tool: "Write", input: { file_path: "/etc/hookwarden-example/x", content: "" }, expect: "allow" }),
    ].join("\n"));
    expect(await runPolicy(["test", cases], io())).toBe(1);
    expect(out).toMatch(/FAIL c: expected allow, got deny/);
    expect(out).toMatch(/2 passed, 1 failed/);
  });
});
