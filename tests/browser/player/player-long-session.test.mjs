// A 4-hour session (a keyframe every 5 minutes): the player opens with only the keyframe window it
// needs, seeks anywhere by loading the keyframe before the target, and while playing loads ahead
// and drops what is far behind, so what it holds stays bounded. Functional checks only: the timing
// and memory figures are measured by web/bench/player-bench.mjs.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchChromium } from "../launch-browser.mjs";
import { startReelServer } from "../start-server.mjs";
import { MINUTE_MS, SECOND_MS, clickTimelineAt, ingestSession, logIn, openReplay, playerState, storedSessionId, waitForHeadline, waitUntilSettled } from "./player-test-support.mjs";
import { syntheticSessionBatches } from "./synthetic-session.mjs";

const SESSION_MS = 4 * 60 * MINUTE_MS;
const KEYFRAME_INTERVAL_MS = 5 * MINUTE_MS;

describe("a 4-hour session", { timeout: 300_000 }, () => {
  let server;
  let browser;
  let page;
  let sessionId;
  let startMs;
  let recordingRequests;

  before(async () => {
    server = await startReelServer();
    browser = await launchChromium();
    startMs = Date.now() - 6 * 60 * MINUTE_MS;
    // no clicks: the server would mark them as dead clicks, and their markers would catch the timeline clicks below
    const batches = syntheticSessionBatches({ startMs, durationMs: SESSION_MS, keyframeIntervalMs: KEYFRAME_INTERVAL_MS, clickEveryMs: null });
    const { deviceId } = await ingestSession(server, { startMs, batches });
    page = await browser.context.newPage();
    recordingRequests = [];
    page.on("request", (request) => {
      if (request.url().includes("/recording?")) {
        recordingRequests.push(new URL(request.url()).searchParams);
      }
    });
    await logIn(page, server);
    sessionId = await storedSessionId(page, server, deviceId);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("opens from the keyframe window it needs, not from the whole recording", async () => {
    recordingRequests.length = 0;
    await openReplay(page, server, sessionId, "?t=7330");
    const opening = recordingRequests[0];
    assert.equal(opening.get("at_ms"), String(startMs + 7_330 * SECOND_MS));
    assert.ok(Number(opening.get("window_ms")) <= MINUTE_MS, String(opening));
    await waitForHeadline(page, "T+7330s");
    const state = await playerState(page);
    assert.equal(state.playableFromMs, startMs + 7_200 * SECOND_MS + 1, "the Replayer starts at the keyframe before the target (its full snapshot)");
    assert.ok(state.loadedUntilMs - state.currentMs <= 5 * MINUTE_MS, "and holds only a little past it");
    assert.equal(await page.locator('[data-testid="total-time"]').innerText(), "4:00:00");
  });

  test("seeks anywhere by loading the keyframe before the target", async () => {
    await openReplay(page, server, sessionId, "?t=60");
    const buildsBefore = (await playerState(page)).replayerBuilds;
    for (const offsetMs of [3 * 60 * MINUTE_MS + 12 * MINUTE_MS, 25 * MINUTE_MS, 3 * 60 * MINUTE_MS + 59 * MINUTE_MS]) {
      recordingRequests.length = 0;
      await clickTimelineAt(page, offsetMs, SESSION_MS);
      await waitUntilSettled(page);
      const state = await playerState(page);
      const shownOffsetMs = state.currentMs - startMs;
      assert.ok(Math.abs(shownOffsetMs - offsetMs) < 30 * SECOND_MS, `asked ${offsetMs}, shows ${shownOffsetMs}`);
      const seekRequest = recordingRequests.find((query) => query.get("at_ms") !== null);
      assert.ok(seekRequest !== undefined, "a keyframe request");
      assert.equal(seekRequest.get("at_ms"), String(state.currentMs));
      const keyframeMs = startMs + Math.floor(shownOffsetMs / KEYFRAME_INTERVAL_MS) * KEYFRAME_INTERVAL_MS;
      assert.equal(state.playableFromMs, keyframeMs + 1);
      await waitForHeadline(page, `T+${Math.floor(shownOffsetMs / 5_000) * 5}s`);
    }
    assert.equal((await playerState(page)).replayerBuilds, buildsBefore + 3);
  });

  test("while playing, it loads ahead and drops what is far behind", async () => {
    await openReplay(page, server, sessionId, "?t=3580");
    await page.click('[data-testid="skip-inactivity"]');
    await page.click('[data-testid="speed-8"]');
    const opened = await playerState(page);
    assert.equal(opened.playableFromMs, startMs + 3_300 * SECOND_MS + 1);
    recordingRequests.length = 0;
    await page.click('[data-testid="play-pause"]');
    const keyframeMs = startMs + 3_600 * SECOND_MS;
    await page.waitForFunction(
      (expectedFromMs) => Number(document.querySelector('[data-testid="player"]').dataset.playableFromMs) === expectedFromMs,
      keyframeMs + 1,
      { timeout: 60_000, polling: 200 },
    );
    await page.click('[data-testid="play-pause"]');
    const played = await playerState(page);
    assert.ok(played.currentMs >= keyframeMs + MINUTE_MS, "dropped only once the keyframe was a minute behind");
    assert.ok(recordingRequests.some((query) => query.get("from_ms") !== null), "loaded ahead while playing");
    assert.ok(recordingRequests.every((query) => query.get("at_ms") === null), "without rebuilding");
    assert.equal(played.replayerBuilds, opened.replayerBuilds);
    assert.ok(played.heldEventCount < opened.heldEventCount * 1.5, `held ${opened.heldEventCount} events, then ${played.heldEventCount}`);
    await waitForHeadline(page, `T+${Math.floor((played.currentMs - startMs) / 5_000) * 5}s`);

    // a seek back before what it still holds rebuilds from the keyframe there
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await waitUntilSettled(page);
    const back = await playerState(page);
    assert.equal(back.currentMs, played.currentMs - 80 * SECOND_MS);
    if (back.currentMs < played.playableFromMs) {
      assert.equal(back.replayerBuilds, played.replayerBuilds + 1);
    }
    await waitForHeadline(page, `T+${Math.floor((back.currentMs - startMs) / 5_000) * 5}s`);
  });
});
