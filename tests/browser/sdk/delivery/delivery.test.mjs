// Delivery: unsent replay batches and analytics events survive a reload while the server is
// unreachable and arrive once afterwards; what is buffered at pagehide still arrives; batches are
// gzipped in a Web Worker, or on the main thread when the page's CSP forbids workers; every batch
// carries an accurate sent_at_ms.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { loginToReel, readAnalyticsEvents, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const pageDirectory = dirname(fileURLToPath(import.meta.url));

async function startEnvironment(t) {
  const server = await startReelServer();
  t.after(() => server.stop());
  const site = await startStaticSite(pageDirectory, { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  return { server, site, browser, api: await loginToReel(server) };
}

test("nothing is lost when the page reloads while the server is unreachable", { timeout: 120_000 }, async (t) => {
  const { server, site, browser, api } = await startEnvironment(t);
  const page = await browser.context.newPage();
  const unreachable = (route) => route.abort("connectionrefused");
  await browser.context.route(`${server.baseUrl}/api/v1/ingest**`, unreachable);
  await browser.context.route(`${server.baseUrl}/2/httpapi`, unreachable);
  await page.goto(`${site.baseUrl}/page.html?load=1`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  await page.click("#mark");
  await sleep(1_500); // a few failed tries
  await page.goto(`${site.baseUrl}/page.html?load=2`); // pagehide: the unload path fails too
  await page.click("#mark");
  await sleep(1_000);
  await browser.context.unroute(`${server.baseUrl}/api/v1/ingest**`, unreachable);
  await browser.context.unroute(`${server.baseUrl}/2/httpapi`, unreachable);
  await page.goto(`${site.baseUrl}/page.html?load=3`); // sends what the first two loads left behind
  await page.click("#mark");
  await sleep(500);
  await page.evaluate(() => window.Reel.flush());

  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const recording = await waitFor("all three loads in the recording", async () => {
    const answer = await readRecording(api, session.id);
    return ["marked load 1", "marked load 2", "marked load 3"].every((marker) => answer.text.includes(marker)) ? answer : null;
  }, 20_000);
  const metaEvents = recording.events.filter((event) => event.type === 4).map((event) => event.data.href);
  assert.deepEqual(metaEvents.map((href) => new URL(href).searchParams.get("load")), ["1", "2", "3"]);
  const details = (await api.get(`/api/v1/sessions/${session.id}`)).json();
  assert.deepEqual(details.gaps, [], `no missing batches: ${JSON.stringify(details.gaps)}`);

  const analytics = await waitFor("the clicks of all three loads", async () => {
    const answer = await readAnalyticsEvents(api, session.id);
    return answer.events.filter((event) => event.event_type === "[Amplitude] Element Clicked").length >= 3 ? answer : null;
  }, 20_000);
  const clicks = analytics.events.filter((event) => event.event_type === "[Amplitude] Element Clicked");
  assert.deepEqual(clicks.map((event) => new URL(event.event_properties["[Amplitude] Page Location"]).searchParams.get("load")), ["1", "2", "3"], "each click stored once");
  const pageViews = analytics.events.filter((event) => event.event_type === "[Amplitude] Page Viewed");
  assert.equal(pageViews.length, 3);
});

test("what is buffered when the page goes away still arrives", { timeout: 90_000 }, async (t) => {
  const { site, browser, api } = await startEnvironment(t);
  const page = await browser.context.newPage();
  await page.goto(`${site.baseUrl}/page.html?load=leaving`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  await page.click("#mark");
  await page.goto("about:blank"); // right away: no flush timer has run since the click
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  await waitFor("the click in the recording", async () => (await readRecording(api, session.id)).text.includes("marked load leaving"));
  await waitFor("the click event", async () => (await readAnalyticsEvents(api, session.id)).events.some((event) => event.event_type === "[Amplitude] Element Clicked"));
});

for (const variant of [
  { name: "in a Web Worker", file: "page.html", expectWorker: true },
  { name: "on the main thread when the page forbids workers", file: "page-without-workers.html", expectWorker: false },
]) {
  test(`batches are gzipped ${variant.name}, with an accurate sent_at_ms`, { timeout: 90_000 }, async (t) => {
    const { server, site, browser, api } = await startEnvironment(t);
    const page = await browser.context.newPage();
    const workers = [];
    const pageErrors = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const batches = [];
    page.on("request", (request) => {
      if (request.url().startsWith(`${server.baseUrl}/api/v1/ingest`)) {
        const body = request.postDataBuffer();
        const gzipped = request.headers()["content-encoding"] === "gzip";
        batches.push({ gzipped, receivedAtMs: Date.now(), payload: JSON.parse((gzipped ? gunzipSync(body) : body).toString("utf8")) });
      }
    });
    await page.goto(`${site.baseUrl}/page.html`.replace("page.html", variant.file));
    const ids = await readSdkIds(page);
    await page.waitForFunction(() => window.Reel.isRecording() === true);
    await page.click("#mark");
    await page.evaluate(() => window.Reel.flush());
    await waitFor("a first batch", async () => batches.length >= 1);
    await page.click("#mark");
    await page.evaluate(() => window.Reel.flush());
    await waitFor("a second batch", async () => batches.length >= 2);
    assert.ok(batches.every((batch) => batch.gzipped), "every normal batch is gzipped");
    for (const batch of batches) {
      assert.ok(Math.abs(batch.receivedAtMs - batch.payload.sent_at_ms) < 1_000, `sent_at_ms ${batch.payload.sent_at_ms} vs ${batch.receivedAtMs}`);
    }
    assert.equal(workers.some((url) => url.startsWith("blob:")), variant.expectWorker, `workers: ${JSON.stringify(workers)}`);
    assert.deepEqual(pageErrors, []);
    await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  });
}
