// Load the shell analyser only for shell calls. In the bundles this import becomes `require("./shell.cjs")`, a file
// of its own (scripts/build.mjs), so the other tools never pay for the parser.
export type ShellChecks = typeof import("./bash.js");

export function loadShellChecks(): Promise<ShellChecks> {
  return import("./bash.js");
}
