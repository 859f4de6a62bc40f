// A cross-process lock for read-modify-write of one file (trust store, audit prune): `<file>.lock` created with
// O_EXCL, a short bounded wait, and a stale-lock break. Hook processes are killed at their timeout, so a lock can be
// left behind; its holder's critical section takes milliseconds, so a lock older than `staleMs` or whose process is
// gone is broken. Not a general mutex: no fairness, no re-entrancy.
import fs from "node:fs";
import { hostName } from "../host.js";
import { randomHex } from "./data-dir.js";

export interface LockOptions {
  /** Longest total wait for the lock. 0 = one attempt. */
  readonly waitMs?: number;
  /** A lock older than this is abandoned, whoever holds it. */
  readonly staleMs?: number;
}

export type Locked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const DEFAULT_WAIT_MS = 2_000;
const DEFAULT_STALE_MS = 5_000;

let sleeper: Int32Array | undefined;
/** Block this (single-threaded, short-lived) process for `ms`: the hook path is synchronous. */
export function sleepSync(ms: number): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Run `fn` while holding `<target>.lock`. `fn`'s exceptions pass through, after the lock is released. */
export function withLock<T>(target: string, fn: () => T, opts: LockOptions = {}): Locked<T> {
  const lockFile = `${target}.lock`;
  const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
  const token = `${process.pid} ${hostName()} ${Date.now()} ${randomHex(12)}`;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const got = tryCreate(lockFile, token);
    if (got === "taken") break;
    if (got !== "busy") return { ok: false, problem: `cannot create lock ${lockFile}: ${got.error}` };
    const busy = { ok: false, problem: `${lockFile} is held by another process (waited ${waitMs} ms)` } as const;
    if (attempt >= 1_000) return busy;
    if (breakIfStale(lockFile, staleMs)) continue;
    if (Date.now() >= deadline) return busy;
    sleepSync(Math.min(3 + Math.floor(Math.random() * 12), Math.max(1, deadline - Date.now()))); // jitter: hooks started together must not retry in step
  }
  try {
    return { ok: true, value: fn() };
  } finally {
    release(lockFile, token);
  }
}

/** Whether another process holds `<target>.lock` right now (a stale lock doesn't count). One failed open when free. */
export function isLockHeld(target: string, staleMs = DEFAULT_STALE_MS): boolean {
  const lockFile = `${target}.lock`;
  try {
    const st = fs.statSync(lockFile, { throwIfNoEntry: false });
    return st !== undefined && !isStale(fs.readFileSync(lockFile, "utf8"), st.mtimeMs, staleMs);
  } catch {
    return false; // no lock (or released while we looked)
  }
}

/** Wait (bounded) until `<target>.lock` is free; true if it is. For writers that don't lock but must not write into
 *  a file while it is being replaced. */
export function waitForUnlock(target: string, waitMs: number): boolean {
  const deadline = Date.now() + waitMs;
  while (isLockHeld(target)) {
    if (Date.now() >= deadline) return false;
    sleepSync(2);
  }
  return true;
}

function tryCreate(lockFile: string, token: string): "taken" | "busy" | { error: string } {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, "wx", 0o600);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return e.code === "EEXIST" ? "busy" : { error: e.code ?? e.message };
  }
  try {
    fs.writeSync(fd, token);
  } finally {
    fs.closeSync(fd);
  }
  return "taken";
}

/** Break `lockFile` if it is stale; true when it was (the caller retries at once). Breaking is a rename to a private
 *  name, so of two breakers only one gets the file; if what we moved turns out not to be the stale lock we looked at
 *  (someone released and re-took it in between), we put it back. */
function breakIfStale(lockFile: string, staleMs: number): boolean {
  let seen: string;
  let mtimeMs: number;
  try {
    seen = fs.readFileSync(lockFile, "utf8");
    mtimeMs = fs.statSync(lockFile).mtimeMs;
  } catch {
    return true; // released while we looked: retry now
  }
  if (!isStale(seen, mtimeMs, staleMs)) return false;
  const aside = `${lockFile}.${process.pid}.${randomHex(8)}.stale`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return true; // another breaker got it first
  }
  try {
    if (fs.readFileSync(aside, "utf8") !== seen) fs.linkSync(aside, lockFile); // a live lock: restore it if the name is free
  } catch {
    // EEXIST: a third process took the free name in between; the live holder we moved keeps running unguarded for
    // the rest of its (millisecond) critical section. Accepted: the window is a few syscalls wide.
  }
  fs.rmSync(aside, { force: true });
  return true;
}

function isStale(content: string, mtimeMs: number, staleMs: number): boolean {
  if (Date.now() - mtimeMs > staleMs) return true;
  const [pid, host] = content.split(" ");
  if (!pid || host !== hostName() || !/^\d+$/.test(pid)) return false; // half-written or another host's: age only
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH"; // EPERM: alive, someone else's
  }
}

function release(lockFile: string, token: string): void {
  try {
    // Ours still? If we overran staleMs, another process broke our lock and holds its own now.
    if (fs.readFileSync(lockFile, "utf8") === token) fs.rmSync(lockFile, { force: true });
  } catch {
    // already gone: broken as stale by another process
  }
}
