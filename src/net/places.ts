// Destinations as a reason shows them: a host with what its address tells (`169.254.169.254 (a cloud metadata
// endpoint)`), a remote, a value computed at run time, the hosts package operands name. Text only; no policy.
import type { Word } from "../shell/model.js";
import { describeHost } from "./domain.js";
import { gitRemote, urlRemote, type Remote } from "./remote.js";
import { preview } from "./url.js";

export function remotePlace(r: Remote): string {
  switch (r.kind) {
    case "host":
      return hostPlace(r.host, r.user);
    case "local":
      return "a local path";
    case "helper":
      return `${preview(r.address, 60)} (through git-remote-${r.helper})`;
    case "unknown":
      return "an unreadable address";
    default: {
      const never: never = r;
      return never;
    }
  }
}

/** A host with what its address tells (`169.254.169.254 (a cloud metadata endpoint)`). */
export function hostPlace(host: string, user?: string): string {
  const facts = describeHost(host);
  const who = user ? `${preview(user, 30)}@` : "";
  // A single-label name is usually an ssh_config alias or a remote name: no range to report.
  const cls = facts.kind === "name" && !facts.host.includes(".") && facts.addressClass === "private" ? "public" : facts.addressClass;
  const note = cls === "public" ? "" : cls === "metadata" ? " (a cloud metadata endpoint)" : cls === "loopback" ? " (this machine)" : ` (a ${cls === "private" ? "local-network" : cls} address)`;
  const shown = facts.unicode && facts.unicode !== facts.host ? `${facts.host} (displayed as "${facts.unicode}")` : facts.host || host;
  return `${who}${shown}${note}`;
}

/** An option or env value naming a host: a URL → its host; otherwise the word itself. */
export function placeOf(w: Word): string {
  if (w.dynamic) return computed(w);
  const r = urlRemote(w.value);
  if (r && r.kind === "host") return hostPlace(r.host);
  // A host only when it reads as one (`ghe.example.org`, `10.0.0.1:443`); a context or profile name stays quoted.
  const hostPort = /^(\[[^\]]+\]|[^:/\s]+)(:\d+)?$/.exec(w.value);
  const looksHost = hostPort && (hostPort[1]?.includes(".") || hostPort[1]?.startsWith("[") || hostPort[2] || hostPort[1] === "localhost");
  return looksHost ? hostPlace(hostPort[1] ?? w.value) : `"${preview(w.value, 60)}"`;
}

export function computed(w: Word): string {
  return `a host computed at run time (\`${preview(w.text, 60)}\`)`;
}

/** URL-ish package operands: `https://…/x.tgz`, `git+ssh://…`, `github:a/b`, npm `a/b` (GitHub), Go `host/path`. */
export function packageHosts(w: Word, style?: "npm" | "go"): string[] {
  if (w.dynamic) return [computed(w)];
  const v = w.value.replace(/^[A-Za-z0-9_.-]+@(?=[a-z+]+:\/\/)/, ""); // pip `name @ https://…` written as one word
  const url = urlRemote(v.replace(/^git\+/, ""));
  if (url) return url.kind === "host" ? [hostPlace(url.host)] : [];
  const shorthand = /^(github|gitlab|bitbucket|gist):/.exec(v);
  if (shorthand) return [{ github: "github.com", gist: "gist.github.com", gitlab: "gitlab.com", bitbucket: "bitbucket.org" }[shorthand[1] as "github"]];
  if (/^[^@/:\s]+@[^/:\s]+:/.test(v)) {
    const r = gitRemote(v);
    return r.kind === "host" ? [hostPlace(r.host)] : [];
  }
  if (style === "npm" && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(#.*)?$/.test(v) && !/^\.{0,2}\//.test(v)) return ["github.com"];
  if (style === "go") {
    const first = v.split("/", 1)[0] ?? "";
    if (first.includes(".") && v.includes("/")) return [hostPlace(first.replace(/@.*$/, ""))];
  }
  return [];
}
