// Write scope: is a resolved path inside the project root, an additional directory or the temp dir? The scope list
// itself is built by src/context.ts (already real paths); this file only answers the question.
import type { Context } from "../context-types.js";
import type { AbsolutePath } from "../types.js";
import { hostFlavor } from "./flavor.js";
import { isInside, realPath } from "./resolve.js";

let systemTmp: AbsolutePath | undefined;

/** `/tmp` itself, when the platform has one: the temp dir in the scope is `os.tmpdir()` ($TMPDIR), but commands
 *  name `/tmp` directly, and it is just as much "the system temp dir". */
function slashTmp(): AbsolutePath | undefined {
  if (hostFlavor() === "win32") return undefined;
  systemTmp ??= realPath("/tmp" as AbsolutePath);
  return systemTmp;
}

/** The scope directory that holds `p` (a real path from resolve.ts), or undefined when `p` is outside. */
export function inWriteScope(p: AbsolutePath | string, ctx: Pick<Context, "writeScope"> & Partial<Pick<Context, "tmpDir">>): AbsolutePath | undefined {
  const hit = ctx.writeScope.find((dir) => isInside(p, dir));
  if (hit) return hit;
  // The temp dir is in the scope unless the policy turned it off (then context.ts leaves it out of writeScope).
  const tmp = slashTmp();
  if (tmp && ctx.tmpDir && ctx.writeScope.includes(ctx.tmpDir) && isInside(p, tmp)) return tmp;
  return undefined;
}

/** Writes here go nowhere (or back to the terminal): `> /dev/null`, `2> /dev/stderr`. Compared before resolving,
 *  since `/dev/stdout` is a link into /proc. */
const SINKS = new Set(["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/stdin", "/dev/tty", "/dev/zero", "/dev/full"]);

export function isSinkDevice(p: string): boolean {
  return SINKS.has(p) || /^\/dev\/fd\/\d+$/.test(p) || /^\/proc\/self\/fd\/\d+$/.test(p);
}

/** A short, stable description of the scope for reasons. */
export function describeScope(ctx: Pick<Context, "writeScope" | "projectRoot">): string {
  const extra = ctx.writeScope.filter((d) => d !== ctx.projectRoot);
  return extra.length ? `the project (${ctx.projectRoot}) and ${extra.join(", ")}` : `the project (${ctx.projectRoot})`;
}
