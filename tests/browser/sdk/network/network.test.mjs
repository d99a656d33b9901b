// Network capture: failed fetch and XMLHttpRequest calls (status >= 400, network error, abort,
// timeout) become `fetch-request` recording events and `[Amplitude] Network Request` analytics
// events; URLs lose their query, no headers or bodies unless allowlisted, and the SDK's own
// requests to the Reel server are never reported.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { customEventsTagged, loginToReel, readAnalyticsEvents, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const pageDirectory = dirname(fileURLToPath(import.meta.url));

async function runRequests(t, query) {
  const server = await startReelServer();
  t.after(() => server.stop());
  const site = await startStaticSite(pageDirectory, { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(`${site.baseUrl}/page.html${query}`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  await page.click("#run-requests");
  await page.locator("#done", { hasText: "done" }).waitFor({ timeout: 15_000 });
  await sleep(200);
  await page.evaluate(() => window.Reel.flush());
  const api = await loginToReel(server);
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const analytics = await waitFor("the network events", async () => {
    const answer = await readAnalyticsEvents(api, session.id);
    return answer.events.filter((event) => event.event_type === "[Amplitude] Network Request").length >= 8 ? answer : null;
  });
  const recording = await waitFor("the fetch-request events", async () => {
    const answer = await readRecording(api, session.id);
    return customEventsTagged(answer.events, "fetch-request").length >= 8 ? answer : null;
  });
  return {
    site,
    server,
    analytics,
    recording,
    networkEvents: analytics.events.filter((event) => event.event_type === "[Amplitude] Network Request").map((event) => event.event_properties),
    recorded: customEventsTagged(recording.events, "fetch-request").map((event) => event.data.payload),
  };
}

test("failed requests are reported without query, headers or bodies, and never the SDK's own", { timeout: 90_000 }, async (t) => {
  const { site, server, analytics, recording, networkEvents, recorded } = await runRequests(t, "");
  const summary = networkEvents.map((properties) => [
    properties["[Amplitude] Request Type"],
    properties["[Amplitude] Request Method"],
    properties["[Amplitude] URL"].replace(site.baseUrl, ""),
    properties["[Amplitude] Status Code"],
    properties["[Reel] Failure"] ?? null,
  ]);
  assert.deepEqual(summary, [
    ["fetch", "GET", "/api/status/404", 404, null],
    ["fetch", "POST", "/api/status/500", 500, null],
    ["fetch", "GET", "/api/closed", 0, "network_error"],
    ["fetch", "GET", "/api/slow", 0, "abort"],
    ["fetch", "GET", "/api/slow", 0, "timeout"],
    ["xhr", "GET", "/api/status/404", 404, null],
    ["xhr", "GET", "/api/slow", 0, "abort"],
    ["xhr", "PUT", "/api/slow", 0, "timeout"],
  ]);
  for (const properties of networkEvents) {
    assert.equal(typeof properties["[Amplitude] Start Time"], "number");
    assert.equal(properties["[Amplitude] Duration"], properties["[Amplitude] Completion Time"] - properties["[Amplitude] Start Time"]);
    assert.ok(properties["[Amplitude] Duration"] >= 0);
    for (const name of ["URL Query", "Request Headers", "Response Headers", "Request Body", "Response Body"]) {
      assert.equal(properties[`[Amplitude] ${name}`], undefined, name);
    }
  }
  assert.equal(networkEvents[1]["[Amplitude] Request Body Size"], JSON.stringify({ order: "request-body-456" }).length);
  assert.deepEqual(
    recorded.map((payload) => [payload.type, payload.method, payload.url.replace(site.baseUrl, ""), payload.status]),
    summary.map(([type, method, url, status]) => [type === "xhr" ? "xmlhttprequest" : "fetch", method, url, status]),
  );
  for (const payload of recorded) {
    assert.equal(typeof payload.timestamp, "number");
    assert.equal(typeof payload.duration, "number");
    assert.equal(payload.requestHeaders, undefined);
  }
  const everything = analytics.text + recording.text;
  for (const secret of ["query-secret-123", "request-body-456", "body-secret-123", "sent-by-fetch", "sent-by-xhr"]) {
    assert.ok(!everything.includes(secret), `"${secret}" reached the server`);
  }
  assert.ok(!everything.includes(`${server.baseUrl}/`), "the SDK reported one of its own requests");
  // every request the page started is a reaction hint, the SDK's own are not
  const started = customEventsTagged(recording.events, "reel.request_started").map((event) => event.data.payload.method);
  assert.deepEqual(started, ["GET", "POST", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "PUT"]);
  assert.ok(site.requests.some((request) => request.url === "/api/status/200"), "the page's successful request ran (and is not reported)");
});

test("allowlisted headers, bodies and queries are reported when the app opts in", { timeout: 90_000 }, async (t) => {
  const { site, networkEvents, recorded } = await runRequests(t, "?allowlists=1");
  const notFound = networkEvents[0];
  assert.equal(notFound["[Amplitude] URL"], `${site.baseUrl}/api/status/404`);
  assert.equal(notFound["[Amplitude] URL Query"], "token=query-secret-123");
  assert.equal(notFound["[Amplitude] URL Fragment"], "frag");
  assert.deepEqual(JSON.parse(notFound["[Amplitude] Response Headers"]), { "x-test-header": "visible" });
  assert.match(notFound["[Amplitude] Response Body"], /body-secret-123/);
  const failedPost = networkEvents[1];
  assert.deepEqual(JSON.parse(failedPost["[Amplitude] Request Headers"]), { "x-test-header": "sent-by-fetch" });
  assert.equal(failedPost["[Amplitude] Request Body"], JSON.stringify({ order: "request-body-456" }));
  assert.deepEqual(JSON.parse(networkEvents[5]["[Amplitude] Request Headers"]), { "x-test-header": "sent-by-xhr" });
  assert.equal(recorded[0].url, `${site.baseUrl}/api/status/404?token=query-secret-123`);
  assert.deepEqual(recorded[0].responseHeaders, { "x-test-header": "visible" });
});
