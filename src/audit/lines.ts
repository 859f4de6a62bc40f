// Reading a JSONL file by lines in bounded chunks, from a byte offset. Splitting happens on the newline byte, which
// never occurs inside a multi-byte UTF-8 sequence. Used by prune.ts and read.ts.
import fs from "node:fs";

const CHUNK = 1024 * 1024;
const MAX_LINE = 1024 * 1024;
/** Passed for a line longer than MAX_LINE: not JSON, so every caller counts it as a bad line. */
export const OVERSIZED = "\u0000 oversized line";

/** Calls `fn` for each line in [start, end) of `fd`. With `start > 0`, the partial line the range starts in is
 *  skipped. A last line without a newline is passed with `complete: false` (a crash left it; appends are whole). */
export function forEachLine(fd: number, start: number, end: number, fn: (line: string, complete: boolean) => void): void {
  let pos = start;
  let skipFirst = false;
  if (start > 0) {
    const prev = Buffer.alloc(1);
    fs.readSync(fd, prev, 0, 1, start - 1);
    skipFirst = prev[0] !== 0x0a;
  }
  let carry: Buffer = Buffer.alloc(0);
  const chunk = Buffer.alloc(Math.min(CHUNK, Math.max(1, end - start)));
  while (pos < end) {
    const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, end - pos), pos);
    if (n === 0) break;
    pos += n;
    const buf: Buffer = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
      if (skipFirst) skipFirst = false;
      else fn(buf.toString("utf8", from, nl), true);
      from = nl + 1;
    }
    carry = Buffer.from(buf.subarray(from)); // copy: `chunk` is reused
    if (carry.length > MAX_LINE && !skipFirst) {
      // No record is this long: report it as one bad line and skip to the next newline, instead of growing `carry`.
      fn(OVERSIZED, true);
      carry = Buffer.alloc(0);
      skipFirst = true;
    } else if (skipFirst) carry = Buffer.alloc(0);
  }
  if (carry.length && !skipFirst) fn(carry.toString("utf8"), false);
}
