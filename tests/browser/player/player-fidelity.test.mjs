// Fidelity: a visit to the demo shop is recorded by the real SDK; at several moments the live page
// is photographed; then the player is opened at exactly those moments and the replayed viewport is
// photographed and compared with the live one, pixel by pixel.
//
// Threshold: at most MAX_DIFFERING_SHARE of the pixels may differ by more than CHANNEL_TOLERANCE in
// any colour channel. Both pictures come from the same Chromium with the same fonts, and the player
// shows the recorded viewport at scale 1, so they should be identical but for anti-aliasing at a few
// edges; the figures seen while writing the test are printed and written to artifacts/. The
// player's own cursor and trail are hidden from the replay's picture (the live picture has no
// cursor), and the mouse rests on an empty spot before each live picture so no hover effect differs.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { test } from "node:test";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { startReelServer } from "../start-server.mjs";
import { comparePngs } from "./png-comparison.mjs";
import { logIn, openReplay, storedSessionId, waitUntilSettled } from "./player-test-support.mjs";

const LIVE_VIEWPORT = { width: 900, height: 600 };
const CHANNEL_TOLERANCE = 24;
const MAX_DIFFERING_SHARE = 0.0005; // 270 of 540,000 pixels; seen: at most 45 (text anti-aliasing)
const MOUSE_SAMPLING_MS = 50;
const SETTLE_MS = 700; // longer than the demo's 150 ms transitions and rrweb's mouse-move batching
const HIDE_PLAYER_CURSOR = ".replayer-mouse, .replayer-mouse-tail { display: none !important; }";
const sleep = (durationMs) => new Promise((resolve) => setTimeout(resolve, durationMs));

/**
 * Rests the mouse on empty page margin, waits for things to settle, photographs the page. rrweb
 * samples mouse moves at most every 50 ms and drops a move that comes sooner, so the test waits
 * before the last move: otherwise the recording keeps the cursor (and its hover) where it was.
 */
async function photographMoment(page, name) {
  await sleep(MOUSE_SAMPLING_MS * 2);
  await page.mouse.move(LIVE_VIEWPORT.width - 4, LIVE_VIEWPORT.height - 4);
  await sleep(SETTLE_MS);
  const png = await page.screenshot({ path: artifactPath(`fidelity-${name}-live.png`) });
  const atMs = await page.evaluate(() => Date.now());
  await sleep(SETTLE_MS); // nothing changes between the picture and this moment
  return { name, png, atMs };
}

async function visitTheShop(page, baseUrl) {
  await page.setViewportSize(LIVE_VIEWPORT);
  const moments = [];
  await page.goto(`${baseUrl}/demo/`);
  await page.waitForFunction(() => window.Reel && window.Reel.getSessionId() !== null);
  moments.push(await photographMoment(page, "home"));
  await page.mouse.wheel(0, 420);
  moments.push(await photographMoment(page, "home-scrolled"));
  await page.click("#product-backpack");
  await page.waitForURL(/product\.html/);
  moments.push(await photographMoment(page, "product"));
  await page.click("#add-to-cart");
  await page.locator("#cart-message").waitFor({ state: "visible" });
  moments.push(await photographMoment(page, "added-to-cart"));
  await page.click("#nav-cart");
  await page.waitForURL(/cart\.html/);
  await page.locator(".cart-line").first().waitFor();
  moments.push(await photographMoment(page, "cart"));
  await page.fill("#checkout-name", "Ada Lovelace");
  await page.fill("#checkout-email", "ada@example.com");
  await sleep(SETTLE_MS);
  const typedAtMs = await page.evaluate(() => Date.now());
  const ids = await page.evaluate(() => ({ deviceId: window.Reel.getDeviceId() }));
  await page.evaluate(() => window.Reel.flush());
  await page.goto("about:blank");
  return { moments, typedAtMs, deviceId: ids.deviceId };
}

async function replayedViewport(page, server, sessionId, recordingStartMs, atMs, name) {
  await openReplay(page, server, sessionId, `?t=${((atMs - recordingStartMs) / 1_000).toFixed(3)}`);
  await waitUntilSettled(page);
  await sleep(300); // images inside the replayed page
  const iframe = page.locator('[data-testid="replay-container"] iframe').last();
  return iframe.screenshot({ path: artifactPath(`fidelity-${name}-replay.png`), style: HIDE_PLAYER_CURSOR, animations: "disabled" });
}

test("the replay looks like the live page at the same moments", { timeout: 180_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());

  const shopper = await browser.context.newPage();
  const visit = await visitTheShop(shopper, server.baseUrl);
  const viewer = await browser.context.newPage();
  await viewer.setViewportSize({ width: 1400, height: 1000 });
  await logIn(viewer, server);
  const sessionId = await storedSessionId(viewer, server, visit.deviceId);
  const { session } = await (await viewer.request.get(`${server.baseUrl}/api/v1/sessions/${sessionId}`)).json();
  await openReplay(viewer, server, sessionId);
  await viewer.click('[data-testid="expand-toggle"]'); // room for the recorded viewport at scale 1

  const figures = [];
  for (const moment of visit.moments) {
    const replayPng = await replayedViewport(viewer, server, sessionId, session.start_time_ms, moment.atMs, moment.name);
    const comparison = comparePngs(moment.png, replayPng, CHANNEL_TOLERANCE);
    writeFileSync(artifactPath(`fidelity-${moment.name}-difference.png`), comparison.differencePng);
    figures.push({ moment: moment.name, differingPixels: comparison.differingPixels, differingShare: comparison.differingShare });
  }
  console.log(`fidelity: ${JSON.stringify(figures)}`);
  writeFileSync(artifactPath("fidelity-figures.json"), JSON.stringify(figures, null, 2));
  for (const figure of figures) {
    assert.ok(figure.differingShare <= MAX_DIFFERING_SHARE, `${figure.moment}: ${(figure.differingShare * 100).toFixed(3)}% of pixels differ`);
  }

  // masked inputs replay as asterisks, never as what was typed
  await openReplay(viewer, server, sessionId, `?t=${((visit.typedAtMs - session.start_time_ms) / 1_000).toFixed(3)}`);
  const frame = await (await viewer.locator('[data-testid="replay-container"] iframe').last().elementHandle()).contentFrame();
  assert.match(await frame.locator("#checkout-name").inputValue(), /^\*{3} \*{8}$/);
  assert.match(await frame.locator("#checkout-email").inputValue(), /^\*+$/);
});
