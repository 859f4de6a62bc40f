// Session taint: after a prompt injection was seen in a tool's output, the session is marked in
// `<dataDir>/taint/<sha256(session_id)>.json` (0600) until it expires (24 h). The file name is a hash so a hostile
// session id can't name a path. Reads never throw. What a taint changes in decisions lives in ../checks/; who
// detects injections lives in ../content/.
import fs from "node:fs";
import path from "node:path";
import type { Taint } from "../context-types.js";
import { ensurePrivateDir, isStaleTempName, writeFilePrivate } from "./data-dir.js";
import { sha256Hex } from "./sha256.js";

export const TAINT_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_FIELD = 500;
const MAX_FILE_BYTES = 16 * 1024;
const PRUNE_LIMIT = 10_000;

export function taintDir(dataDir: string): string {
  return path.join(dataDir, "taint");
}

export function taintFile(dataDir: string, sessionId: string): string {
  return path.join(taintDir(dataDir), `${sha256Hex(sessionId)}.json`);
}

/** The session's taint, or undefined. An expired one is deleted. A taint file that exists but can't be read still
 *  taints the session: it was only ever written because an injection was seen (fail closed). */
export function readTaint(dataDir: string, sessionId: string, now: Date = new Date()): Taint | undefined {
  const file = taintFile(dataDir, sessionId);
  let text: string;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st === undefined) return undefined;
    if (st.size > MAX_FILE_BYTES) return unreadable(`it is larger than ${MAX_FILE_BYTES} bytes`, st.mtime);
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return unreadable(`it can't be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, now);
  }
  const taint = parseTaint(text);
  if (!taint) return unreadable("it is malformed", now);
  const at = Date.parse(taint.at);
  // An unparsable time can't expire; a time in the future (clock change) is taken as now.
  if (!Number.isNaN(at) && now.getTime() - at >= TAINT_TTL_MS) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // can't delete (permissions): it has expired all the same; pruneTaints reports nothing either
    }
    return undefined;
  }
  return taint;
}

/** Throws on I/O failure: an untainted session after an injection is worth a visible error. */
export function writeTaint(dataDir: string, sessionId: string, taint: Taint): void {
  ensurePrivateDir(dataDir);
  ensurePrivateDir(taintDir(dataDir));
  const record: Taint = { source: taint.source.slice(0, MAX_FIELD), family: taint.family.slice(0, MAX_FIELD), at: taint.at };
  writeFilePrivate(taintFile(dataDir, sessionId), `${JSON.stringify(record)}\n`);
}

export function clearTaint(dataDir: string, sessionId: string): void {
  fs.rmSync(taintFile(dataDir, sessionId), { force: true });
}

/** Delete expired taint files and leftovers of killed writers; returns how many went. Bounded per run. */
export function pruneTaints(dataDir: string, now: Date): number {
  let names: string[];
  try {
    names = fs.readdirSync(taintDir(dataDir));
  } catch {
    return 0; // no taint dir: nothing was ever tainted
  }
  let removed = 0;
  for (const name of names.slice(0, PRUNE_LIMIT)) {
    const file = path.join(taintDir(dataDir), name);
    try {
      if (/^[0-9a-f]{64}\.json$/.test(name)) {
        const st = fs.statSync(file);
        const taint = st.size <= MAX_FILE_BYTES ? parseTaint(fs.readFileSync(file, "utf8")) : undefined;
        const at = taint ? Date.parse(taint.at) : Number.NaN;
        // A malformed file ages out by its mtime, so it can't stay forever.
        const age = now.getTime() - (Number.isNaN(at) ? st.mtimeMs : at);
        if (age < TAINT_TTL_MS) continue;
      } else if (!isStaleTempName(name) || now.getTime() - fs.statSync(file).mtimeMs < 60 * 60 * 1000) continue;
      fs.rmSync(file, { force: true });
      removed++;
    } catch {
      continue; // removed by a parallel prune, or unreadable: the next SessionStart tries again
    }
  }
  return removed;
}

function parseTaint(text: string): Taint | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (json === null || typeof json !== "object") return undefined;
  const { source, family, at } = json as Record<string, unknown>;
  if (typeof source !== "string" || typeof family !== "string" || typeof at !== "string") return undefined;
  return { source: source.slice(0, MAX_FIELD), family: family.slice(0, MAX_FIELD), at };
}

function unreadable(why: string, since: Date): Taint {
  return { source: `an earlier tool result (the session's taint file exists but ${why})`, family: "unknown", at: since.toISOString() };
}
