// A small loopback web server standing in for a customer's site: serves files from a folder
// (and generated responses from `routes`) on its own free port, so the site and the reel server
// are different origins, as they are for real customers.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * @typedef {{status?: number, contentType?: string, body: string | Buffer, headers?: Record<string, string>}} StaticAnswer
 * @param {{root?: string, routes?: Record<string, (request: import("node:http").IncomingMessage) => StaticAnswer | Promise<StaticAnswer>>,
 *   spaFallback?: string | ((path: string) => string | undefined), htmlTransform?: (html: string) => string}} options
 *   `routes` answer exact paths (without the query); `spaFallback` is the file served for unknown
 *   paths without an extension (client-side routes of a single-page app; a function picks it by path); `htmlTransform`
 *   rewrites every HTML file served from `root` (e.g. to fill in the reel server's address).
 * @returns {Promise<{baseUrl: string, requests: {method: string, path: string, status: number}[], stop: () => Promise<void>}>}
 */
export async function startStaticServer({ root, routes = {}, spaFallback, htmlTransform } = {}) {
  const requests = [];
  const fileAnswer = (filePath) => {
    const isHtml = extname(filePath) === ".html";
    return {
      status: 200,
      contentType: CONTENT_TYPES[extname(filePath)] ?? "application/octet-stream",
      body: isHtml && htmlTransform ? htmlTransform(readFileSync(filePath, "utf8")) : readFileSync(filePath),
    };
  };
  const answerFor = async (request) => {
    const path = decodeURIComponent(new URL(request.url, "http://site").pathname);
    if (Object.hasOwn(routes, path)) {
      return routes[path](request);
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      return { status: 405, contentType: "text/plain", body: "method not allowed" };
    }
    if (root !== undefined) {
      const relative = normalize(path === "/" || path.endsWith("/") ? `${path}index.html` : path).replace(/^[/\\]+/, "");
      const filePath = join(root, relative);
      const insideRoot = !relative.startsWith("..") && (filePath + sep).startsWith(root.endsWith(sep) ? root : root + sep);
      if (insideRoot && existsSync(filePath) && statSync(filePath).isFile()) {
        return fileAnswer(filePath);
      }
      const fallback = typeof spaFallback === "function" ? spaFallback(path) : spaFallback;
      if (fallback !== undefined && extname(path) === "") {
        return fileAnswer(join(root, fallback));
      }
    }
    return { status: 404, contentType: "text/plain", body: "not found" };
  };
  const server = createServer(async (request, response) => {
    let answer;
    try {
      answer = await answerFor(request);
    } catch (error) {
      answer = { status: 500, contentType: "text/plain", body: String(error?.stack ?? error) };
    }
    const status = answer.status ?? 200;
    requests.push({ method: request.method, path: request.url, status });
    response.writeHead(status, {
      "content-type": answer.contentType ?? "text/plain",
      "cache-control": "no-store",
      ...answer.headers,
    });
    response.end(request.method === "HEAD" ? undefined : answer.body);
  });
  await new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolveListen);
  });
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
