// Shared steps of the player tests: log in, post a recording, open the player, read its state.
import { randomUUID } from "node:crypto";
import { ingestBatch } from "../synthetic-recording.mjs";

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;

export async function logIn(page, server) {
  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);
}

/**
 * Posts `batches` as one session, skipping the sequence numbers in `missingSequences` (a gap).
 * @returns {Promise<{deviceId: string, startMs: number}>}
 */
export async function ingestSession(server, { startMs, batches, userId = "player-tester", missingSequences = [], deviceId = randomUUID() }) {
  const missing = new Set(missingSequences);
  for (const [sequence, events] of batches.entries()) {
    if (!missing.has(sequence)) {
      await ingestBatch(server.baseUrl, server.apiKey, { session_id: startMs, device_id: deviceId, user_id: userId, sequence, events });
    }
  }
  return { deviceId, startMs };
}

/** The stored session id of the device's session, read through the list API with the page's login. */
export async function storedSessionId(page, server, deviceId) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const answer = await page.request.get(`${server.baseUrl}/api/v1/sessions?limit=200`);
    const { sessions } = await answer.json();
    const found = sessions.find((session) => session.device_id === deviceId);
    if (found !== undefined) {
      return found.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no stored session for device ${deviceId}`);
}

export async function openReplay(page, server, sessionId, query = "") {
  await page.goto(`${server.baseUrl}/replays/${encodeURIComponent(sessionId)}${query}`);
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor({ timeout: 20_000 });
  await waitUntilSettled(page);
}

/** Waits until the player is neither seeking nor waiting for data. */
export async function waitUntilSettled(page, timeout = 15_000) {
  await page.waitForFunction(
    () => {
      const player = document.querySelector('[data-testid="player"]');
      return player !== null && player.dataset.status === "ready" && player.dataset.seeking === "false";
    },
    null,
    { timeout },
  );
}

export async function waitForSummary(page, timeout = 30_000) {
  await page.locator('[data-testid="player"][data-summary-status="complete"]').waitFor({ timeout });
}

export async function playerState(page) {
  return page.locator('[data-testid="player"]').evaluate((player) => ({
    status: player.dataset.status,
    currentMs: Number(player.dataset.currentMs),
    playing: player.dataset.playing === "true",
    seeking: player.dataset.seeking === "true",
    speed: Number(player.dataset.speed),
    playableFromMs: Number(player.dataset.playableFromMs),
    loadedUntilMs: Number(player.dataset.loadedUntilMs),
    heldEventCount: player.dataset.heldEventCount === "" ? null : Number(player.dataset.heldEventCount),
    replayerBuilds: Number(player.dataset.replayerBuilds),
    firstFrameMs: Number(player.dataset.firstFrameMs),
    lastSeekMs: Number(player.dataset.lastSeekMs),
  }));
}

export async function replayFrame(page) {
  const handles = await page.locator('[data-testid="replay-container"] iframe').elementHandles();
  const handle = handles[handles.length - 1];
  return handle.contentFrame();
}

/** The replayed page's headline text ("T+125s" in synthetic sessions). */
export async function replayedHeadline(page) {
  const frame = await replayFrame(page);
  return frame.evaluate(() => document.getElementById("headline")?.textContent ?? null);
}

export async function waitForHeadline(page, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen = null;
  while (Date.now() < deadline) {
    try {
      seen = await replayedHeadline(page);
    } catch {
      seen = null; // the Replayer was rebuilt between finding the frame and reading it
    }
    if (seen === expected) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the replay shows "${seen}", expected "${expected}"`);
}

/** Clicks the timeline at the moment `offsetMs` into a recording `totalMs` long. */
export async function clickTimelineAt(page, offsetMs, totalMs) {
  const bounds = await page.locator('[data-testid="progress"]').boundingBox();
  const x = bounds.x + (bounds.width * offsetMs) / totalMs;
  await page.mouse.click(x, bounds.y + bounds.height / 2);
}
