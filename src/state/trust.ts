// The trust store (`<dataDir>/trust.json`, 0600): codebases whose project-layer policy the user trusted, pinned to
// its hash (policy-hash.ts), and MCP servers seen and approved. Reads never throw: a missing store is empty, and a
// corrupt, unsafe or too-new one means nothing is trusted, with a `problem` for `doctor`. Writes are
// read-modify-write under `trust.json.lock`, so parallel hook processes don't lose each other's entries.
// What trust unlocks (project allow rules, known MCP servers) is decided in ../policy/ and ../checks/.
import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDir, writeFilePrivate } from "./data-dir.js";
import { withLock } from "./lock.js";
import { projectPolicyHash } from "./policy-hash.js";

export { projectPolicyHash } from "./policy-hash.js";

export const TRUST_STORE_VERSION = 1;
export const TRUST_FILE = "trust.json";
const MAX_STORE_BYTES = 4 * 1024 * 1024;
const MAX_DEFINITION = 2_000;
const MAX_NAME = 256;

export type McpApproval = "cli" | "approved-call";
export interface ProjectTrust {
  readonly hash: string;
  readonly trustedAt: string;
}
export interface McpServerEntry {
  readonly approvedAt: string;
  readonly how: McpApproval;
  readonly definition?: string;
}
/** Records are null-prototype objects: a server named `__proto__` is an entry like any other. */
export interface TrustStore {
  readonly version: 1;
  readonly projects: Record<string, ProjectTrust>;
  readonly mcpServers: Record<string, McpServerEntry>;
}
export interface TrustRead {
  readonly store: TrustStore;
  /** Set when the file exists but can't be used; the store is then empty (nothing trusted). */
  readonly problem?: string;
}
export type StateWrite = { readonly ok: true; readonly note?: string } | { readonly ok: false; readonly problem: string };

type Loaded = TrustRead & { readonly state: "missing" | "ok" | "unusable" | "newer" };

export function trustFile(dataDir: string): string {
  return path.join(dataDir, TRUST_FILE);
}

export function readTrustStore(dataDir: string): TrustRead {
  const { store, problem } = load(dataDir);
  return problem ? { store, problem } : { store };
}

/** Trusted iff an entry exists for the real root AND its policy hash is unchanged. */
export function isProjectTrusted(dataDir: string, projectRoot: string): boolean {
  const { store, problem } = load(dataDir);
  if (problem) return false;
  const root = realRoot(projectRoot);
  const entry = Object.hasOwn(store.projects, root) ? store.projects[root] : undefined;
  return entry !== undefined && entry.hash === projectPolicyHash(root);
}

export function trustProject(dataDir: string, projectRoot: string): StateWrite {
  const root = realRoot(projectRoot);
  return update(dataDir, (s) => {
    s.projects[root] = { hash: projectPolicyHash(root), trustedAt: new Date().toISOString() };
  });
}

export function untrustProject(dataDir: string, projectRoot: string): StateWrite {
  const root = realRoot(projectRoot);
  return update(dataDir, (s) => {
    // Also the path as given: an entry made before a symlink moved must still be removable.
    delete s.projects[root];
    delete s.projects[path.resolve(projectRoot)];
  });
}

export function isMcpServerKnown(dataDir: string, name: string): boolean {
  const { store, problem } = load(dataDir);
  return !problem && Object.hasOwn(store.mcpServers, name);
}

export function rememberMcpServer(dataDir: string, name: string, how: McpApproval, definition?: string): StateWrite {
  if (name.length === 0 || name.length > MAX_NAME) return { ok: false, problem: `MCP server name must be 1–${MAX_NAME} characters` };
  const entry: McpServerEntry = {
    approvedAt: new Date().toISOString(),
    how,
    ...(definition !== undefined ? { definition: definition.slice(0, MAX_DEFINITION) } : {}),
  };
  return update(dataDir, (s) => {
    s.mcpServers[name] = entry;
  });
}

export function forgetMcpServer(dataDir: string, name: string): StateWrite {
  return update(dataDir, (s) => {
    delete s.mcpServers[name];
  });
}

function realRoot(projectRoot: string): string {
  try {
    return fs.realpathSync.native(projectRoot);
  } catch {
    return path.resolve(projectRoot); // a root that doesn't exist is keyed as written
  }
}

type Mutable = { version: 1; projects: Record<string, ProjectTrust>; mcpServers: Record<string, McpServerEntry> };

function emptyStore(): Mutable {
  return { version: 1, projects: Object.create(null), mcpServers: Object.create(null) };
}

function update(dataDir: string, change: (store: Mutable) => void): StateWrite {
  try {
    ensurePrivateDir(dataDir);
    const file = trustFile(dataDir);
    const result = withLock(file, (): StateWrite => {
      const loaded = load(dataDir);
      // Never overwrite a store a newer hookwarden wrote: its entries would be lost on a downgrade.
      if (loaded.state === "newer") return { ok: false, problem: loaded.problem ?? "trust store is newer" };
      let note: string | undefined;
      if (loaded.state === "unusable") {
        // Nothing in it was trusted anyway; keep the evidence beside it and start afresh.
        const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
        fs.renameSync(file, aside);
        note = `${loaded.problem}; moved it to ${aside} and started a new store`;
      }
      const store = loaded.state === "ok" ? (loaded.store as Mutable) : emptyStore();
      change(store);
      writeFilePrivate(file, `${JSON.stringify(store, null, 2)}\n`);
      return note ? { ok: true, note } : { ok: true };
    });
    return result.ok ? result.value : { ok: false, problem: `trust store not updated: ${result.problem}` };
  } catch (error) {
    return { ok: false, problem: `trust store not updated: ${(error as Error).message}` };
  }
}

function load(dataDir: string): Loaded {
  const file = trustFile(dataDir);
  const unusable = (why: string): Loaded => ({ store: emptyStore(), problem: `${file} ${why}; nothing is trusted until it is fixed or removed`, state: "unusable" });
  let text: string;
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st === undefined) return { store: emptyStore(), state: "missing" };
    if (!st.isFile()) return unusable("is not a regular file");
    if (st.size > MAX_STORE_BYTES) return unusable(`is larger than ${MAX_STORE_BYTES} bytes`);
    if (process.platform !== "win32") {
      // Another user who can write the store could trust any codebase for us.
      if (st.uid !== process.getuid?.()) return unusable(`is owned by uid ${st.uid}, not by this user`);
      if ((st.mode & 0o022) !== 0) return unusable(`is writable by group or others (mode ${(st.mode & 0o777).toString(8)})`);
    }
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { store: emptyStore(), state: "missing" };
    return unusable(`can't be read (${code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return unusable(`is not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseStore(json);
  if (typeof parsed === "string") {
    if (parsed.startsWith("version ")) return { store: emptyStore(), problem: `${file} has ${parsed}; this hookwarden reads version ${TRUST_STORE_VERSION}, so nothing is trusted (upgrade hookwarden)`, state: "newer" };
    return unusable(`is malformed: ${parsed}`);
  }
  return { store: parsed, state: "ok" };
}

/** The store, or a sentence on the first thing wrong with it. */
function parseStore(json: unknown): Mutable | string {
  if (!isObject(json)) return "not a JSON object";
  if (typeof json.version === "number" && json.version > TRUST_STORE_VERSION) return `version ${json.version}`;
  if (json.version !== TRUST_STORE_VERSION) return "`version` must be 1";
  const store = emptyStore();
  const projects = json.projects ?? {};
  const servers = json.mcpServers ?? {};
  if (!isObject(projects)) return "`projects` must be an object";
  if (!isObject(servers)) return "`mcpServers` must be an object";
  for (const [root, entry] of Object.entries(projects)) {
    if (!isObject(entry) || typeof entry.hash !== "string" || !/^[0-9a-f]{64}$/.test(entry.hash) || typeof entry.trustedAt !== "string") {
      return `projects[${JSON.stringify(root)}] needs {hash: 64 hex digits, trustedAt}`;
    }
    store.projects[root] = { hash: entry.hash, trustedAt: entry.trustedAt };
  }
  for (const [name, entry] of Object.entries(servers)) {
    if (!isObject(entry) || typeof entry.approvedAt !== "string" || (entry.how !== "cli" && entry.how !== "approved-call")) {
      return `mcpServers[${JSON.stringify(name)}] needs {approvedAt, how: "cli" | "approved-call"}`;
    }
    if (entry.definition !== undefined && typeof entry.definition !== "string") return `mcpServers[${JSON.stringify(name)}].definition must be a string`;
    store.mcpServers[name] = { approvedAt: entry.approvedAt, how: entry.how, ...(typeof entry.definition === "string" ? { definition: entry.definition } : {}) };
  }
  return store;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
