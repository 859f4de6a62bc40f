// IP addresses: what range a literal falls in (loopback, private, link-local, cloud metadata…). Input is the host as
// the WHATWG URL parser leaves it, so every spelling (`2130706433`, `0x7f.1`, `0177.0.0.1`, `[::ffff:127.0.0.1]`) has
// already become one canonical form. Host names and domain matching live in domain.ts.

export type AddressClass =
  | "loopback" // 127/8, ::1, and 0.0.0.0/8, which Linux routes to the local machine
  | "private" // RFC 1918, carrier-grade NAT, unique-local IPv6, site-local, benchmarking
  | "link-local" // 169.254/16, fe80::/10
  | "metadata" // cloud instance metadata endpoints: credentials live there
  | "multicast" // 224/4, ff00::/8, broadcast, reserved 240/4
  | "public";

export type IpLiteral = { readonly version: 4; readonly bytes: readonly number[] } | { readonly version: 6; readonly words: readonly number[] };

/** Parses a canonical dotted-quad IPv4 or a bracketed/unbracketed IPv6 literal; anything else is undefined. */
export function parseIpLiteral(host: string): IpLiteral | undefined {
  const h = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const v4 = parseIpv4(h);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = parseIpv6(h);
  return v6 ? { version: 6, words: v6 } : undefined;
}

/** Strict dotted quad (the parser's canonical output); `1.2.3` or `0x7f.1` are not accepted here. */
export function parseIpv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(":")) return undefined;
  let body = text;
  const tail: number[] = [];
  const lastColon = body.lastIndexOf(":");
  const maybeV4 = body.slice(lastColon + 1);
  if (maybeV4.includes(".")) {
    const v4 = parseIpv4(maybeV4);
    if (!v4) return undefined;
    tail.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    body = body.slice(0, lastColon + 1) + "0:0"; // two placeholder groups, replaced below
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0] ?? "");
  const rest = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (!head || !rest) return undefined;
  let words: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length;
    if (fill < 0) return undefined;
    words = [...head, ...new Array<number>(fill).fill(0), ...rest];
  } else {
    words = head;
  }
  if (tail.length > 0) words = [...words.slice(0, -2), ...tail];
  return words.length === 8 ? words : undefined;
}

const METADATA_V4 = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192"]);

export function classifyIpv4(b: readonly number[]): AddressClass {
  const [a = 0, c = 0] = b;
  const text = b.join(".");
  if (METADATA_V4.has(text)) return "metadata"; // AWS/GCP/Azure, ECS task role, Alibaba, Oracle
  if (a === 127 || a === 0) return "loopback"; // 0.0.0.0 reaches local listeners on Linux and macOS
  if (a === 10 || (a === 172 && c >= 16 && c <= 31) || (a === 192 && c === 168)) return "private";
  if (a === 100 && c >= 64 && c <= 127) return "private"; // carrier-grade NAT, also used by Tailscale
  if (a === 198 && (c === 18 || c === 19)) return "private";
  if (a === 192 && c === 0 && b[2] === 0) return "private"; // IETF protocol assignments
  if (a === 169 && c === 254) return "link-local";
  if (a >= 224) return "multicast";
  return "public";
}

export function classifyIpv6(w: readonly number[]): AddressClass {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const zeroPrefix = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;
  if (zeroPrefix && w5 === 0 && w6 === 0 && w7 === 1) return "loopback";
  if (zeroPrefix && w5 === 0 && w6 === 0 && w7 === 0) return "loopback"; // `::` is 0.0.0.0's twin
  const embedded = (hi: number, lo: number): AddressClass => classifyIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (zeroPrefix && w5 === 0xffff) return embedded(w6, w7); // IPv4-mapped ::ffff:a.b.c.d
  if (zeroPrefix && w5 === 0) return embedded(w6, w7); // deprecated IPv4-compatible ::a.b.c.d
  if (w0 === 0x64 && w1 === 0xff9b) return embedded(w6, w7); // NAT64 64:ff9b::/96
  if (w0 === 0x2002) return embedded(w1, w2); // 6to4 2002:aabb:ccdd::
  if (w0 === 0xfd00 && w1 === 0x0ec2 && w7 === 0x254 && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0 && w6 === 0) return "metadata"; // AWS fd00:ec2::254
  if ((w0 & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((w0 & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((w0 & 0xffc0) === 0xfec0) return "private"; // deprecated site-local fec0::/10
  if ((w0 & 0xff00) === 0xff00) return "multicast";
  return "public";
}

export function classifyIp(ip: IpLiteral): AddressClass {
  return ip.version === 4 ? classifyIpv4(ip.bytes) : classifyIpv6(ip.words);
}
