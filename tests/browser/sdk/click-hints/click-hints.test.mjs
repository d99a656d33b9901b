// Click hints: after every click the recording holds a `reel.click_hint` custom event with the
// rrweb id of the clicked element, whether its computed cursor was `pointer`, and whether it is
// natively interactive or has an interactive ARIA role (itself or an ancestor); window.open
// leaves a `reel.window_open` hint; same-origin iframes are recorded.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { customEventsTagged, loginToReel, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const EXPECTED_HINTS = [
  ["#real-button", { cursor_pointer: true, interactive: true }],
  ["#plain-button", { cursor_pointer: false, interactive: true }],
  ["#styled-div", { cursor_pointer: true, interactive: false }],
  ["#span-in-link", { cursor_pointer: true, interactive: true }],
  ["#aria-button", { cursor_pointer: false, interactive: true }],
  ["#plain-text", { cursor_pointer: false, interactive: false }],
  ["#open-window", { cursor_pointer: true, interactive: true }],
  ["#image-button", { cursor_pointer: true, interactive: false }],
];

/** rrweb node id → element id attribute, from the full snapshot's serialized tree. */
function elementIdsByNodeId(fullSnapshot) {
  const byNodeId = new Map();
  const visit = (node) => {
    if (node.type === 2 && node.attributes?.id) {
      byNodeId.set(node.id, node.attributes.id);
    }
    (node.childNodes ?? []).forEach(visit);
  };
  visit(fullSnapshot.data.node);
  return byNodeId;
}

test("every click is followed by a click hint naming the clicked node", { timeout: 90_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const site = await startStaticSite(dirname(fileURLToPath(import.meta.url)), { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(`${site.baseUrl}/page.html`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  for (const [selector] of EXPECTED_HINTS) {
    await page.click(selector);
    await sleep(50);
  }
  await page.evaluate(() => window.Reel.flush());

  const api = await loginToReel(server);
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const recording = await waitFor("all click hints", async () => {
    const answer = await readRecording(api, session.id);
    return customEventsTagged(answer.events, "reel.click_hint").length >= EXPECTED_HINTS.length ? answer : null;
  });
  const elementIds = elementIdsByNodeId(recording.events.find((event) => event.type === 2));
  const clicks = recording.events.filter((event) => event.type === 3 && event.data.source === 2 && event.data.type === 2);
  assert.equal(clicks.length, EXPECTED_HINTS.length);
  const hints = [];
  for (const click of clicks) {
    const next = recording.events[recording.events.indexOf(click) + 1];
    assert.equal(next.type, 5, "the hint comes right after the click");
    assert.equal(next.data.tag, "reel.click_hint");
    assert.equal(next.data.payload.id, click.data.id, "the hint names the clicked node");
    assert.equal(next.timestamp, click.timestamp);
    hints.push([`#${elementIds.get(next.data.payload.id)}`, { cursor_pointer: next.data.payload.cursor_pointer, interactive: next.data.payload.interactive }]);
  }
  assert.deepEqual(hints, EXPECTED_HINTS);

  // window.open is a reaction the DOM does not show: a hint follows the click that caused it
  const openClick = clicks[EXPECTED_HINTS.findIndex(([selector]) => selector === "#open-window")];
  const windowOpens = customEventsTagged(recording.events, "reel.window_open");
  assert.equal(windowOpens.length, 1);
  assert.ok(recording.events.indexOf(windowOpens[0]) > recording.events.indexOf(openClick));
  // a same-origin iframe is recorded too
  assert.ok(recording.text.includes('"textContent":"Help frame text"'), "the iframe's document is serialized, not only its srcdoc attribute");
});
