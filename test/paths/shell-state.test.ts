// cwd and variables across the commands of one call: cd/pushd/popd, subshells, loops, assignments.
import { afterAll, describe, expect, it } from "vitest";
import { ShellTracker, inChildShell } from "../../src/paths/shell-state.js";
import { makeWorld } from "./context.js";
import { cmd, commands } from "./fixtures.js";

const w = makeWorld();
afterAll(() => w.cleanup());
w.dir("src/lib");
w.link("vendor", w.outside);

/** Run `source` through the tracker and return the candidate cwds of its last command. */
function cwdsOfLast(source: string): (string | undefined)[] {
  const t = new ShellTracker(w.ctx());
  const cmds = commands(source).sort((a, b) => a.seq - b.seq);
  for (const c of cmds.slice(0, -1)) t.advance(c);
  return t.statesFor(cmds[cmds.length - 1]!).map((s) => s.cwd?.physical);
}

describe("ShellTracker", () => {
  it.each([
    ["true", [w.project]],
    ["cd src && true", [`${w.project}/src`]],
    ["cd src/lib; cd ../..; true", [w.project]],
    ["cd ..; true", [w.root]],
    ["cd; true", [w.home]],
    ["cd ~; true", [w.home]],
    ["cd $HOME; true", [w.home]],
    ["cd vendor; true", [w.outside]],
    ["cd vendor/..; true", [w.project]],
    ["cd -P vendor/..; true", [w.root]],
    ["(cd src); true", [w.project]],
    ["cd $X; true", [undefined]],
    ["cd -; true", [undefined]],
    ["cd src; cd -; true", [w.project]],
    ["pushd src; pushd lib; popd; true", [`${w.project}/src`]],
    ["popd; true", [undefined]],
    ["cd nope; true", [w.project, `${w.project}/nope`]],
    // The tracker alone does not see mkdir (shell-paths.ts tells it via `created`), so the cd may fail.
    ["mkdir -p made && cd made; true", [w.project, `${w.project}/made`]],
    ["D=src; cd $D; true", [`${w.project}/src`]],
    ["export D=src; cd $D; true", [`${w.project}/src`]],
    ["cd src lib; true", [w.project]], // too many arguments: cd fails
  ])("%s", (source, expected) => {
    expect(cwdsOfLast(source)).toEqual(expected);
  });

  it("moves a subshell by its own cd, and nothing after it", () => {
    expect(cwdsOfLast("(cd src; true)")).toEqual([`${w.project}/src`]);
    expect(cwdsOfLast("(cd src; (cd lib; true))")).toEqual([`${w.project}/src/lib`]);
    expect(cwdsOfLast("(cd src; (cd lib); true)")).toEqual([`${w.project}/src`]);
    expect(cwdsOfLast("(cd src); (true)")).toEqual([w.project]);
    expect(cwdsOfLast("cd src | true")).toEqual([w.project]);
    expect(cwdsOfLast("sh -c 'cd src; true'")).toEqual([`${w.project}/src`]);
    expect(cwdsOfLast("echo | xargs cd src; true")).toEqual([w.project]); // xargs runs a program, not the builtin
  });

  it("runs a command in its wrapper's directory", () => {
    expect(cwdsOfLast("env -C src true")).toEqual([`${w.project}/src`]);
    expect(cwdsOfLast("sudo -D src/lib true")).toEqual([`${w.project}/src/lib`]);
    expect(cwdsOfLast("env -C src true; true")).toEqual([w.project]);
    expect(cwdsOfLast("env -C $X true")).toEqual([undefined]);
  });

  it("knows which positions are child shells", () => {
    expect(inChildShell(cmd("x", [], { position: ["subshell"] }))).toBe(true);
    expect(inChildShell(cmd("x", [], { position: ["$(…)"] }))).toBe(true);
    expect(inChildShell(cmd("x", [], { position: ["condition", "group"] }))).toBe(false);
    expect(inChildShell(cmd("x", [], { via: ["sudo"] }))).toBe(false);
    expect(inChildShell(cmd("x", [], { via: ["bash -c"] }))).toBe(true);
    expect(inChildShell(cmd("x", [], { via: ["eval"] }))).toBe(false);
  });
});
