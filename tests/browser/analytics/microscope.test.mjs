// The Microscope ("View User Streams"): a demo shop visit recorded by the Reel SDK (its page views
// carry `[Amplitude] Session Replay ID`) and another user's page views sent through the HTTP API
// without a replay; the users behind a segmentation point are listed with their events, "Streams
// with session replays" keeps the recorded one, and "Play Session" opens the player at that moment.
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { logIn, storedSessionId } from "../player/player-test-support.mjs";
import { startReelServer } from "../start-server.mjs";
import { runQuery, sendEvents, utcDay } from "./segmentation-fixtures.mjs";

const PAGE_VIEWED = "[Amplitude] Page Viewed";

/** Two page views in the demo shop, recorded; returns the SDK's device id. */
async function visitTheDemoShop(page, baseUrl) {
  await page.goto(`${baseUrl}/demo/`);
  await page.waitForFunction(() => window.Reel && window.Reel.getSessionId() !== null);
  await page.click("#product-backpack");
  await page.waitForURL(/\/demo\/product\.html\?id=backpack$/);
  await page.waitForFunction(() => window.Reel && window.Reel.getSessionId() !== null);
  await page.waitForTimeout(300);
  await page.evaluate(() => window.Reel.flush());
  const deviceId = await page.evaluate(() => window.Reel.getDeviceId());
  await page.goto("about:blank"); // pagehide: the SDK sends what is left
  return deviceId;
}

/** Page views of a user Reel has no replay of, a minute ago (still today, UTC). */
function unrecordedVisit(nowMs) {
  const timeMs = Math.max(nowMs - 60_000, Date.parse(`${utcDay(0, nowMs)}T00:00:00Z`));
  return [0, 1].map((index) => ({
    event_type: PAGE_VIEWED,
    user_id: "user-no-replay",
    device_id: "device-no-replay",
    session_id: timeMs,
    time: timeMs + index,
    insert_id: `no-replay-${index}`,
    event_properties: { "[Amplitude] Page Path": `/page-${index}`, "[Amplitude] Page Title": `Plain page ${index}` },
  }));
}

const streams = (page) => page.locator('[data-testid="user-stream"]');

async function waitForStreams(page, count) {
  await page.locator('[data-testid="user-streams"][data-state="loaded"]').waitFor();
  await page.waitForFunction((expected) => document.querySelectorAll('[data-testid="user-stream"]').length === expected, count);
}

test("View User Streams lists the users behind a point and plays a recorded one's session", { timeout: 120_000 }, async (t) => {
  const nowMs = Date.now();
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());

  const deviceId = await visitTheDemoShop(await browser.context.newPage(), server.baseUrl);
  await sendEvents(server, unrecordedVisit(nowMs));

  const page = await browser.context.newPage();
  await logIn(page, server);
  const replaySession = await storedSessionId(page, server, deviceId);
  await page.click('.app-nav a:has-text("Event Segmentation")');
  await page.waitForURL(`${server.baseUrl}/analytics/segmentation`);

  // Page views, yesterday and today: today's point has both users.
  await page.fill('[data-testid="series-event-type"]', PAGE_VIEWED);
  await page.fill('[data-testid="start-date"]', utcDay(1, nowMs));
  await runQuery(page);
  const chart = page.locator('[data-testid="segmentation-chart"]');
  const box = await chart.boundingBox();
  await page.mouse.click(box.x + box.width - 70, box.y + box.height * 0.3);
  const menu = page.locator('[data-testid="point-menu"]');
  await menu.waitFor();
  assert.equal(await menu.locator('[data-testid="view-user-streams"]').isDisabled(), false);
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().endsWith("/analytics/segmentation/users")),
    menu.locator('[data-testid="view-user-streams"]').click(),
  ]);
  const body = request.postDataJSON();
  assert.equal(body.series, 0);
  assert.deepEqual(body.group, []);
  assert.equal(body.bucket_ms, Date.parse(`${utcDay(0, nowMs)}T00:00:00Z`));
  assert.equal(body.with_replays_only, false);

  await waitForStreams(page, 2);
  const deviceIds = await streams(page).evaluateAll((items) => items.map((item) => item.dataset.deviceId).sort());
  assert.deepEqual(deviceIds, [deviceId, "device-no-replay"].sort());
  const plain = streams(page).filter({ hasText: "user-no-replay" });
  assert.equal(await plain.locator('[data-testid="stream-event"]').count(), 2);
  assert.equal(await plain.locator('[data-testid="play-session"]').count(), 0);
  const recorded = page.locator(`[data-testid="user-stream"][data-device-id="${deviceId}"]`);
  const recordedViews = recorded.locator(`[data-testid="stream-event"][data-event-type="${PAGE_VIEWED}"]`);
  assert.ok((await recordedViews.count()) >= 2, "both recorded page views are listed");
  assert.ok((await recordedViews.locator('[data-testid="play-session"]').count()) >= 2, "recorded page views can be played");

  // Only streams with a replay.
  await page.check('[data-testid="with-replays-only"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-stream"]').length === 1);
  await waitForStreams(page, 1);
  assert.equal(await streams(page).first().getAttribute("data-device-id"), deviceId);
  await page.screenshot({ path: artifactPath("microscope.png") });

  // The table's total: the same users over the whole range (no bucket_ms).
  await page.click('[data-testid="close-user-streams"]');
  await page.locator('[data-testid="user-streams"]').waitFor({ state: "detached" });
  const [totalRequest] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().endsWith("/analytics/segmentation/users")),
    page.click('[data-testid="segmentation-row"] [data-testid="total-users"]'),
  ]);
  assert.equal("bucket_ms" in totalRequest.postDataJSON(), false);
  await waitForStreams(page, 2);

  // Play Session: the player opens at that event's moment and plays the recorded shop.
  const play = recorded.locator(`[data-testid="stream-event"][data-event-type="${PAGE_VIEWED}"] [data-testid="play-session"]`).last();
  const href = await play.getAttribute("href");
  assert.match(href, new RegExp(`^/replays/${replaySession}\\?t=\\d+$`));
  await play.click();
  await page.waitForURL(`${server.baseUrl}${href}`);
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor({ timeout: 20_000 });
  const iframe = page.locator('[data-testid="replay-container"] iframe');
  await iframe.waitFor({ state: "attached" });
  const replayFrame = await (await iframe.elementHandle()).contentFrame();
  await replayFrame.waitForFunction(() => document.body !== null && document.body.innerText.includes("Reel Demo Shop"), null, { timeout: 10_000 });
});
