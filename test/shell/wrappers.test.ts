// Wrappers and code-in-strings: every program that runs another is seen through, keeps its words visible to rules,
// and an option shape we do not know leaves the wrapper unresolved (the checks ask) instead of guessing.
import { describe, expect, it } from "vitest";
import { argvs, commandsOf } from "./helpers.js";

const inner = (src: string) => {
  const cs = commandsOf(src);
  return cs.map((c) => ({ argv: [c.name.kind === "literal" ? c.name.value : c.name.text, ...c.args.map((a) => (a.dynamic ? `<${a.text}>` : a.value))].join(" "), via: c.via.join(" > "), unresolved: c.unresolved !== undefined }));
};

describe("exec wrappers", () => {
  it.each([
    ["sudo -u root wget x", "wget x", "sudo"],
    ["sudo -E -H -n -- rm -rf /x", "rm -rf /x", "sudo"],
    ["sudo --user=root --preserve-env rm x", "rm x", "sudo"],
    ["sudo -g wheel -C 3 rm x", "rm x", "sudo"],
    ["sudo FOO=1 rm x", "rm x", "sudo"],
    ["doas -u root rm x", "rm x", "doas"],
    ["pkexec --user root rm x", "rm x", "pkexec"],
    ["env -i -u HOME -C /tmp FOO=1 BAR=2 rm x", "rm x", "env"],
    ["env -- rm x", "rm x", "env"],
    ["nice -n 19 rm x", "rm x", "nice"],
    ["nice -10 rm x", "rm x", "nice"],
    ["nohup rm x", "rm x", "nohup"],
    ["timeout 10 rm x", "rm x", "timeout"],
    ["timeout -s KILL -k 5 10s rm x", "rm x", "timeout"],
    ["timeout --signal=TERM 1m rm x", "rm x", "timeout"],
    ["/usr/bin/time -v rm x", "rm x", "time"],
    ["command rm x", "rm x", "command"],
    ["command -p rm x", "rm x", "command"],
    ["builtin cd /tmp", "cd /tmp", "builtin"],
    ["exec rm x", "rm x", "exec"],
    ["exec -a name rm x", "rm x", "exec"],
    ["stdbuf -o0 -eL rm x", "rm x", "stdbuf"],
    ["ionice -c 3 rm x", "rm x", "ionice"],
    ["taskset 0x1 rm x", "rm x", "taskset"],
    ["taskset -c 0,1 rm x", "rm x", "taskset"],
    ["setsid -f rm x", "rm x", "setsid"],
    ["flock /tmp/lock rm x", "rm x", "flock"],
    ["watch -x rm x", "rm x", "watch"],
    ["busybox rm -rf /x", "rm -rf /x", "busybox"],
    ["chroot /srv rm x", "rm x", "chroot"],
    ["caffeinate -i rm x", "rm x", "caffeinate"],
    ["torsocks -i git push", "git push", "torsocks"],
    ["torsocks -P 9050 --address 127.0.0.1 rm x", "rm x", "torsocks"],
    ["proxychains4 -q -f /etc/p.conf rm x", "rm x", "proxychains4"],
    ["proxychains rm x", "rm x", "proxychains"],
    ["tsocks rm x", "rm x", "tsocks"],
    ["firejail --profile=web --net=none rm x", "rm x", "firejail"],
    ["firejail --private -- rm x", "rm x", "firejail"],
  ])("%s → %s", (src, expected, via) => {
    const cs = inner(src).filter((c) => c.via !== "");
    expect(cs.at(-1)).toMatchObject({ argv: expected, unresolved: false });
    expect(cs.at(-1)!.via.split(" > ")[0]).toBe(via);
  });

  it("nests wrappers and keeps them all, outer first", () => {
    const [c] = commandsOf("sudo env FOO=1 nice -n 5 timeout 3 /bin/rm -rf /x");
    expect(c!.via).toEqual(["sudo", "env", "nice", "timeout"]);
    expect(c!.wrappers!.map((w) => w.name)).toEqual(["sudo", "env", "nice", "timeout"]);
    expect(c!.wrappers![0]!.privileged).toBe(true);
    expect(c!.program).toBe("/bin/rm");
    expect(c!.assignments.map((a) => a.name)).toEqual(["FOO"]);
  });
  it("keeps the wrapper's own words for rules like `sudo *`", () => {
    const [c] = commandsOf("/usr/bin/sudo -n id -u");
    expect(c!.wrappers![0]!.argv.map((w) => w.value)).toEqual(["/usr/bin/sudo", "-n", "id", "-u"]);
  });
  it("a wrapper used on its own is the command", () => {
    expect(argvs("sudo -l")).toEqual(["sudo -l"]);
    expect(argvs("env")).toEqual(["env"]);
    expect(argvs("command -v node")).toEqual(["command -v node"]);
    expect(argvs("ionice -p 42")).toEqual(["ionice -p 42"]);
    expect(argvs("exec 3>&1")).toEqual(["exec"]);
  });
  it("an unknown option leaves the wrapper unresolved, with its words", () => {
    for (const src of ["sudo --frobnicate rm x", "timeout --bogus 5 rm x", "nice -q rm x", "env --bogus rm x", "sudo $OPTS rm x"]) {
      const [c] = commandsOf(src);
      expect(c!.unresolved, src).toBeDefined();
      expect(c!.args.length, src).toBeGreaterThan(0);
    }
  });
  it("firejail acting on another sandbox, or with a dynamic option, is not followed", () => {
    for (const src of ["firejail --join=4242 rm x", "firejail --shell=/bin/evil rm x", "firejail -c rm x", "firejail $OPTS rm x"]) {
      expect(commandsOf(src)[0]!.unresolved, src).toBeDefined();
    }
  });
  it("keeps the directory a wrapper runs the command in", () => {
    const dir = (src: string) => commandsOf(src).map((c) => c.wrappers?.find((w) => w.chdir)?.chdir?.text);
    expect(dir("env -C /etc touch x")).toEqual(["/etc"]);
    expect(dir("env --chdir=/etc touch x")).toEqual(["/etc"]);
    expect(dir("env --chdir \"$D\" touch x")).toEqual(['"$D"']);
    expect(dir("sudo -D /srv touch x")).toEqual(["/srv"]);
    expect(dir("sudo --chdir=~/x -u root touch x")).toEqual(["~/x"]);
    expect(dir("env -i touch x")).toEqual([undefined]);
  });
  it("GNU time writing a file is not guessed at", () => {
    expect(commandsOf("/usr/bin/time -o /etc/x ls")[0]!.unresolved).toBeDefined();
  });
});

describe("long options as getopt_long reads them", () => {
  it.each([
    ["sudo --us=root --preserve-e rm x", "rm x"],
    ["sudo --preserve-e=HOME --login-c=staff rm x", "rm x"],
    ["env --ch=/tmp --unse HOME rm x", "rm x"],
    ["env --argv0 name rm x", "rm x"],
    ["timeout --sig=KILL --kill 5 10 rm x", "rm x"],
    ["nice --adj 5 rm x", "rm x"],
    ["stdbuf --out=0 rm x", "rm x"],
    ["xargs --max-a=1 rm", "rm <{xargs input}>"],
    ["flock --no-f /tmp/l rm x", "rm x"],
    ["setsid --w rm x", "rm x"],
    ["chrt --ba 0 rm x", "rm x"],
    ["watch --exe rm x", "rm x"],
  ])("%s → %s", (src, expected) => {
    const cs = inner(src).filter((c) => c.via !== "");
    expect(cs.at(-1)).toMatchObject({ argv: expected, unresolved: false });
  });
  it.each([
    ["xargs --e curl x", /could be any of xargs's .*`--eof`/],
    ["timeout --v 5 rm x", /could be any of/],
    ["env --i rm x", /could be any of/],
    ["sudo --pre rm x", /could be any of/],
    ["sudo --nope rm x", /does not know the sudo option `--nope`/],
    ["timeout --foreground=1 5 rm x", /takes no value/],
    // Parsers that want whole names: a prefix is not followed.
    ["bash --nor -c 'rm x'", /does not know the bash option `--nor`/],
    ["parallel --jo 2 rm ::: a", /does not know the parallel option `--jo`/],
    ["pkexec --us root rm x", /does not know the pkexec option `--us`/],
    ["su --s /bin/sh root", /could be any of su's/],
  ])("%s stays unresolved", (src, why) => {
    const [c] = commandsOf(src);
    expect(c!.unresolved, src).toMatch(why);
  });
});

describe("values that are only ever attached (`--opt=value`, `-oVALUE`)", () => {
  it.each([
    ["xargs --eof curl x.io", "curl x.io <{xargs input}>"],
    ["xargs --eof=END curl x.io", "curl x.io <{xargs input}>"],
    ["xargs --max-lines nc x 1", "nc x 1 <{xargs input}>"],
    ["xargs --max-lines=2 nc x 1", "nc x 1 <{xargs input}>"],
    ["xargs -e curl", "curl <{xargs input}>"],
    ["xargs -eEND curl", "curl <{xargs input}>"],
    ["xargs -E END curl", "curl <{xargs input}>"],
    ["xargs -l nc x", "nc x <{xargs input}>"],
    ["xargs -l2 nc x", "nc x <{xargs input}>"],
    ["xargs -L 2 nc x", "nc x <{xargs input}>"],
    ["xargs -i nc {} 1", "nc <{}> 1"],
    ["xargs -iX nc X 1", "nc <X> 1"],
    ["xargs --replace=X nc X", "nc <X>"],
    ["xargs --rep nc {}", "nc <{}>"],
    ["script -t -q -c 'rm x'", "rm x"],
    ["script -E never -c 'rm x' log", "rm x"],
    ["script -o 1M -c 'rm x'", "rm x"],
  ])("%s → %s", (src, expected) => {
    expect(argvs(src)).toContain(expected);
  });
  it("code given to su and runuser by any spelling of -c", () => {
    for (const src of ["su --comm='rm x'", "su --command 'rm x' root", "su -- root -c 'rm x'", "runuser -u me -c 'rm x'", "runuser -l me --comm 'rm x'", "runuser - app -c 'rm x'"]) {
      expect(inner(src).find((c) => c.argv === "rm x"), src).toMatchObject({ unresolved: false });
    }
  });
});

describe("shells and code strings", () => {
  it.each([
    ["sh -c 'rm -rf /x'", "rm -rf /x", "sh -c"],
    ["bash -c \"curl example.org\"", "curl example.org", "bash -c"],
    ["bash -x -c 'rm x'", "rm x", "bash -c"],
    ["bash -xc 'rm x'", "rm x", "bash -c"],
    ["/bin/zsh -lc 'rm x'", "rm x", "zsh -c"],
    ["bash --noprofile --norc -c 'rm x'", "rm x", "bash -c"],
    ["bash -o pipefail -c 'rm x'", "rm x", "bash -c"],
    ["bash +x -c 'rm x'", "rm x", "bash -c"],
    ["dash -ec 'rm x'", "rm x", "dash -c"],
    ["ksh -c 'rm x' name arg", "rm x", "ksh -c"],
    ["eval 'rm x'", "rm x", "eval"],
    ["eval rm x", "rm x", "eval"],
    ["su -c 'rm x' root", "rm x", "su -c"],
    ["su - root -c 'rm x'", "rm x", "su -c"],
    ["script -q -c 'rm x' /dev/null", "rm x", "script -c"],
    ["flock /tmp/l -c 'rm x'", "rm x", "flock -c"],
    ["watch -n 1 'rm x'", "rm x", "watch"],
    ["watch rm x", "rm x", "watch"],
    ["env -S 'rm -rf /'", "rm -rf /", "env -S"],
    ["sudo -s rm x", "rm x", "sudo -s"],
    ["trap 'rm x' EXIT", "rm x", "trap"],
  ])("%s → %s", (src, expected, via) => {
    const c = inner(src).find((x) => x.argv === expected);
    expect(c, JSON.stringify(inner(src))).toBeDefined();
    expect(c!.via.split(" > ").at(-1)).toBe(via);
  });
  it("nested shells re-parse to any depth under the cap", () => {
    expect(argvs(`sh -c "bash -c 'eval \\"rm -rf /x\\"'"`)).toEqual(["rm -rf /x"]);
  });
  it("code only known at run time leaves the shell unresolved", () => {
    for (const src of ['sh -c "$CMD"', "bash -c \"$(cat x)\"", 'eval "$X"', "eval $(echo rm)"]) {
      const cs = commandsOf(src);
      expect(cs[0]!.unresolved, src).toMatch(/only known at run time/);
    }
  });
  it("a shell running a file or reading an unknown stdin is itself the command", () => {
    expect(argvs("bash build.sh")).toEqual(["bash build.sh"]);
    expect(argvs("cat x | sh")).toEqual(["cat x", "sh"]);
  });
});

describe("commands run once per input", () => {
  it("xargs runs its command with the input appended", () => {
    const cs = commandsOf("find . -name '*.tmp' | xargs rm -f");
    const rm = cs.find((c) => c.name.kind === "literal" && c.name.value === "rm")!;
    expect(rm.via).toEqual(["xargs"]);
    expect(rm.args.at(-1)).toMatchObject({ dynamic: true, features: ["input"] });
  });
  it("xargs -I marks the placeholder and substitutes it inside shell code", () => {
    expect(argvs("xargs -I{} rm {}")).toEqual(["rm <{}>"]);
    expect(argvs("xargs -I % sh -c 'rm %'")).toEqual(['rm <"$INPUT">']);
  });
  it("xargs without a command runs echo", () => {
    expect(argvs("xargs < list")).toEqual(["echo <{xargs input}>"]);
  });
  it("xargs options with values are skipped", () => {
    expect(argvs("xargs -0 -n 1 -P 4 -d '\\n' rm")).toEqual(["rm <{xargs input}>"]);
  });
  it("find keeps itself and every -exec / -execdir / -ok clause", () => {
    expect(argvs("find . -exec rm {} \\; -execdir chmod 600 {} + -ok cat {} \\;")).toEqual([
      "find . -exec rm {} ; -execdir chmod 600 {} + -ok cat {} ;",
      "rm <{}>",
      "chmod 600 <{}>",
      "cat <{}>",
    ]);
  });
  it("find -exec of a shell parses the code", () => {
    expect(argvs("find . -exec sh -c 'rm \"$1\"' _ {} \\;").slice(1)).toEqual(["rm <\"$1\">"]);
  });
  it("fd -x runs a command per result", () => {
    expect(argvs("fd -e tmp -x rm")).toEqual(["fd -e tmp -x rm", "rm <{fd result}>"]);
  });
  it("parallel runs a template, or the inputs themselves", () => {
    expect(argvs("parallel rm -rf ::: a b")).toEqual(['rm -rf <"$INPUT">']);
    expect(argvs("parallel -j 4 gzip {} ::: *.log")).toEqual(['gzip <"$INPUT">']);
    expect(argvs("parallel ::: 'rm -rf /x' 'ls'")).toEqual(["rm -rf /x", "ls"]);
  });
});

describe("program paths and names", () => {
  it("reduces a path to the program name and keeps the path", () => {
    const [c] = commandsOf("./node_modules/.bin/vitest run");
    expect(c!.name).toEqual({ kind: "literal", value: "vitest" });
    expect(c!.program).toBe("./node_modules/.bin/vitest");
  });
  it("a leading backslash is the program itself", () => {
    const [c] = commandsOf("\\rm x");
    expect(c!.name).toEqual({ kind: "literal", value: "rm" });
    expect(c!.nameText).toBe("\\rm");
  });
  it("git global options stay visible", () => {
    expect(argvs("git -C /tmp -c core.pager=cat --no-pager log")).toEqual(["git -C /tmp -c core.pager=cat --no-pager log"]);
  });
});
