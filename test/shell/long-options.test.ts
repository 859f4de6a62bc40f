// Long options as getopt_long and git's parse-options read them: whole names, unambiguous prefixes, `=value`, what
// each option takes; and that every program list is whole and well formed (a duplicate would hide an ambiguity).
import { describe, expect, it } from "vitest";
import { resolveLong, unresolvedLong, type LongOptions } from "../../src/shell/long-options.js";
import { GIT_LONG_OPTIONS, GNU_LONG_OPTIONS } from "../../src/shell/program-options.js";

const SED: LongOptions = { flags: ["--quiet", "--silent", "--sandbox", "--separate"], values: ["--expression", "--file"], optional: ["--in-place"] };

describe("resolveLong", () => {
  it.each([
    ["--expression", "--expression", "value", undefined],
    ["--expr=p", "--expression", "value", "p"],
    ["--e=e curl x", "--expression", "value", "e curl x"],
    ["--in", "--in-place", "optional", undefined],
    ["--i=.bak", "--in-place", "optional", ".bak"],
    ["--qu", "--quiet", "flag", undefined],
    ["--file=", "--file", "value", ""],
  ])("%s → %s", (word, name, arity, inline) => {
    const m = resolveLong(word, SED);
    expect(m).toMatchObject({ ok: true, name, arity });
    expect(m.ok && m.inline).toBe(inline === undefined ? undefined : inline);
  });
  it("an exact name wins over the longer names it starts", () => {
    const o: LongOptions = { flags: ["--text", "--textconv"] };
    expect(resolveLong("--text", o)).toMatchObject({ ok: true, name: "--text" });
    expect(resolveLong("--textc", o)).toMatchObject({ ok: true, name: "--textconv" });
  });
  it("a prefix of several names is ambiguous, and lists them", () => {
    const m = resolveLong("--s", SED);
    expect(m).toEqual({ ok: false, given: "--s", candidates: ["--silent", "--sandbox", "--separate"] });
    expect(resolveLong("--sa", SED)).toMatchObject({ ok: true, name: "--sandbox" });
  });
  it("names nothing: unknown, with the word as given", () => {
    const m = resolveLong("--nope=1", SED);
    expect(m).toEqual({ ok: false, given: "--nope", candidates: [] });
    expect(unresolvedLong("sed", m as Extract<typeof m, { ok: false }>)).toMatch(/does not know the sed option `--nope`/);
  });
  it("without prefixes only whole names count", () => {
    expect(resolveLong("--in", SED, false)).toMatchObject({ ok: false, candidates: [] });
    expect(resolveLong("--in-place=x", SED, false)).toMatchObject({ ok: true, name: "--in-place", inline: "x" });
  });
  it("says which names an ambiguous word could be", () => {
    const m = resolveLong("--s", SED);
    expect(unresolvedLong("sed", m as Extract<typeof m, { ok: false }>)).toBe("`--s` could be any of sed's `--silent`, `--sandbox`, `--separate`");
  });
});

describe("program lists", () => {
  const lists = [...Object.entries(GNU_LONG_OPTIONS), ...Object.entries(GIT_LONG_OPTIONS).map(([k, v]) => [`git ${k}`, v] as const)];
  it.each(lists.map(([name, o]) => [name, o] as const))("%s: every name once, written `--name`", (_name, o) => {
    const all = [...(o.flags ?? []), ...(o.values ?? []), ...(o.optional ?? [])];
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) expect(n).toMatch(/^--[a-z0-9][a-z0-9-]*$/);
  });
  it.each([
    // The words from the reports, each against its program's real list.
    ["sed", "--expr", "--expression"],
    ["sed", "--e", "--expression"],
    ["sed", "--in", "--in-place"],
    ["sort", "--compress-prog", "--compress-program"],
    ["date", "--se", "--set"],
    ["file", "--comp", "--compile"],
    ["tee", "--output", "--output-error"],
    ["cp", "--t", "--target-directory"],
    ["gawk", "--sou", "--source"],
  ])("%s %s → %s", (program, word, name) => {
    expect(resolveLong(word, GNU_LONG_OPTIONS[program]!)).toMatchObject({ ok: true, name });
  });
  it.each([
    ["grep", "--open", "--open-files-in-pager"],
    ["grep", "--op", "--open-files-in-pager"],
    ["cat-file", "--filt", "--filters"],
    ["cat-file", "--textc", "--textconv"],
    ["branch", "--li", "--list"],
    ["branch", "--no-col", undefined],
    ["branch", "--co", undefined],
  ])("git %s %s → %s", (sub, word, name) => {
    const m = resolveLong(word, GIT_LONG_OPTIONS[sub]!);
    if (name === undefined) expect(m.ok).toBe(false);
    else expect(m).toMatchObject({ ok: true, name });
  });
  it("optional values are modelled as optional (the next word is never theirs)", () => {
    expect(resolveLong("--color", GNU_LONG_OPTIONS.grep!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--output-error", GNU_LONG_OPTIONS.tee!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--context", GNU_LONG_OPTIONS.mkdir!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--tmpdir", GNU_LONG_OPTIONS.mktemp!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--backup", GNU_LONG_OPTIONS.tar!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--in-place", GNU_LONG_OPTIONS.sed!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--color", GIT_LONG_OPTIONS.grep!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--color", GIT_LONG_OPTIONS.branch!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--column", GIT_LONG_OPTIONS.tag!)).toMatchObject({ arity: "optional" });
    expect(resolveLong("--abbrev", GIT_LONG_OPTIONS.branch!)).toMatchObject({ arity: "optional" });
  });
});
