// The player loads a long recording window by window and can seek into later windows.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { artifactPath, launchChromium } from "./launch-browser.mjs";
import { fullSnapshotEvents, headlineChangeEvent, ingestBatch } from "./synthetic-recording.mjs";
import { startReelServer } from "./start-server.mjs";

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
  const row = page.locator('[data-testid="session-row"]', { hasText: "window-tester" });
  await row.waitFor();
  await row.locator('[data-testid="session-link"]').click();
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor();
  await page.locator('[data-testid="total-time"]', { hasText: "7:00" }).waitFor();

  assert.ok(recordingRequests.length >= 3, `expected several windows, got ${recordingRequests.length}`);
  assert.equal(recordingRequests[0].get("from_ms"), null);
  assert.equal(recordingRequests[0].get("to_ms"), String(sessionStartMs + 60 * SECOND_MS));
  assert.equal(recordingRequests[1].get("from_ms"), String(sessionStartMs + 60 * SECOND_MS));

  const replayFrame = await (await page.locator('[data-testid="replay-container"] iframe').elementHandle()).contentFrame();
  await replayFrame.locator("#headline", { hasText: "Minute zero" }).waitFor();

  const progress = page.locator('[data-testid="progress"]');
  const bounds = await progress.boundingBox();
  await page.mouse.click(bounds.x + bounds.width * 0.99, bounds.y + bounds.height / 2); // 415.8 s
  await replayFrame.locator("#headline", { hasText: "Minute six forty" }).waitFor({ timeout: 10_000 });
  await page.mouse.click(bounds.x + bounds.width * 0.5, bounds.y + bounds.height / 2); // 210 s
  await replayFrame.locator("#headline", { hasText: "Minute three" }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: artifactPath("windowed-player.png") });
});
