// `hookwarden policy schema|test`: the JSON Schema of hookwarden.json, and a runner for rule examples and case files.
import fs from "node:fs";
import { policyJsonSchema } from "../policy/schema.js";
import { colour, parseFlags, UsageError, type CliIo } from "./io.js";
import { runPolicyTests } from "./policy-test.js";

const HELP = `usage: hookwarden policy schema            print the JSON Schema of hookwarden.json
       hookwarden policy test [CASES.jsonl…] [--cwd DIR]
            run every example (match / notMatch) the effective policy's command rules carry, then each case file:
            one JSON object a line, {id, tool, input, expect: allow|ask|deny|block|not-deny|not-allow, mode?}
`;

export async function runPolicy(argv: string[], io: CliIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, ["help", "json"]);
  const [sub, ...files] = positional;
  if (flags.help || !sub) {
    io.stdout(HELP);
    return flags.help ? 0 : 2;
  }
  if (sub === "schema") {
    io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (sub === "test") {
    for (const f of files) if (!fs.existsSync(f)) throw new UsageError(`no such file: ${f}`);
    const cwd = typeof flags.cwd === "string" ? flags.cwd : io.cwd;
    // Progress on a terminal only: a case file can hold thousands of cases.
    const progress = io.isTTY ? (n: number) => n % 25 === 0 && io.stderr(`\r${n} cases…`) : undefined;
    const results = await runPolicyTests(files, cwd, io.env, progress ? (n) => void progress(n) : undefined);
    if (io.isTTY) io.stderr("\r");
    const c = colour(io);
    for (const r of results) if (!r.pass) io.stdout(`${c.red("FAIL")} ${r.id}: expected ${r.expect}, got ${r.got}${r.reason ? ` — ${r.reason}` : ""}\n`);
    const failed = results.filter((r) => !r.pass).length;
    io.stdout(`${results.length - failed} passed, ${failed} failed\n`);
    return failed === 0 ? 0 : 1;
  }
  throw new UsageError(`unknown policy command "${sub}"`);
}
