// Keyframes: while a page stays open, the SDK takes a fresh full snapshot (rrweb Meta +
// FullSnapshot) every 5 minutes, the server lists it in `keyframes_ms`, and a seek past it starts
// there instead of at the first snapshot. The page's clock is Playwright's fake clock, moved on
// 5 min 10 s without waiting.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { loginToReel, readRecording, readSdkIds, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const pageDirectory = dirname(fileURLToPath(import.meta.url));
const KEYFRAME_INTERVAL_MS = 5 * 60 * 1_000;
const META = 4;
const FULL_SNAPSHOT = 2;

test("a page left open takes a new keyframe every 5 minutes, and seeking starts at it", { timeout: 120_000 }, async (t) => {
  // Only the page's clock jumps 5 minutes: the server must keep its timestamps rather than
  // correct them as a skewed device clock.
  const server = await startReelServer({ environment: { REEL_INGEST__CLOCK_SKEW_THRESHOLD_MS: String(60 * 60 * 1_000) } });
  t.after(() => server.stop());
  const site = await startStaticSite(pageDirectory, { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const api = await loginToReel(server);
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.clock.install(); // fake timers and Date from the first script on; time still flows
  await page.goto(`${site.baseUrl}/page.html`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  await page.click("#change");
  await page.evaluate(() => window.Reel.flush());
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  await waitFor("change 1 in the recording", async () => (await readRecording(api, session.id)).text.includes("change 1"));

  await page.clock.fastForward("05:10");
  await page.click("#change"); // rrweb checks the interval when it emits the mutation
  await page.evaluate(() => window.Reel.flush());
  const recording = await waitFor("change 2 in the recording", async () => {
    const answer = await readRecording(api, session.id);
    return answer.text.includes("change 2") ? answer : null;
  }, 20_000);
  assert.deepEqual(await readSdkIds(page), ids, "still the same session");

  const snapshots = recording.events.filter((event) => event.type === FULL_SNAPSHOT).sort((a, b) => a.timestamp - b.timestamp);
  assert.equal(snapshots.length, 2, `full snapshots at ${JSON.stringify(snapshots.map((event) => event.timestamp))}`);
  const [first, second] = snapshots;
  assert.ok(second.timestamp - first.timestamp >= KEYFRAME_INTERVAL_MS, `snapshots ${second.timestamp - first.timestamp} ms apart`);
  assert.ok(JSON.stringify(second.data).includes("change 1"), "the second snapshot holds the page as it is then");
  const metaBefore = (snapshot) => recording.events.filter((event) => event.type === META && event.timestamp <= snapshot.timestamp).at(-1);
  const keyframeStarts = [metaBefore(first).timestamp, metaBefore(second).timestamp];

  const details = (await api.get(`/api/v1/sessions/${session.id}`)).json();
  assert.deepEqual(details.keyframes_ms, keyframeStarts, "the server lists both keyframes, from their Meta events");
  assert.deepEqual(details.gaps, []);

  const seek = (await api.get(`/api/v1/sessions/${session.id}/recording?at_ms=${second.timestamp + 1_000}&window_ms=5000`)).json();
  assert.equal(seek.keyframe_ms, keyframeStarts[1], "the seek starts at the second keyframe");
  assert.equal(seek.keyframe_built_by_server, false, "the keyframe is the SDK's, not one the server built");
  assert.ok(seek.events.every((event) => event.timestamp >= keyframeStarts[1]), "nothing from before the second keyframe");
  // (the event that made rrweb check the interval has the Meta's timestamp, and may come first)
  const keyframeEvents = seek.events.filter((event) => event.type === META || event.type === FULL_SNAPSHOT);
  assert.deepEqual(keyframeEvents.map((event) => [event.type, event.timestamp]), [[META, keyframeStarts[1]], [FULL_SNAPSHOT, second.timestamp]]);
  assert.ok(JSON.stringify(seek.events).includes("change 2"), "and the seek window reaches the change after it");
  assert.deepEqual(pageErrors, []);
});
