// How a case is scored: a `flag` case passes when its family is among the acted-on findings; a `quiet` case when
// nothing at all is acted on. Shared by the family tests and figures.ts.
import { scanForInjection } from "../../../src/content/injection/index.js";
import type { InjectionFamily, InjectionFinding } from "../../../src/content/types.js";
import { SOURCES, type InjectionCase } from "./sources.js";

export interface Judgement {
  readonly pass: boolean;
  /** Families acted on, for failure messages. */
  readonly acted: readonly string[];
  readonly findings: readonly InjectionFinding[];
}

export function judge(c: InjectionCase, family: InjectionFamily | undefined): Judgement {
  const findings = scanForInjection(c.text, SOURCES[c.source]);
  const acted = findings.filter((f) => f.severity !== "info").map((f) => `${f.family}:${f.severity}`);
  const want = c.family ?? family;
  const pass = c.expect === "quiet" ? acted.length === 0 : acted.some((a) => want === undefined || a.startsWith(`${want}:`));
  return { pass, acted, findings };
}

export function describeFailure(c: InjectionCase, j: Judgement): string {
  return `${c.id} (${c.source}) expected ${c.expect}; acted on: [${j.acted.join(", ")}]; all: ${JSON.stringify(j.findings.map((f) => [f.family, f.severity, f.excerpt]))}`;
}
