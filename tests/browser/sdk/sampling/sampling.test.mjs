// Sampling and switches: the project's sample rate and capture switch (remote settings) decide
// per session, deterministically from xxHash32 of the session id; the app can opt a session in
// or out; without remote settings the SDK uses its cached copy, else its local options.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { loginToReel, readAnalyticsEvents, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const pageDirectory = dirname(fileURLToPath(import.meta.url));
const requireFromSdk = createRequire(new URL("../../../../sdk/package.json", import.meta.url));

/** The SDK's own sampling function (sdk/src/xxhash32.ts), compiled for node. */
async function loadSdkSampling() {
  const source = readFileSync(new URL("../../../../sdk/src/xxhash32.ts", import.meta.url), "utf8");
  const { code } = await requireFromSdk("esbuild").transform(source, { loader: "ts", format: "esm" });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

async function startEnvironment(t, projectSettings) {
  const server = await startReelServer();
  t.after(() => server.stop());
  const api = await loginToReel(server);
  if (projectSettings !== undefined) {
    const answer = await api.patch("/api/v1/projects/1", { settings: projectSettings });
    assert.equal(answer.status, 200, answer.text);
  }
  const site = await startStaticSite(pageDirectory, { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  return { server, api, site, browser };
}

/** Opens the page in `context`; returns the page, its ids, whether it records, and the ingest requests it makes. */
async function openPage(context, url) {
  const page = await context.newPage();
  const ingestRequests = [];
  page.on("request", (request) => request.url().includes("/api/v1/ingest") && ingestRequests.push(request.url()));
  await page.goto(url);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() !== null);
  return { page, ids, ingestRequests, isRecording: () => page.evaluate(() => window.Reel.isRecording()) };
}

function replayIdsOf(events, type) {
  return events.filter((event) => event.event_type === type).map((event) => event.event_properties["[Amplitude] Session Replay ID"] ?? null);
}

test("a session outside the sample is not recorded until the app opts it in", { timeout: 90_000 }, async (t) => {
  const { server, api, site, browser } = await startEnvironment(t, { replay_sample_rate: 0 });
  const visit = await openPage(browser.context, `${site.baseUrl}/page.html`);
  assert.equal(await visit.isRecording(), false);
  await visit.page.click("#press-me");
  await sleep(1_200);
  assert.deepEqual(visit.ingestRequests, [], "nothing is uploaded for a session outside the sample");
  await visit.page.evaluate(() => window.Reel.optIn());
  assert.equal(await visit.isRecording(), true);
  await visit.page.click("#press-me");
  await visit.page.evaluate(() => window.Reel.flush());
  assert.ok(visit.ingestRequests.length > 0, "opting in starts the upload");
  const session = await waitForStoredSession(api, visit.ids.deviceId, visit.ids.sessionId);
  const analytics = await waitFor("two clicks", async () => {
    const answer = await readAnalyticsEvents(api, session.id);
    return answer.events.filter((event) => event.event_type === "[Amplitude] Element Clicked").length >= 2 ? answer : null;
  });
  const replayId = `${visit.ids.deviceId}/${visit.ids.sessionId}`;
  assert.deepEqual(replayIdsOf(analytics.events, "[Amplitude] Element Clicked"), [null, replayId]);

  // the opt-in holds for the rest of the session, on the next page too
  const nextPage = await openPage(browser.context, `${site.baseUrl}/page.html`);
  assert.equal(nextPage.ids.sessionId, visit.ids.sessionId);
  assert.equal(await nextPage.isRecording(), true);
  await nextPage.page.evaluate(() => window.Reel.optOut());
  assert.equal(await nextPage.isRecording(), false);
  assert.ok(server.baseUrl);
});

test("capture switched off in the project is never recorded, not even when the app opts in", { timeout: 90_000 }, async (t) => {
  const { api, site, browser } = await startEnvironment(t, { replay_capture_enabled: false });
  const visit = await openPage(browser.context, `${site.baseUrl}/page.html?sampleRate=1`);
  assert.equal(await visit.isRecording(), false);
  await visit.page.evaluate(() => window.Reel.optIn());
  assert.equal(await visit.isRecording(), false);
  await visit.page.click("#press-me");
  await visit.page.evaluate(() => window.Reel.flush());
  await sleep(800);
  assert.deepEqual(visit.ingestRequests, []);
  const { sessions } = (await api.get("/api/v1/sessions?limit=10")).json();
  assert.ok(!sessions.some((session) => session.device_id === visit.ids.deviceId && session.event_count > 0), "no recording was stored");
});

test("without an answer from the project settings the SDK uses its cache, else its local options", { timeout: 90_000 }, async (t) => {
  const { site, browser } = await startEnvironment(t, { replay_capture_enabled: false });
  const blockSettings = (route) => route.abort("connectionrefused");

  // no cache yet: the local options decide
  const localOff = await browser.context.newPage();
  await localOff.route("**/config/**", blockSettings);
  await localOff.goto(`${site.baseUrl}/page.html?sampleRate=0`);
  await localOff.waitForFunction(() => window.Reel && window.Reel.isRecording() !== null);
  assert.equal(await localOff.evaluate(() => window.Reel.isRecording()), false);
  await localOff.evaluate(() => localStorage.removeItem("reel.session")); // the next load starts a new session

  const localOn = await browser.context.newPage();
  await localOn.route("**/config/**", blockSettings);
  await localOn.goto(`${site.baseUrl}/page.html?sampleRate=1`);
  await localOn.waitForFunction(() => window.Reel && window.Reel.isRecording() !== null);
  assert.equal(await localOn.evaluate(() => window.Reel.isRecording()), true, "local options: record");
  await localOn.evaluate(() => localStorage.removeItem("reel.session"));

  // the project says "off": remembered for later pages whose settings request fails
  const remote = await openPage(browser.context, `${site.baseUrl}/page.html?sampleRate=1`);
  assert.equal(await remote.isRecording(), false);
  await remote.page.evaluate(() => localStorage.removeItem("reel.session"));
  const cached = await browser.context.newPage();
  await cached.route("**/config/**", blockSettings);
  await cached.goto(`${site.baseUrl}/page.html?sampleRate=1`);
  await cached.waitForFunction(() => window.Reel && window.Reel.isRecording() !== null);
  assert.equal(await cached.evaluate(() => window.Reel.isRecording()), false, "the cached project settings still say off");
});

test("the sample decision follows xxHash32 of the session id and holds on every page of the session", { timeout: 120_000 }, async (t) => {
  const { isSessionInSample } = await loadSdkSampling();
  const { site, browser } = await startEnvironment(t, { replay_sample_rate: 0.5 });
  const decisions = [];
  for (let visitIndex = 0; visitIndex < 8; visitIndex += 1) {
    const visit = await openPage(browser.context, `${site.baseUrl}/page.html`);
    const recording = await visit.isRecording();
    assert.equal(recording, isSessionInSample(visit.ids.sessionId, 0.5), `session ${visit.ids.sessionId}`);
    decisions.push(recording);
    const reloaded = await openPage(browser.context, `${site.baseUrl}/page.html`);
    assert.equal(reloaded.ids.sessionId, visit.ids.sessionId);
    assert.equal(await reloaded.isRecording(), recording, "the same session decides the same way on every page");
    await reloaded.page.evaluate(() => localStorage.removeItem("reel.session")); // the next visit starts a new session
    await visit.page.close();
    await reloaded.page.close();
  }
  assert.equal(decisions.length, 8);
});
