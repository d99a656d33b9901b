// Home: "Recent sessions" lists the 100 newest sessions of the past 7 days (start time, user,
// length, country) and plays one in a modal player that Escape and the close button close.
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { describePng } from "../png-analysis.mjs";
import { waitForHeadline } from "../player/player-test-support.mjs";
import { fullSnapshotEvents, headlineChangeEvent } from "../synthetic-recording.mjs";
import { DAY_MS, DE_ADDRESS, ingestSession, startReelServerBehindProxy } from "./replay-fixtures.mjs";
import { logInWithChromium } from "./replay-ui.mjs";

const MINUTE_MS = 60_000;
const OLDER_SESSIONS = 101;

async function ingestPlayableSession(server, startMs) {
  const batches = [
    fullSnapshotEvents(startMs, "Recorded ten minutes ago"),
    [headlineChangeEvent(startMs + 2_000, "Two seconds in")],
    [headlineChangeEvent(startMs + 90_000, "The end")],
  ];
  for (const [sequence, events] of batches.entries()) {
    const answer = await fetch(`${server.baseUrl}/api/v1/ingest`, {
      method: "POST",
      headers: { Authorization: `Bearer ${server.apiKey}`, "Content-Type": "application/json", "X-Forwarded-For": DE_ADDRESS },
      body: JSON.stringify({ session_id: startMs, device_id: "player-device", user_id: "maria@example.com", sequence, sent_at_ms: Date.now(), events }),
    });
    assert.equal(answer.status, 200, await answer.text());
  }
}

test("Recent sessions: the newest 100 of 7 days, played in a modal", { timeout: 150_000 }, async (t) => {
  const server = await startReelServerBehindProxy();
  t.after(() => server.stop());
  const nowMs = Date.now();
  await ingestPlayableSession(server, nowMs - 10 * MINUTE_MS);
  // Older sessions of the past days (the 100 shown end among them) and one from last week.
  for (let index = 0; index < OLDER_SESSIONS; index += 1) {
    const number = String(index).padStart(3, "0");
    await ingestSession(server, { deviceId: `older-${number}`, startMs: nowMs - (60 + index * 60) * MINUTE_MS, durationMs: 5_000 });
  }
  await ingestSession(server, { deviceId: "last-week", startMs: nowMs - 8 * DAY_MS, durationMs: 5_000 });

  const { page, pageErrors } = await logInWithChromium(server, (cleanup) => t.after(cleanup));
  await page.locator('[data-testid="recent-sessions"][data-state="loaded"]').waitFor();
  const rows = page.locator('[data-testid="recent-session-row"]');
  assert.equal(await rows.count(), 100);
  const first = rows.first();
  const cells = await first.locator("td").allInnerTexts();
  assert.equal(cells[1], "maria@example.com");
  assert.equal(cells[2], "1m 30s");
  assert.equal(cells[3], "DE");
  assert.match(cells[4], /Play/);
  const shownDevices = await rows.evaluateAll((all) => all.map((row) => row.querySelector("td:nth-child(2)")?.textContent));
  assert.equal(shownDevices[99], "older-098", "newest first: the last of 100 is the 99th older session");
  assert.ok(!shownDevices.includes("last-week"));
  assert.ok(!shownDevices.includes("older-100"));
  await page.screenshot({ path: artifactPath("home-recent-sessions.png") });

  // Play: the replay page's player, in a modal dialog, actually playing.
  await first.locator('[data-testid="play-recent-session"]').click();
  const modal = page.locator('[data-testid="replay-modal"]');
  await modal.waitFor();
  assert.equal(await modal.evaluate((dialog) => dialog.open && dialog.matches(":modal")), true);
  await modal.locator('[data-testid="player"][data-status="ready"]').waitFor({ timeout: 20_000 });
  await waitForHeadline(page, "Recorded ten minutes ago", 15_000);
  await modal.locator('[data-testid="play-pause"]').click();
  await modal.locator('[data-testid="play-pause"][data-state="playing"]').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.getAttribute("aria-valuenow")) > 2, null, { timeout: 15_000 });
  await waitForHeadline(page, "Two seconds in", 15_000);
  const modalPng = await page.screenshot({ path: artifactPath("home-replay-modal.png") });
  assert.ok(describePng(modalPng).distinctColors > 20, "the modal screenshot is not blank");

  await page.keyboard.press("Escape");
  await modal.waitFor({ state: "detached" });
  assert.equal(await rows.count(), 100, "the widget is still there");

  await rows.nth(2).locator('[data-testid="play-recent-session"]').click();
  await modal.waitFor();
  await modal.locator('[data-testid="close-replay-modal"]').click();
  await modal.waitFor({ state: "detached" });
  assert.deepEqual(pageErrors, []);
});
