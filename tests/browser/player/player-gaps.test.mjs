// Missing batches show as gaps on the timeline and, in playback, as an overlay saying how many
// batches are missing: inside the gap, and after it until the next full snapshot when the page
// could not be rebuilt faithfully (rrweb met nodes it never saw), instead of a corrupted page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { startReelServer } from "../start-server.mjs";
import {
  MINUTE_MS,
  SECOND_MS,
  ingestSession,
  logIn,
  openReplay,
  playerState,
  storedSessionId,
  waitForHeadline,
  waitUntilSettled,
} from "./player-test-support.mjs";
import { syntheticSessionBatches } from "./synthetic-session.mjs";

const BODY_NODE_ID = 7;
const LOST_NODE_ID = 900;
const LOST_TEXT_NODE_ID = 901;

/** Minute 2 adds a banner; minute 3 changes its text. Minute 2 never reaches the server. */
function recordingWithALostBatch(startMs) {
  const addBanner = {
    type: 3,
    timestamp: startMs + 125 * SECOND_MS,
    data: {
      source: 0,
      texts: [],
      attributes: [],
      removes: [],
      adds: [{ parentId: BODY_NODE_ID, nextId: null, node: { type: 2, id: LOST_NODE_ID, tagName: "div", attributes: { id: "banner" }, childNodes: [{ type: 3, id: LOST_TEXT_NODE_ID, textContent: "Added in the lost batch" }] } }],
    },
  };
  const changeBanner = {
    type: 3,
    timestamp: startMs + 200 * SECOND_MS,
    data: { source: 0, texts: [{ id: LOST_TEXT_NODE_ID, value: "Changed after the gap" }], attributes: [], removes: [], adds: [] },
  };
  return syntheticSessionBatches({ startMs, durationMs: 10 * MINUTE_MS, extraEvents: [addBanner, changeBanner] });
}

describe("missing batches", { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  let sessionId;
  let startMs;

  before(async () => {
    server = await startReelServer();
    browser = await launchChromium();
    startMs = Date.now() - 2 * 60 * MINUTE_MS;
    const { deviceId } = await ingestSession(server, { startMs, batches: recordingWithALostBatch(startMs), missingSequences: [2] });
    page = await browser.context.newPage();
    await logIn(page, server);
    sessionId = await storedSessionId(page, server, deviceId);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the gap is on the timeline, and inside it the replay says how many batches are missing", async () => {
    const { gaps } = await (await page.request.get(`${server.baseUrl}/api/v1/sessions/${sessionId}`)).json();
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0].missing_batch_count, 1);
    await openReplay(page, server, sessionId, "?t=30");
    const gap = page.locator('[data-testid="timeline-gap"]');
    assert.equal(await gap.count(), 1);
    assert.equal(await gap.getAttribute("title"), "1 batch missing");
    assert.equal(await page.locator('[data-testid="gap-overlay"]').count(), 0, "no overlay before the gap");

    await openReplay(page, server, sessionId, "?t=150");
    const overlay = page.locator('[data-testid="gap-overlay"]');
    await overlay.waitFor();
    assert.equal(await overlay.getAttribute("data-missing-batches"), "1");
    assert.match(await overlay.innerText(), /1 batch missing/);
    await page.screenshot({ path: artifactPath("player-gap.png") });
  });

  test("after the gap the damaged page stays covered until the next full snapshot", async () => {
    await openReplay(page, server, sessionId, "?t=250");
    const overlay = page.locator('[data-testid="gap-overlay"]');
    await overlay.waitFor();
    assert.match(await overlay.innerText(), /cannot be shown correctly until the next full snapshot/);
    await page.screenshot({ path: artifactPath("player-gap-damaged.png") });
    await page.click('[data-testid="gap-skip"]');
    await waitUntilSettled(page);
    const shownMs = (await playerState(page)).currentMs;
    assert.ok(shownMs >= startMs + 5 * MINUTE_MS && shownMs <= startMs + 5 * MINUTE_MS + 2, "at the keyframe, just after its full snapshot");
    await overlay.waitFor({ state: "detached" });
    await waitForHeadline(page, "T+300s");
  });
});
