// decode→exec and remote→exec (DESIGN.md: deny): a decoder or a fetcher among what feeds the code a shell,
// interpreter, eval or computed program name runs, and one-liners that fetch or decode code and run it. What feeds
// what: code-feed.ts. Which programs decode or fetch: DECODERS / FETCHERS in src/shell/programs.ts.
import type { ShellCommand, Word } from "../shell/model.js";
import { DECODERS, FETCHERS, interpreterOf, SHELLS, type ProgramRole } from "../shell/programs.js";
import type { Finding, RuleId } from "../types.js";
import { shownCommand } from "./allowlist.js";
import { codeWords, descendants, hasFlag, nameOf, oneLiner, readsCodeFromStdin, variableFeeders, type Index } from "./code-feed.js";

const deny = (rule: RuleId, reason: string, cmd: ShellCommand): Finding => ({ severity: "deny", rule, layer: "builtin", reason, span: cmd.span });
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const CODE_DECODE = /b64decode|base64|atob\s*\(|fromCharCode|unhexlify|bytes\.fromhex|decode\(\s*['"](hex|base64|rot13)|pack\(\s*['"][Hh]|Buffer\.from\([^)]*['"](base64|hex)/;
const CODE_FETCH = /urlopen|urllib|requests\.(get|post)|http\.get|https\.get|fetch\s*\(|Net::HTTP|LWP::|open-uri|URI\.open|file_get_contents\(\s*['"]https?:|curl_exec|socket\.|child_process.*(curl|wget)/;
const CODE_EXEC = /\bexec\s*\(|\beval\s*\(|\bsystem\s*\(|\bspawn|\bpopen|execSync|execFile|Function\s*\(|__import__|\bsubprocess|`[^`]*`|\bos\.system/;

/** The deny findings for one command. */
export function execFindings(c: ShellCommand, ix: Index): Finding[] {
  const out: Finding[] = [];
  const inline = inlineChain(c);
  if (inline) out.push(inline);
  const feeders = codeFeeders(c, ix);
  const chained = feeders.length > 0 ? execChain(c, feeders) : undefined;
  if (chained) out.push(chained);
  return out;
}

/** `python -c "exec(urlopen(…).read())"`: fetching or decoding and running, inside one one-liner. */
function inlineChain(c: ShellCommand): Finding | undefined {
  const code = oneLiner(c);
  if (!code || code.dynamic || !CODE_EXEC.test(code.value)) return undefined;
  const name = nameOf(c);
  if (CODE_FETCH.test(code.value)) {
    return deny("injection.remote-exec", `\`${clip(shownCommand(c), 80)}\` fetches code from the network and runs it inside ${name} (remote→exec), which hookwarden blocks. Download it to a file and let the user review it first.`, c);
  }
  if (CODE_DECODE.test(code.value)) {
    return deny("injection.decode-exec", `\`${clip(shownCommand(c), 80)}\` decodes hidden code and runs it inside ${name} (decode→exec), which hookwarden blocks. Write out the code it runs so it can be checked.`, c);
  }
  return undefined;
}

/** What feeds the code `c` runs, when `c` runs code: its substitutions, the pipeline before it when it reads code
 *  from stdin, the host of the `<(…)` it is in, and the commands that set the variables in its code. */
function codeFeeders(c: ShellCommand, ix: Index): ShellCommand[] {
  const name = nameOf(c);
  // A dynamic name behind xargs / find -exec is filled from the input: `curl x | xargs -I{} sh -c '{}'`.
  const viaEach = c.wrappers?.some((w) => w.kind === "each") ?? false;
  const runner = SHELLS.has(name) || interpreterOf(name) !== undefined || name === "eval" || name === "source" || name === "." || (c.name.kind === "dynamic" && viaEach);
  // `$(printf Y3VybA== | base64 -d) x.io`, `$x`: a program name made of other commands' output.
  const computed = c.name.kind === "dynamic" && !viaEach;
  if (!runner && !computed) return [];
  const feeders = runner || /\$\(|`/.test(c.name.kind === "dynamic" ? c.name.text : "") ? descendants(c, ix) : [];
  // Words whose variables may hold the code: `x=$(base64 -d f); sh -c "$x"`, `sh <(echo "$x")`, `echo "$x" | sh`.
  const words = codeWords(c);
  for (const f of feeders) words.push(...wordsOf(f));
  if (runner) {
    if ((c.pipedInto && (readsCodeFromStdin(c) || viaEach || name === "eval")) || viaEach) {
      feeders.push(...ix.upstream(c));
      const ref = c.pipes?.[c.pipes.length - 1];
      if (ref && ref.stage > 0) for (const f of ix.stage(ref.id, ref.stage - 1)) words.push(...wordsOf(f));
    }
    if (c.pipedInto && c.position.includes("<(…)") && c.host !== undefined) {
      const host = ix.bySeq(c.host);
      if (host) feeders.push(host, ...ix.upstream(host));
    }
  }
  feeders.push(...variableFeeders(words, ix));
  return feeders;
}

const wordsOf = (c: ShellCommand): Word[] => [...c.args, ...c.redirects.map((r) => r.target)];

/** Decoding or fetching feeding the code of this sink; the deny finding, or none. */
function execChain(sink: ShellCommand, feeders: readonly ShellCommand[]): Finding | undefined {
  const shown = shownCommand(sink);
  const fetcher = feeders.find(isFetcher);
  if (fetcher) {
    return deny(
      "injection.remote-exec",
      `\`${clip(shownCommand(fetcher), 60)}\` downloads code and \`${clip(shown, 60)}\` runs it (remote→exec), which hookwarden blocks. Download the script to a file, show it to the user, and run it only after they approve.`,
      sink,
    );
  }
  const decoder = feeders.find(isDecoder);
  if (decoder) {
    return deny(
      "injection.decode-exec",
      `\`${clip(shownCommand(decoder), 60)}\` decodes hidden text and \`${clip(shown, 60)}\` runs it as code (decode→exec), which hookwarden blocks. Run the decoded command itself, written out, so it can be checked.`,
      sink,
    );
  }
  return undefined;
}

/** Commands worth following through variables (code-feed.ts): only these can make a chain. */
export const decodesOrFetches = (c: ShellCommand): boolean => isDecoder(c) || isFetcher(c);

function isDecoder(c: ShellCommand): boolean {
  if (DECODERS.some((d) => plays(d, c))) return true;
  const name = nameOf(c);
  // `printf '\x72\x6d …' | sh`: escapes decode to text nobody reviewed.
  if ((name === "printf" || name === "echo") && c.args.some((a) => /\\(x[0-9a-fA-F]|[0-7]{3}|0[0-7]|u[0-9a-fA-F]{4})/.test(a.text))) return true;
  // `python3 -c 'print(base64.b64decode(…))' | sh`: a one-liner that decodes is a decoder.
  const code = oneLiner(c);
  return code !== undefined && !code.dynamic && CODE_DECODE.test(code.value);
}

function isFetcher(c: ShellCommand): boolean {
  if (FETCHERS.some((f) => plays(f, c))) return true;
  const code = oneLiner(c);
  return code !== undefined && !code.dynamic && CODE_FETCH.test(code.value);
}

/** Does `c` play this role: its name (or, for `python3.12`, its interpreter family) and the words that give it? */
function plays(role: ProgramRole, c: ShellCommand): boolean {
  const name = nameOf(c);
  const family = interpreterOf(name)?.names;
  if (!role.names.includes(name) && !role.names.includes(name.toLowerCase()) && !(family && role.names.some((n) => family.includes(n)))) return false;
  if (role.modules && !role.modules.includes(moduleOf(c) ?? "")) return false;
  const when = role.when ?? [];
  const contains = role.contains ?? [];
  if (when.length === 0 && contains.length === 0) return true;
  if (when.some((w) => (w.startsWith("-") ? hasFlag(c.args, w) : c.args.some((a) => a.value === w)))) return true;
  return contains.some((s) => c.args.some((a) => a.value.includes(s)));
}

/** `python3 -m base64 …` → base64. */
function moduleOf(c: ShellCommand): string | undefined {
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (a.dynamic || !a.value.startsWith("-")) return undefined;
    if (a.value === "-m") return c.args[i + 1]?.value;
    if (a.value.startsWith("-m")) return a.value.slice(2);
  }
  return undefined;
}
