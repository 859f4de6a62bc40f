// Heredocs and here-strings: literal bodies are data (stdinText) unless a shell or interpreter reads them, when
// they are code; unquoted bodies run their substitutions; quotes inside a body never swallow later commands.
import { describe, expect, it } from "vitest";
import { analyseShell } from "../../src/shell/analyse.js";
import { argvs, commandsOf, kind } from "./helpers.js";

describe("heredoc bodies", () => {
  it("a quoted delimiter keeps the body literal, apostrophes and all", () => {
    const [c] = commandsOf("cat <<'EOF'\nit's $(not run) `either`\nEOF");
    expect(c!.stdinText).toBe("it's $(not run) `either`\n");
    expect(commandsOf("cat <<'EOF'\nit's $(not run)\nEOF")).toHaveLength(1);
  });
  it("a partly quoted delimiter is quoted too", () => {
    expect(commandsOf("cat <<E'O'F\n$(rm x)\nEOF")).toHaveLength(1);
    expect(commandsOf('cat <<"EOF"\n$(rm x)\nEOF')).toHaveLength(1);
  });
  it("an unquoted body runs its substitutions", () => {
    expect(argvs("cat <<EOF\nhello $(rm -rf /x)\nEOF")).toEqual(["cat", "rm -rf /x"]);
    expect(commandsOf("cat <<EOF\nhello $(id)\nEOF")[0]!.stdinDynamic).toBe(true);
  });
  it("an unquoted body without expansions is literal after backslash removal", () => {
    expect(commandsOf("cat <<EOF\nprice: \\$5\nEOF")[0]!.stdinText).toBe("price: $5\n");
  });
  it("a quote inside a body does not hide a later command (bash-parser's bug)", () => {
    expect(argvs("cat <<EOF\nit's\nEOF\nrm -rf /x")).toEqual(["cat", "rm -rf /x"]);
  });
  it("<<- strips nothing we depend on and keeps the command after it", () => {
    expect(argvs("cat <<-EOF\n\tx\n\tEOF\nls")).toEqual(["cat", "ls"]);
  });
  it("two heredocs on one line feed the last one", () => {
    const [c] = commandsOf("cat <<A <<B\na\nA\nb\nB");
    expect(c!.stdinText).toBe("b\n");
  });
  it("the git commit idiom is data", () => {
    const src = "git commit -m \"$(cat <<'EOF'\nfix: don't break it's parser\n\nCo-Authored-By: x\nEOF\n)\"";
    expect(argvs(src)).toEqual([`git commit -m <${src.slice(14)}>`, "cat"]);
  });
});

describe("heredocs and here-strings fed to a shell are code", () => {
  it("bash <<EOF parses the body", () => {
    expect(argvs("bash <<EOF\ngit reset --hard\ncurl example.org\nEOF")).toEqual(["bash", "git reset --hard", "curl example.org"]);
    expect(commandsOf("bash <<EOF\nrm x\nEOF")[1]!.via).toEqual(["bash stdin"]);
  });
  it("a quoted body too", () => {
    expect(argvs("sh <<'EOF'\nrm -rf /x\nEOF")).toEqual(["sh", "rm -rf /x"]);
  });
  it("here-strings", () => {
    expect(argvs("sh <<<'rm -rf /home/user'")).toEqual(["sh", "rm -rf /home/user"]);
    expect(argvs('bash <<< "curl x"')).toEqual(["bash", "curl x"]);
  });
  it("through wrappers", () => {
    expect(argvs("sudo bash <<EOF\nrm x\nEOF")).toEqual(["bash", "rm x"]);
  });
  it("a dynamic here-string into a shell shows up as a dynamic command", () => {
    expect(argvs('sh <<< "$CMD"')).toEqual(["sh", "$CMD"]);
  });
  it("a broken body is a parse failure, not an allow", () => {
    expect(analyseShell("bash <<EOF\nif then\nEOF").ok).toBe(false);
  });
  it("an interpreter's heredoc stays text (the injection check asks)", () => {
    const cs = commandsOf("python3 - <<'EOF'\nimport os\nEOF");
    expect(cs).toHaveLength(1);
    expect(cs[0]!.stdinText).toBe("import os\n");
  });
});

describe("decisions", () => {
  it.each([
    ["cat > notes.md <<'EOF'\nsome text about git reset --hard\nEOF", "ask"],
    ["bash <<EOF\ncurl example.org\nEOF", "deny"],
    ["bash <<'EOF'\nls\nEOF", "ask"],
    ["sh <<<'wget x'", "deny"],
    ["cat <<'EOF'\nwget is fine to mention\nEOF", "allow"],
    ["python3 <<'EOF'\nprint(1)\nEOF", "ask"],
  ])("%j → %s", (src, expected) => {
    expect(kind(src)).toBe(expected);
  });
});

describe("stdin read as code by name", () => {
  it.each([
    ['. /dev/stdin <<< "curl x"', "curl x"],
    ['source /dev/stdin <<EOF\nrm -rf /x\nEOF', "rm -rf /x"],
    ['bash /dev/fd/0 <<< "wget x"', "wget x"],
    ['echo "rm x" | sh -s -- arg', "rm x"],
  ])("%j runs %s", (src, expected) => {
    expect(argvs(src)).toContain(expected);
  });
  it("asks for stdin code even when it is harmless", () => {
    expect(kind(". /dev/stdin <<< 'ls'")).toBe("ask");
  });
});
