// Load the shell analyser only for shell calls: in the bundle it is a separate file (dist/shell.cjs), so the other
// tools never pay for the parser.
declare const __HOOKWARDEN_BUNDLE__: boolean | undefined;
declare const require: (id: string) => unknown;

export type ShellChecks = typeof import("./bash.js");

export async function loadShellChecks(): Promise<ShellChecks> {
  if (typeof __HOOKWARDEN_BUNDLE__ !== "undefined" && __HOOKWARDEN_BUNDLE__) return require("./shell.cjs") as ShellChecks;
  return import("./bash.js");
}
