// The player loads a recording window by window: it opens at a keyframe (`at_ms`), loads ahead with
// `from_ms`/`to_ms` windows, and seeking past what is loaded asks for the keyframe before the target.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { artifactPath, launchChromium } from "./launch-browser.mjs";
import { fullSnapshotEvents, headlineChangeEvent, ingestBatch } from "./synthetic-recording.mjs";
import { startReelServer } from "./start-server.mjs";
import { waitForHeadline } from "./player/player-test-support.mjs";

const SECOND_MS = 1_000;

test("a 7-minute recording loads in windows and seeks past the first window", { timeout: 90_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());

  const sessionStartMs = Date.now() - 60 * 60 * SECOND_MS;
  const deviceId = randomUUID();
  const batches = [
    [...fullSnapshotEvents(sessionStartMs, "Minute zero")],
    [headlineChangeEvent(sessionStartMs + 30 * SECOND_MS, "Half a minute")],
    [headlineChangeEvent(sessionStartMs + 200 * SECOND_MS, "Minute three")],
    [headlineChangeEvent(sessionStartMs + 400 * SECOND_MS, "Minute six forty")],
    [headlineChangeEvent(sessionStartMs + 420 * SECOND_MS, "The end")],
  ];
  for (const [sequence, events] of batches.entries()) {
    await ingestBatch(server.baseUrl, server.apiKey, { session_id: sessionStartMs, device_id: deviceId, user_id: "window-tester", sequence, events });
  }

  const page = await browser.context.newPage();
  const recordingRequests = [];
  page.on("request", (request) => {
    if (request.url().includes("/recording")) {
      recordingRequests.push(new URL(request.url()).searchParams);
    }
  });
  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);
  await page.click('.app-nav a[href="/replays"]');
  const row = page.locator('[data-testid="session-row"]', { hasText: "window-tester" });
  await row.waitFor();
  await row.locator('[data-testid="session-link"]').click();
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor();
  await page.locator('[data-testid="total-time"]', { hasText: "7:00" }).waitFor();

  const openingRequest = recordingRequests[0];
  assert.equal(openingRequest.get("at_ms"), String(sessionStartMs), "the player opens at the session's first keyframe");
  assert.ok(Number(openingRequest.get("window_ms")) <= 60 * SECOND_MS, `a small opening window: ${openingRequest}`);
  const loadAheadRequests = recordingRequests.filter((query) => query.get("from_ms") !== null);
  assert.ok(loadAheadRequests.length >= 1, `the player loads ahead: ${recordingRequests.map(String).join(" | ")}`);

  await waitForHeadline(page, "Minute zero");

  const progress = page.locator('[data-testid="progress"]');
  const bounds = await progress.boundingBox();
  const requestsBeforeSeeking = recordingRequests.length;
  await page.mouse.click(bounds.x + bounds.width * 0.99, bounds.y + bounds.height / 2); // 415.8 s
  await waitForHeadline(page, "Minute six forty");
  const seekRequests = recordingRequests.slice(requestsBeforeSeeking).filter((query) => query.get("at_ms") !== null);
  assert.equal(seekRequests.length, 1, "seeking past the loaded stretch asks for the keyframe before the target");
  assert.ok(Math.abs(Number(seekRequests[0].get("at_ms")) - (sessionStartMs + 415_800)) < 2 * SECOND_MS, String(seekRequests[0]));
  await page.mouse.click(bounds.x + bounds.width * 0.5, bounds.y + bounds.height / 2); // 210 s
  await waitForHeadline(page, "Minute three");
  await page.screenshot({ path: artifactPath("windowed-player.png") });
});
