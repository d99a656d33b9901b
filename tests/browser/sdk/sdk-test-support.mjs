// Shared by the SDK feature suites (tests/browser/sdk/<feature>/): a tiny static site on its own
// loopback port (so the page and the reel server are different origins, as on a customer's site),
// logging in to reel's read API, and reading back what the server stored.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const CONTENT_TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".cjs": "text/javascript; charset=utf-8", ".css": "text/css", ".json": "application/json" };
export const sleep = (durationMs) => new Promise((resolveSleep) => setTimeout(resolveSleep, durationMs));

/**
 * Serves `directory` on 127.0.0.1 (another origin than reel). In `.html` files, `{{REEL_SERVER_URL}}`
 * and `{{REEL_API_KEY}}` are replaced. Test endpoints on the site's own origin:
 *   /api/status/<code>   answers that status (JSON body)
 *   /api/slow?ms=<n>     answers 200 after n ms
 *   /api/closed          destroys the connection (a network error)
 * Every request is remembered in `requests` (method and URL). `extraFiles` maps more paths to files
 * (e.g. `/vendor/rrweb.js` to rrweb's browser build, for replaying in a test page).
 */
export async function startStaticSite(directory, { serverUrl, apiKey, extraFiles = {} }) {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method, url: request.url });
    const url = new URL(request.url, "http://127.0.0.1");
    const status = url.pathname.match(/^\/api\/status\/(\d{3})$/);
    if (status) {
      response.writeHead(Number(status[1]), { "Content-Type": "application/json", "X-Test-Header": "visible" });
      response.end(JSON.stringify({ answer: `status ${status[1]}`, secret_in_body: "body-secret-123" }));
      return;
    }
    if (url.pathname === "/api/slow") {
      setTimeout(() => {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end("{}");
      }, Number(url.searchParams.get("ms") ?? 1_000));
      return;
    }
    if (url.pathname === "/api/closed") {
      request.socket.destroy();
      return;
    }
    const relativePath = normalize(url.pathname === "/" ? "/index.html" : url.pathname).replace(/^(\.\.[/\\])+/, "");
    try {
      let body = readFileSync(extraFiles[url.pathname] ?? join(directory, relativePath));
      if (extname(relativePath) === ".html") {
        body = body.toString("utf8").replaceAll("{{REEL_SERVER_URL}}", serverUrl).replaceAll("{{REEL_API_KEY}}", apiKey);
      }
      const contentType = CONTENT_TYPES[extname(extraFiles[url.pathname] ?? relativePath)] ?? "application/octet-stream";
      response.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" });
      response.end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  return {
    baseUrl,
    requests,
    stop: () => new Promise((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    }),
  };
}

/** Logs in to reel's read API; returns a `get(path)` that answers `{status, text, json()}`. */
export async function loginToReel(server) {
  const answer = await fetch(`${server.baseUrl}/api/v1/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  if (answer.status !== 200) {
    throw new Error(`login failed: ${answer.status} ${await answer.text()}`);
  }
  const cookie = answer.headers.get("set-cookie").split(";")[0];
  const request = async (method, path, body) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { Cookie: cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  };
  return { get: (path) => request("GET", path), patch: (path, body) => request("PATCH", path, body) };
}

/** Polls `read` until it returns something truthy. */
export async function waitFor(description, read, timeoutMs = 10_000) {
  const deadlineMs = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadlineMs) {
    last = await read();
    if (last) {
      return last;
    }
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
}

/** The stored session of (deviceId, sessionId), once the server lists it. */
export async function waitForStoredSession(api, deviceId, sessionId, timeoutMs = 10_000) {
  return waitFor(`session ${deviceId}/${sessionId}`, async () => {
    const { sessions } = (await api.get("/api/v1/sessions?limit=100")).json();
    return sessions.find((session) => session.device_id === deviceId && session.session_id === sessionId);
  }, timeoutMs);
}

/** The recording of a stored session: its raw text (for byte searches) and its events. */
export async function readRecording(api, storedSessionId) {
  const answer = await api.get(`/api/v1/sessions/${encodeURIComponent(storedSessionId)}/recording`);
  if (answer.status !== 200) {
    throw new Error(`recording: ${answer.status} ${answer.text}`);
  }
  return { text: answer.text, events: answer.json().events };
}

/** The analytics events of a stored session (docs/analytics-api.md): raw text and events. */
export async function readAnalyticsEvents(api, storedSessionId) {
  const answer = await api.get(`/api/v1/sessions/${encodeURIComponent(storedSessionId)}/events`);
  if (answer.status !== 200) {
    throw new Error(`analytics events: ${answer.status} ${answer.text}`);
  }
  return { text: answer.text, events: answer.json().events };
}

/** Reads the reel ids of the page's SDK. */
export async function readSdkIds(page) {
  await page.waitForFunction(() => window.Reel && window.Reel.getSessionId() !== null);
  return page.evaluate(() => ({ deviceId: window.Reel.getDeviceId(), sessionId: window.Reel.getSessionId() }));
}

/** Custom events of a recording with `tag`. */
export function customEventsTagged(events, tag) {
  return events.filter((event) => event.type === 5 && event.data.tag === tag);
}
