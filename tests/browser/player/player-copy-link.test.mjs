// "Copy link" puts /replays/{id}?t=<seconds> on the clipboard; opening it without a login goes
// through /login and back, and the player starts at that moment.
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchChromium } from "../launch-browser.mjs";
import { startReelServer } from "../start-server.mjs";
import { MINUTE_MS, SECOND_MS, clickTimelineAt, ingestSession, logIn, openReplay, playerState, storedSessionId, waitForHeadline, waitUntilSettled } from "./player-test-support.mjs";
import { syntheticSessionBatches } from "./synthetic-session.mjs";

test("a copied link opens the replay at the same moment, through the login page", { timeout: 120_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });

  const startMs = Date.now() - 3 * 60 * MINUTE_MS;
  const { deviceId } = await ingestSession(server, { startMs, batches: syntheticSessionBatches({ startMs, durationMs: 4 * MINUTE_MS }) });
  const page = await browser.context.newPage();
  await logIn(page, server);
  const sessionId = await storedSessionId(page, server, deviceId);

  await openReplay(page, server, sessionId, "?t=40");
  await page.click('[data-testid="copy-link"]');
  const expectedAt40 = `${server.baseUrl}/replays/${sessionId}?t=40`;
  await page.locator(`[data-testid="copy-link-status"][data-copied="true"][data-url="${expectedAt40}"]`).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expectedAt40);

  await clickTimelineAt(page, 155.5 * SECOND_MS, 4 * MINUTE_MS);
  await waitUntilSettled(page);
  const offsetSeconds = Math.floor(((await playerState(page)).currentMs - startMs) / SECOND_MS);
  assert.ok(offsetSeconds > 140 && offsetSeconds < 170, `seeked to ${offsetSeconds} s`);
  await page.locator("h1").click();
  await page.keyboard.press("u"); // the keyboard shortcut copies too
  const link = `${server.baseUrl}/replays/${sessionId}?t=${offsetSeconds}`;
  await page.locator(`[data-testid="copy-link-status"][data-url="${link}"]`).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  await browser.context.clearCookies();
  await page.goto(link);
  await page.waitForURL(`${server.baseUrl}/login?return_to=${encodeURIComponent(`/replays/${sessionId}?t=${offsetSeconds}`)}`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(link);
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor();
  await waitUntilSettled(page);
  assert.equal((await playerState(page)).currentMs, startMs + offsetSeconds * SECOND_MS);
  await waitForHeadline(page, `T+${Math.floor(offsetSeconds / 5) * 5}s`);
});
