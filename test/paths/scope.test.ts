// Write scope membership, the system /tmp, and sink devices.
import { describe, expect, it } from "vitest";
import { describeScope, inWriteScope, isSinkDevice } from "../../src/paths/scope.js";
import type { AbsolutePath } from "../../src/types.js";

const scope = (dirs: string[], tmpDir = "/var/tmp-x") => ({ writeScope: dirs as AbsolutePath[], tmpDir: tmpDir as AbsolutePath });

describe("inWriteScope", () => {
  it.each([
    ["/repo", true], ["/repo/a/b", true], ["/repo-sibling", false], ["/repo-sibling/x", false], ["/re", false], ["/", false],
    ["/extra/x", true], ["/extra2/x", false], ["/var/tmp-x/f", true],
  ])("%s → %s", (p, inside) => {
    expect(inWriteScope(p, scope(["/repo", "/extra", "/var/tmp-x"])) !== undefined).toBe(inside);
  });

  it("counts /tmp as the system temp dir while the temp dir is in the scope", () => {
    expect(inWriteScope("/tmp/x", scope(["/repo", "/var/tmp-x"]))).toBeDefined();
    expect(inWriteScope("/tmp/x", scope(["/repo"]))).toBeUndefined(); // policy turned the temp dir off
    expect(inWriteScope("/tmpfoo/x", scope(["/repo", "/var/tmp-x"]))).toBeUndefined();
  });

  it("names the scope in reasons", () => {
    expect(describeScope({ writeScope: ["/repo", "/t"] as AbsolutePath[], projectRoot: "/repo" as AbsolutePath })).toBe("the project (/repo) and /t");
  });
});

describe("isSinkDevice", () => {
  it.each([["/dev/null", true], ["/dev/stderr", true], ["/dev/fd/3", true], ["/proc/self/fd/1", true], ["/dev/sda", false], ["/dev/tcp/x/80", false], ["/dev/nullx", false]])(
    "%s → %s", (p, sink) => {
      expect(isSinkDevice(p)).toBe(sink);
    },
  );
});
