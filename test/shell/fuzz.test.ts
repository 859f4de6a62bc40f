// Properties over generated commands: the analysis never throws, and a blocklisted program hidden behind any mix of
// wrappers, shells, substitutions and quoting is still denied; a read-only command in the same shapes is not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseShell } from "../../src/shell/analyse.js";
import { kind } from "./helpers.js";

const WRAPPERS = ["sudo", "sudo -u root", "doas", "env", "env -i", "env FOO=1", "nice -n 5", "nohup", "timeout 5", "time", "command", "builtin", "exec", "stdbuf -o0", "ionice -c 3", "taskset 0x1", "setsid", "busybox", "\\", "/usr/bin/env"];
const NAMES = ["curl", "'curl'", '"curl"', "c''url", "c\\url", "/usr/bin/curl", "$'\\x63url'", "{curl,x}"];
const SHAPES: ((c: string) => string)[] = [
  (c) => c,
  (c) => `sh -c '${c.replace(/'/g, "'\\''")}'`,
  (c) => `bash -lc "${c.replace(/["\\$`]/g, "\\$&")}"`,
  (c) => `echo $( ${c} )`, // spaced: `$((` would be arithmetic, as in bash
  (c) => `echo \`${c.replace(/[\\`$]/g, "\\$&")}\``,
  (c) => `cat <( ${c} )`,
  (c) => `( ${c} )`, // spaced: `((…))` is arithmetic to bash (tested on its own in substitution.test.ts)
  (c) => `{ ${c}; }`,
  (c) => `ls && ${c}`,
  (c) => `ls | ${c}`,
  (c) => `${c} & wait`,
  (c) => `if true; then ${c}; fi`,
  (c) => `for i in 1; do ${c}; done`,
  (c) => `f() { ${c}; }`,
  (c) => `eval '${c.replace(/'/g, "'\\''")}'`,
];
/** Shapes that take a simple command or a whole script only: applied last. */
const OUTER: ((c: string) => string)[] = [(c) => c, (c) => `bash <<'EOF'\n${c}\nEOF`, (c) => `xargs ${c} < list`, (c) => `find . -exec ${c} {} \\;`];

describe("properties", () => {
  it("analyseShell never throws", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const a = analyseShell(s);
        expect(typeof a.ok).toBe("boolean");
      }),
      { numRuns: 2000, seed: 7 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom("$(", ")", "`", "'", '"', "<<EOF\n", "\nEOF\n", "{", "}", "(", ";", "|", "&&", " ", "x", "\\", "$'", "<(", "${"), { maxLength: 60 }), (parts) => {
        const a = analyseShell(parts.join(""));
        expect(typeof a.ok).toBe("boolean");
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it("a blocklisted program is denied in every shape", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WRAPPERS), { maxLength: 3 }), fc.constantFrom(...NAMES), fc.constantFrom(...OUTER), fc.array(fc.constantFrom(...SHAPES), { maxLength: 2 }), (wrappers, name, outer, shapes) => {
        // `\` is a prefix, not a word: glue it to a plain name only (`\'curl'` would open a quote).
        const words = [...wrappers.filter((w) => w !== "\\"), name, "example.org"];
        let c = (wrappers.includes("\\") && /^[a-z]/.test(words[0]!) ? "\\" : "") + words.join(" ");
        // xargs and find -exec take a simple command: inner shapes only under the heredoc / plain outer shapes.
        if (OUTER.indexOf(outer) < 2) for (const s of shapes) c = s(c);
        c = outer(c);
        expect(kind(c), c).toBe("deny");
      }),
      { numRuns: 1500, seed: 3 },
    );
  });

  it("a read-only command stays allowed in the shapes that only read", () => {
    // Not `cat <(…)` around a substitution: which file cat then reads is unknown to the path check, which asks.
    const readOnlyShapes = [0, 3, 6, 7, 8, 9, 11, 12].map((i) => SHAPES[i]!);
    fc.assert(
      fc.property(fc.constantFrom("ls -la", "git status", "cat README.md", "grep -rn x src", "wc -l README.md"), fc.array(fc.constantFrom(...readOnlyShapes), { maxLength: 2 }), fc.constantFrom("nice -n 5", "timeout 5", "command", "", "\\"), (cmd, shapes, wrapper) => {
        let c = wrapper === "\\" ? `\\${cmd}` : `${wrapper} ${cmd}`.trim();
        for (const s of shapes) c = s(c);
        expect(kind(c), c).toBe("allow");
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
