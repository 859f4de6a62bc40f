// Variables whose value names a file a program writes (GIT_TRACE*, GIT_INDEX_FILE): which names, which values.
import { describe, expect, it } from "vitest";
import { assignsFile, fileOfValue, fileVariable } from "../../src/shell/env-files.js";
import { word } from "../paths/fixtures.js";

describe("fileVariable", () => {
  it.each(["GIT_TRACE", "GIT_TRACE2", "GIT_TRACE2_EVENT", "GIT_TRACE2_PERF", "GIT_TRACE_SETUP", "GIT_TRACE_PERFORMANCE", "GIT_TRACE_PACKET", "GIT_TRACE_CURL", "GIT_INDEX_FILE"])(
    "%s names a file", (name) => {
      expect(fileVariable(name)).toBeDefined();
    },
  );
  it.each(["GIT_TRACE2_CONFIG_PARAMS", "GIT_TRACE2_ENV_VARS", "GIT_TRACE_REDACT", "GIT_TRACE_CURL_NO_DATA", "GIT_DIR", "TRACE", "MY_GIT_TRACE"])("%s does not", (name) => {
    expect(fileVariable(name)).toBeUndefined();
  });
});

describe("values", () => {
  const trace = fileVariable("GIT_TRACE")!;
  const index = fileVariable("GIT_INDEX_FILE")!;
  it("git's trace goes to a file only for an absolute path or a unix socket", () => {
    expect(fileOfValue(trace, "/root/x")).toBe("/root/x");
    expect(fileOfValue(trace, "af_unix:stream:/run/s")).toBe("/run/s");
    expect(fileOfValue(trace, "af_unix:/run/s")).toBe("/run/s");
    for (const v of ["", "0", "1", "2", "7", "true", "false", "yes", "off", "trace.log"]) expect(fileOfValue(trace, v), v).toBeUndefined();
  });
  it("any index file is a file", () => {
    expect(fileOfValue(index, ".git/other")).toBe(".git/other");
    expect(fileOfValue(index, "")).toBeUndefined();
  });
  it.each([
    ["GIT_TRACE", "~/x", true],
    ["GIT_TRACE", "$HOME/x", true],
    ["GIT_TRACE", "/tmp/t", true],
    ["GIT_TRACE", "1", false],
    ["GIT_TRACE", "'~/x'", false], // quoted: git gets `~/x`, not absolute, ignored
    ["GIT_TRACE", "rel/x", false],
    ["GIT_INDEX_FILE", "idx", true],
    ["GIT_TRACE2_CONFIG_PARAMS", "core.*", false],
    ["HOME", "/x", false],
  ])("%s=%s writes a file: %s", (name, text, expected) => {
    expect(assignsFile(name, word(text))).toBe(expected);
  });
});
