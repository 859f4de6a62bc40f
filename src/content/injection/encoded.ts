// Injections in disguise: the text families run again over (1) blobs decoded by decode.ts — up to MAX_DEPTH layers —
// and (2) the text normalised by normalise.ts. Owns the layering, the budget and the rule that a quoted example in a
// page about injection is recorded, not acted on. Does not own the families themselves.
import type { InjectionFinding, InjectionSeverity } from "../types.js";
import { hardened, mentionOf, type ScanContext } from "./context.js";
import { detectAddressed } from "./addressed.js";
import { findBlobs, MAX_BLOBS, MAX_DECODED } from "./decode.js";
import { detectExfilImage } from "./exfil-image.js";
import { detectHiddenHtml } from "./hidden-html.js";
import { normalise } from "./normalise.js";
import { detectOverride } from "./override.js";
import { detectRoleTokens } from "./role-tokens.js";

const MAX_DEPTH = 3;

type Detector = (text: string, ctx: ScanContext) => InjectionFinding[];
/** The families that read words; invisible carriers are found on the raw text only. */
export const TEXT_DETECTORS: readonly Detector[] = [detectRoleTokens, detectOverride, detectAddressed, detectHiddenHtml, detectExfilImage];

function acted(findings: InjectionFinding[]): InjectionFinding | undefined {
  return findings.find((f) => f.severity === "high") ?? findings.find((f) => f.severity === "medium");
}

function scanDecoded(decoded: string, ctx: ScanContext, depth: number, budget: { blobs: number; chars: number }): { inner: InjectionFinding; path: string[] } | undefined {
  const hit = acted(TEXT_DETECTORS.flatMap((d) => d(decoded, ctx)));
  if (hit) return { inner: hit, path: [] };
  const norm = normalise(decoded);
  if (norm) {
    const n = acted(TEXT_DETECTORS.flatMap((d) => d(norm.text, ctx)));
    if (n) return { inner: n, path: ["normalised"] };
  }
  if (depth >= MAX_DEPTH) return undefined;
  for (const blob of findBlobs(decoded, budget)) {
    const deeper = scanDecoded(blob.decoded, ctx, depth + 1, budget);
    if (deeper) return { inner: deeper.inner, path: [blob.kind, ...deeper.path] };
  }
  return undefined;
}

/**
 * Injections that only show after decoding or normalising. `seen` are the findings on the raw text: a family already
 * found near the same place is not reported again.
 */
export function detectEncoded(text: string, ctx: ScanContext, seen: readonly InjectionFinding[] = []): InjectionFinding[] {
  const inner = hardened(ctx);
  const out: InjectionFinding[] = [];
  const budget = { blobs: MAX_BLOBS, chars: MAX_DECODED };
  for (const blob of findBlobs(text, budget)) {
    const hit = scanDecoded(blob.decoded, inner, 1, budget);
    if (!hit) continue;
    // A quoted example in a page about injection ("base64 `SWdub3Jl…`") is recorded, not acted on.
    const shown = mentionOf(text, blob.start, blob.end) === "cited-quoted";
    const f = encodedFinding([blob.kind, ...hit.path], hit.inner, ctx, blob.start);
    out.push(shown ? { ...f, severity: "info" } : f);
    if (out.length >= 5) break;
  }
  const norm = normalise(text);
  if (norm) {
    for (const f of TEXT_DETECTORS.flatMap((d) => d(norm.text, inner))) {
      if (f.severity === "info") continue;
      const offset = norm.origin[Math.min(f.offset, norm.origin.length - 1)] ?? 0;
      const already = seen.some((s) => s.family === f.family && s.severity !== "info" && Math.abs(s.offset - offset) < 200);
      if (already || out.some((o) => Math.abs(o.offset - offset) < 40)) continue;
      const shown = mentionOf(text, offset, offset + 1) === "cited-quoted";
      const e = encodedFinding(["normalising"], f, ctx, offset);
      out.push(shown ? { ...e, severity: "info" } : e);
      break;
    }
  }
  return out;
}

function encodedFinding(path: string[], inner: InjectionFinding, ctx: ScanContext, offset: number): InjectionFinding {
  const severity: InjectionSeverity = ctx.trust === "user" ? "info" : inner.severity === "high" ? "high" : "medium";
  const how = path.join(" → ");
  return { family: "encoded", severity, excerpt: `${inner.family} after ${how}: ${inner.excerpt}`.slice(0, 140), offset };
}
