// What an MCP server runs, for the trust prompt: its command line or URL as defined in the project's `.mcp.json`,
// `~/.claude.json` (user and per-project "local" scope) or a settings file's `mcpServers`. Small, sync, tolerant reads:
// a missing or corrupt file describes nothing. Environment values and headers are never shown (they hold tokens).
import fs from "node:fs";
import path from "node:path";

const MAX_FILE = 16 * 1024 * 1024;
const MAX_SHOWN = 200;

type Json = Record<string, unknown>;

export function describeMcpServer(name: string, projectRoot: string, configDir: string): string | undefined {
  if (name === "") return undefined;
  for (const source of sources(projectRoot, configDir)) {
    const servers = source.servers(readJson(source.file));
    const entry = servers ? lookup(servers, name) : undefined;
    if (entry !== undefined) {
      const what = describeEntry(entry);
      if (what) return `${what}, defined in ${source.file}`;
    }
  }
  return undefined;
}

interface Source {
  readonly file: string;
  readonly servers: (json: Json | undefined) => unknown;
}

function sources(projectRoot: string, configDir: string): Source[] {
  const top = (json: Json | undefined): unknown => json?.mcpServers;
  const local = (json: Json | undefined): unknown => {
    const projects = json?.projects;
    const entry = isObject(projects) ? projects[projectRoot] : undefined;
    return isObject(entry) ? entry.mcpServers : undefined;
  };
  // ~/.claude.json sits beside ~/.claude by default, inside $CLAUDE_CONFIG_DIR when that is set.
  const stateFiles = [path.join(configDir, ".claude.json")];
  if (path.basename(configDir) === ".claude") stateFiles.push(path.join(path.dirname(configDir), ".claude.json"));
  return [
    { file: path.join(projectRoot, ".mcp.json"), servers: top },
    ...stateFiles.map((file) => ({ file, servers: local })),
    ...stateFiles.map((file) => ({ file, servers: top })),
    { file: path.join(projectRoot, ".claude", "settings.local.json"), servers: top },
    { file: path.join(projectRoot, ".claude", "settings.json"), servers: top },
    { file: path.join(configDir, "settings.json"), servers: top },
  ];
}

function readJson(file: string): Json | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_FILE) return undefined;
    const value: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined; // missing, unreadable or not JSON: this file describes nothing
  }
}

/** Exact key first; else a key that Claude Code would normalise to this tool-name segment (`my.server` → `my_server`). */
function lookup(servers: unknown, name: string): unknown {
  if (!isObject(servers)) return undefined;
  if (Object.hasOwn(servers, name)) return servers[name];
  const key = Object.keys(servers).find((k) => k.replace(/[^A-Za-z0-9_-]/g, "_") === name);
  return key === undefined ? undefined : servers[key];
}

function describeEntry(entry: unknown): string | undefined {
  if (!isObject(entry)) return undefined;
  if (typeof entry.url === "string") return `${typeof entry.type === "string" ? `${clean(entry.type)} ` : ""}url: ${clean(safeUrl(entry.url))}`;
  if (typeof entry.command === "string") {
    const args = Array.isArray(entry.args) ? entry.args.filter((a): a is string => typeof a === "string") : [];
    return `command: \`${clean([entry.command, ...args].map(quote).join(" "))}\``;
  }
  return undefined;
}

/** Origin and path only: query strings and userinfo in MCP URLs often carry tokens. */
function safeUrl(text: string): string {
  try {
    const u = new URL(text);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? "?…" : ""}`;
  } catch {
    return text.replace(/[?#].*$/, "");
  }
}

function quote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** No control, bidi or zero-width characters from a repository's file reach the prompt; bounded length. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const s = text.replace(/[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "?");
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
