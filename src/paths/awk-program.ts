// awk program text as data: the files its `print` / `printf` statements redirect to (`print > "/etc/x"`, `printf
// "%s" $0 >> "log"`). Grammar only; whether a file may be written is decided in src/checks/shell-paths.ts. Pipes to
// commands (`print | "sh"`) and `system()` are the injection check's.

/** The literal files the program's output redirections name. A target built at run time (`print > $1 ".txt"`) is
 *  not listed: awk is never read-only, so its call is asked about anyway. */
export function awkWriteFiles(program: string): string[] {
  const out: string[] = [];
  const n = program.length;
  let inPrint = false;
  let depth = 0; // parentheses: `print (a > b)` compares
  for (let i = 0; i < n; i++) {
    const c = program[i]!;
    if (c === '"') {
      i = stringEnd(program, i);
      continue;
    }
    if (c === "#") {
      while (i < n && program[i] !== "\n") i++;
      inPrint = false;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === ";" || c === "\n" || c === "{" || c === "}") {
      inPrint = false;
      depth = 0;
    } else if (/[a-z]/.test(c) && (i === 0 || !/[\w$]/.test(program[i - 1]!))) {
      const word = /^[a-z_]+/.exec(program.slice(i))![0];
      if (word === "print" || word === "printf") inPrint = true;
      i += word.length - 1;
    } else if (c === ">" && inPrint && depth === 0) {
      let j = i + 1;
      if (program[j] === ">") j++;
      while (j < n && (program[j] === " " || program[j] === "\t")) j++;
      if (program[j] === '"') {
        const end = stringEnd(program, j);
        out.push(unescape(program.slice(j + 1, end)));
        i = end;
      }
      inPrint = false;
    }
  }
  return out;
}

/** Index of the quote closing the string that opens at `start`. */
function stringEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length && s[i] !== '"') i += s[i] === "\\" ? 2 : 1;
  return i;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}
