// Runtime errors: window `error` and `unhandledrejection` become `reel.error` recording events and
// `[Reel] Runtime Error` analytics events with message, stack, file, line and column.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { customEventsTagged, loginToReel, readAnalyticsEvents, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

test("errors and unhandled rejections reach the recording and the analytics events", { timeout: 90_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const site = await startStaticSite(dirname(fileURLToPath(import.meta.url)), { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${site.baseUrl}/page.html`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  for (const button of ["#throw-error", "#reject-with-error", "#reject-with-object"]) {
    await page.click(button);
    await sleep(100);
  }
  await page.evaluate(() => window.Reel.flush());
  assert.equal(pageErrors.length, 3, "the page still sees its errors");

  const api = await loginToReel(server);
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const analytics = await waitFor("the error events", async () => {
    const answer = await readAnalyticsEvents(api, session.id);
    return answer.events.filter((event) => event.event_type === "[Reel] Runtime Error").length >= 3 ? answer : null;
  });
  const [thrown, rejected, rejectedObject] = analytics.events.filter((event) => event.event_type === "[Reel] Runtime Error").map((event) => event.event_properties);
  assert.equal(thrown.Kind, "error");
  assert.match(thrown.Message, /TypeError: Cannot read properties of undefined/);
  assert.match(thrown.Stack, /at lookUpOrder \(.*page\.html:\d+:\d+\)/);
  assert.equal(thrown.Filename, `${site.baseUrl}/page.html`);
  assert.ok(thrown["Line Number"] > 0 && thrown["Column Number"] > 0, JSON.stringify(thrown));
  assert.equal(rejected.Kind, "unhandledrejection");
  assert.equal(rejected.Message, "Unhandled promise rejection: quantity out of range");
  assert.match(rejected.Stack, /^RangeError: quantity out of range\n\s+at /);
  assert.equal(rejectedObject.Message, 'Unhandled promise rejection: {"reason":"payment declined","code":402}');
  assert.equal(rejectedObject.Stack, null);
  assert.equal(analytics.events.find((event) => event.event_type === "[Reel] Runtime Error").event_properties["[Amplitude] Session Replay ID"], `${ids.deviceId}/${ids.sessionId}`);

  const recording = await waitFor("the reel.error events", async () => {
    const answer = await readRecording(api, session.id);
    return customEventsTagged(answer.events, "reel.error").length >= 3 ? answer : null;
  });
  const recorded = customEventsTagged(recording.events, "reel.error").map((event) => event.data.payload);
  assert.deepEqual(recorded.map((payload) => payload.kind), ["error", "unhandledrejection", "unhandledrejection"]);
  assert.equal(recorded[0].message, thrown.Message);
  assert.equal(recorded[0].lineno, thrown["Line Number"]);
  assert.equal(recorded[0].colno, thrown["Column Number"]);
  assert.equal(recorded[0].filename, thrown.Filename);
  const stored = await waitFor("the error count", async () => {
    const { session: current } = (await api.get(`/api/v1/sessions/${session.id}`)).json();
    return current.error_count >= 3 ? current : null;
  });
  assert.equal(stored.error_count, 3);
});
