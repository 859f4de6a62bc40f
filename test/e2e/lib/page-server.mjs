// An HTTPS page server on 127.0.0.1 for WebFetch scenarios. Claude Code upgrades http to https, so the page is served
// with the self-signed certificate in ./fixtures, which the CLI trusts via NODE_EXTRA_CA_CERTS (see `caFile`).
// It counts every request, so a test or the demo can tell whether a fetch actually left Claude Code.
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
export const CA_FILE = path.join(FIXTURES, "localhost-cert.pem");

/**
 * @param {{ html: string, files?: Record<string, { type: string, body: string }> }} opts  `files` maps a URL path
 *   (e.g. "/install.sh") to a response; every other path gets `html`.
 */
export async function startPageServer(opts) {
  /** @type {{ method: string, url: string }[]} */
  const hits = [];
  const server = https.createServer(
    { key: fs.readFileSync(path.join(FIXTURES, "localhost-key.pem")), cert: fs.readFileSync(CA_FILE) },
    (req, res) => {
      hits.push({ method: req.method ?? "GET", url: req.url ?? "/" });
      const file = opts.files?.[(req.url ?? "/").split("?")[0] ?? "/"];
      res.writeHead(200, { "content-type": file?.type ?? "text/html; charset=utf-8" });
      res.end(file?.body ?? opts.html);
    },
  );
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `https://127.0.0.1:${port}`,
    caFile: CA_FILE,
    hits,
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      });
    },
  };
}
