// Program grammars: tar letter clusters, find roots and actions, perl switch clusters, git global options, sed `w`.
import { describe, expect, it } from "vitest";
import type { Arg } from "../../src/paths/argv.js";
import { readFindArgv, readGitArgv, readPerlArgv, readTarArgv, sedWriteFiles, under } from "../../src/paths/program-argv.js";

const args = (...vs: (string | undefined)[]): Arg[] => vs.map((v, i) => (v === undefined ? { word: i, text: "$X", reason: "dynamic" } : { word: i, text: v, value: v }));
const values = (as: readonly Arg[]) => as.map((a) => a.value);

describe("readTarArgv", () => {
  it("reads old-style clusters", () => {
    const t = readTarArgv(args("czf", "out.tgz", "src", "docs"));
    expect(t).toMatchObject({ create: true, extract: false });
    expect(values(t.archives)).toEqual(["out.tgz"]);
    expect(values(t.members)).toEqual(["src", "docs"]);
  });
  it("chains -C directories", () => {
    const t = readTarArgv(args("-x", "-f", "a.tar", "-C", "out", "-C", "sub"));
    expect(t.dir?.value).toBe("out/sub");
    expect(readTarArgv(args("-xf", "a.tar", "--directory=/opt")).dir?.value).toBe("/opt");
  });
  it("reads GNU tar's long options whole: abbreviations, and values only after `=`", () => {
    expect(readTarArgv(args("-x", "--direc=/opt", "-f", "a.tar")).dir?.value).toBe("/opt");
    const backup = readTarArgv(args("-c", "--backup", "-f", "../out.tar", "src"));
    expect(values(backup.archives)).toEqual(["../out.tar"]);
    expect(values(backup.members)).toEqual(["src"]);
    expect(readTarArgv(args("--cre", "-f", "o.tar", "src")).create).toBe(true);
    expect(values(readTarArgv(args("-x", "--cd", "/etc", "-f", "a.tar")).unknownOptions)).toEqual(["--cd"]);
  });
  it("notices -P and -O", () => {
    expect(readTarArgv(args("-xPf", "a.tar")).absoluteNames).toBe(true);
    expect(readTarArgv(args("xOf", "a.tar")).toStdout).toBe(true);
  });
});

describe("readFindArgv", () => {
  it("splits roots from the expression", () => {
    const f = readFindArgv(args("-L", "src", "docs", "-name", "*.md", "-o", "-iname", "x", "-fprint", "list.txt", "-exec", "/bin/rm", "{}", ";", "-delete"));
    expect(values(f.roots)).toEqual(["src", "docs"]);
    expect(f.namePatterns).toEqual(["*.md", "x"]);
    expect(values(f.outputFiles)).toEqual(["list.txt"]);
    expect(f.execPrograms).toEqual(["rm"]);
    expect(f.deletes).toBe(true);
  });
  it("has no roots when the expression comes first", () => {
    expect(readFindArgv(args("-name", "x")).roots).toEqual([]);
    expect(values(readFindArgv(args("(", "-name", "x", ")")).roots)).toEqual([]);
  });
});

describe("readPerlArgv", () => {
  it.each([
    [["-pi", "-e", "s/a/b/", "f1", "f2"], true, ["s/a/b/"], ["f1", "f2"]],
    [["-i.bak", "-pe", "s/a/b/", "f"], true, ["s/a/b/"], ["f"]],
    [["-ne", "print", "f"], false, ["print"], ["f"]],
    [["-pie", "s/a/b/", "f"], true, [], ["f"]], // -i takes "e" as its suffix; s/a/b/ is the script file
    [["script.pl", "-i", "f"], false, [], ["-i", "f"]],
    [["-Mstrict", "-e", "1"], false, ["1"], []],
  ])("%o", (argv, inPlace, code, files) => {
    const p = readPerlArgv(args(...argv));
    expect(p.inPlace).toBe(inPlace);
    expect(values(p.code)).toEqual(code);
    expect(values(p.files)).toEqual(files);
  });
});

describe("readGitArgv", () => {
  it("reads global options and the subcommand", () => {
    const g = readGitArgv(args("-C", "a", "-c", "x=y", "-C", "b", "--git-dir=../g", "--no-pager", "commit", "-m", "x"));
    expect(g.dir?.value).toBe("a/b");
    expect(values(g.repoPaths)).toEqual(["../g"]);
    expect(g.sub?.value).toBe("commit");
    expect(values(g.rest)).toEqual(["-m", "x"]);
  });
  it("--exec-path takes a value only as --exec-path=DIR; --attr-source takes the next word", () => {
    expect(readGitArgv(args("--exec-path", "status")).sub?.value).toBe("status");
    expect(readGitArgv(args("--exec-path=/x", "status")).sub?.value).toBe("status");
    expect(readGitArgv(args("--attr-source", "HEAD", "commit")).sub?.value).toBe("commit");
  });
  it("stops at an unknown global word", () => {
    expect(readGitArgv(args("-C", undefined, "commit")).dir?.value).toBeUndefined();
    expect(readGitArgv(args(undefined, "commit")).unknown).toBeDefined();
  });
  it("joins under a base", () => {
    expect(under({ word: 0, text: "a", value: "a" }, { word: 1, text: "b", value: "b" }).value).toBe("a/b");
    expect(under({ word: 0, text: "a", value: "a" }, { word: 1, text: "/b", value: "/b" }).value).toBe("/b");
    expect(under(undefined, { word: 1, text: "b", value: "b" }).value).toBe("b");
  });
});

describe("sedWriteFiles", () => {
  it.each([
    ["w /tmp/out", ["/tmp/out"]],
    ["1,5w out.txt", ["out.txt"]],
    ["/re/w out", ["out"]],
    ["s/a/b/w out", ["out"]],
    ["s|a|b|gw ../x", ["../x"]],
    ["s/a/b/g; w other", ["other"]],
    ["p;w x\ns/a/b/", ["x"]],
    ["s/a/b/", []],
    ["s/w x/y/", []],
    ["w /dev/stdout", []],
  ])("%s", (script, files) => {
    expect(sedWriteFiles(script)).toEqual(files);
  });
});
