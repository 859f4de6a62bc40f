// What every CLI command gets: output streams, environment, and whether colour is allowed.
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly home: string;
}

export function colour(io: CliIo) {
  const wrap = (code: number) => (s: string) => (io.isTTY && !io.env.NO_COLOR ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), green: wrap(32), dim: wrap(2), bold: wrap(1) };
}

/** Minimal flag parser: `--name value`, `--name=value`, `--flag`; everything else is positional. */
export function parseFlags(argv: readonly string[], booleans: readonly string[]): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      if (eq !== -1) flags[name] = a.slice(eq + 1);
      else if (booleans.includes(name) || i + 1 >= argv.length) flags[name] = true;
      else flags[name] = argv[++i]!;
    } else if (a === "-h") flags.help = true;
    else positional.push(a);
  }
  return { flags, positional };
}

export class UsageError extends Error {}
