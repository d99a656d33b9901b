// Console capture: log / info / warn / error calls are written into the recording as
// `rrweb/console@1` plugin events, arguments serialized with size caps, errors with their stack;
// levels and the on/off switch come from the project's settings and apply to new sessions.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { loginToReel, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const pageDirectory = dirname(fileURLToPath(import.meta.url));

/** Visits the page in a fresh browser, clicks "Log everything", returns the recorded console payloads. */
async function recordConsole(t, projectSettings) {
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
  const page = await browser.context.newPage();
  await page.goto(`${site.baseUrl}/page.html`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  await page.click("#log-everything");
  await page.evaluate(() => console.log("last line"));
  await sleep(200);
  await page.evaluate(() => window.Reel.flush());
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const recording = await waitFor("the recording", async () => {
    const answer = await readRecording(api, session.id);
    return answer.events.some((event) => event.type === 3 && event.data.source === 2) ? answer : null;
  });
  return recording.events.filter((event) => event.type === 6 && event.data.plugin === "rrweb/console@1").map((event) => event.data.payload);
}

test("console calls are recorded as rrweb/console@1 events, bounded, errors with their stack", { timeout: 90_000 }, async (t) => {
  const entries = await recordConsole(t);
  const levels = entries.map((entry) => entry.level);
  assert.deepEqual(levels, ["log", "log", "info", "warn", "error", "log", "log", "log", "log", "log", "log"], JSON.stringify(levels));
  for (const entry of entries) {
    assert.ok(entry.payload.every((argument) => typeof argument === "string"), "arguments are JSON strings");
    entry.payload.forEach((argument) => JSON.parse(argument));
  }
  const [early, plain, info, warn, error, long, deep, circular, array, element, last] = entries;
  assert.deepEqual(early.payload.map((argument) => JSON.parse(argument)), ["logged before the recording started", { early: true }]);
  assert.deepEqual(plain.payload.map((argument) => JSON.parse(argument)), ["plain log line", { cart: 2, items: ["mug", "pen"] }]);
  assert.ok(plain.trace.some((frame) => frame.includes("page.html")), `trace: ${JSON.stringify(plain.trace)}`);
  assert.ok(!plain.trace.some((frame) => frame.includes("reel.js")), `the SDK's own frame is left out: ${JSON.stringify(plain.trace)}`);
  assert.deepEqual(info.payload, ['"info line"']);
  assert.deepEqual(warn.payload, ['"warn line"', "42", "null", '"undefined"']);
  const loggedError = JSON.parse(error.payload[1]);
  assert.match(loggedError, /^Error: logged error object\n\s+at .*logEverything \(.*page\.html:\d+:\d+\)/);
  const longText = JSON.parse(long.payload[0]);
  assert.ok(longText.length < 1_100 && longText.endsWith("… (5000 characters)"), longText.slice(-40));
  assert.deepEqual(JSON.parse(deep.payload[0]), { level1: { level2: { level3: "[object]" } } });
  assert.deepEqual(JSON.parse(circular.payload[0]), { name: "loop", self: "[circular]" });
  const items = JSON.parse(array.payload[0]);
  assert.equal(items.length, 51);
  assert.equal(items.at(-1), "… 70 more items");
  assert.equal(JSON.parse(element.payload[0]), "[object HTMLButtonElement]");
  assert.deepEqual(last.payload, ['"last line"']);
});

test("the project's console levels decide which calls are recorded", { timeout: 90_000 }, async (t) => {
  const entries = await recordConsole(t, { console_levels: ["warn", "error"] });
  assert.deepEqual(entries.map((entry) => entry.level), ["warn", "error"]);
});

test("console capture switched off in the project records nothing", { timeout: 90_000 }, async (t) => {
  const entries = await recordConsole(t, { console_capture_enabled: false });
  assert.deepEqual(entries, []);
});
