// Environment variables whose value names a file that a program writes: `GIT_TRACE=~/.ssh/authorized_keys git log`
// makes git append its trace there, `GIT_INDEX_FILE=/etc/x git add .` writes the index there. Data and the test of a
// value; the read-only check (readonly.ts) and the write scope (shell-paths.ts) use them.
import type { Word } from "./model.js";

export interface FileVariable {
  /** Exact name, or a prefix ending in `*`. */
  readonly name: string;
  /** Names the prefix covers that hold no file (`GIT_TRACE2_CONFIG_PARAMS=core.*`). */
  readonly except?: readonly string[];
  /** Which values name a file: `absolute` — git's trace targets (an absolute path or `af_unix:[stream:|dgram:]PATH`;
   *  `1`, `2`, `true`, a digit and the like go to a descriptor, a relative path is ignored with a warning); `any` —
   *  every non-empty value (relative to the repository's top directory). */
  readonly values: "absolute" | "any";
  /** For reasons: "append git's trace to". */
  readonly verb: string;
}

export const FILE_VARIABLES: readonly FileVariable[] = [
  {
    name: "GIT_TRACE*", values: "absolute", verb: "make git append its trace to",
    except: ["GIT_TRACE2_CONFIG_PARAMS", "GIT_TRACE2_ENV_VARS", "GIT_TRACE2_BRIEF", "GIT_TRACE2_MAX_FILES", "GIT_TRACE_REDACT", "GIT_TRACE_CURL_NO_DATA"],
  },
  { name: "GIT_INDEX_FILE", values: "any", verb: "make git write its index to" },
];

export function fileVariable(name: string): FileVariable | undefined {
  return FILE_VARIABLES.find((v) => (v.name.endsWith("*") ? name.startsWith(v.name.slice(0, -1)) && !v.except?.includes(name) : v.name === name));
}

const UNIX_SOCKET = /^af_unix:(?:(?:stream|dgram):)?/;

/** The file `value` (after expansion) names for `v`, or undefined when it names none. */
export function fileOfValue(v: FileVariable, value: string): string | undefined {
  if (v.values === "any") return value === "" ? undefined : value;
  const file = value.replace(UNIX_SOCKET, "");
  return file.startsWith("/") ? file : undefined;
}

/** Does this assignment (as written) make a program write a file? Values that need expanding (`~/x`, `$HOME/x`) may
 *  name one; `GIT_TRACE=1` and `GIT_TRACE=true` do not. */
export function assignsFile(name: string, value: Word): boolean {
  const v = fileVariable(name);
  if (v === undefined) return false;
  // An assignment is not globbed: `*` in its value is literal.
  const expands = value.dynamic && value.features?.some((f) => f !== "glob") !== false;
  if (expands || /^[~$]/.test(value.text)) return true;
  return fileOfValue(v, value.value) !== undefined;
}
