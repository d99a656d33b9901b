// Every control of the player against the real binary: play/pause, back/forward 10 s, speeds,
// skip inactivity (shaded and jumped over), keyboard shortcuts, expand, full screen, the red mouse
// trail, the clock with its timezone, the current URL and the viewport scaled to fit.
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
  waitForSummary,
  waitUntilSettled,
} from "./player-test-support.mjs";
import { VIEWPORT, syntheticSessionBatches } from "./synthetic-session.mjs";

const SESSION_MS = 12 * MINUTE_MS;
const IDLE_SPAN = { fromMs: 120 * SECOND_MS, toMs: 200 * SECOND_MS };
const sleep = (durationMs) => new Promise((resolve) => setTimeout(resolve, durationMs));
const hrefAt = (offsetMs) => (offsetMs >= 10 * MINUTE_MS ? "https://shop.example/checkout" : "https://shop.example/synthetic");

describe("player controls", { timeout: 240_000 }, () => {
  let server;
  let browser;
  let page;
  let sessionId;
  let tokyoSessionId;
  let startMs;

  before(async () => {
    server = await startReelServer();
    browser = await launchChromium();
    startMs = Date.now() - 5 * 60 * MINUTE_MS;
    const batches = syntheticSessionBatches({ startMs, durationMs: SESSION_MS, idleSpans: [IDLE_SPAN], errorAtMs: [60 * SECOND_MS], hrefAt });
    const { deviceId } = await ingestSession(server, { startMs, batches });
    const tokyoStartMs = startMs - 60 * MINUTE_MS;
    const tokyo = await ingestSession(server, {
      startMs: tokyoStartMs,
      batches: syntheticSessionBatches({ startMs: tokyoStartMs, durationMs: 2 * MINUTE_MS, timezone: "Asia/Tokyo" }),
    });
    page = await browser.context.newPage();
    await logIn(page, server);
    sessionId = await storedSessionId(page, server, deviceId);
    tokyoSessionId = await storedSessionId(page, server, tokyo.deviceId);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const offsetNow = async () => (await playerState(page)).currentMs - startMs;

  test("play and pause", async () => {
    await openReplay(page, server, sessionId);
    assert.ok((await offsetNow()) <= 2, "opens at the start (just after the first full snapshot)");
    await page.click('[data-testid="play-pause"]');
    await page.locator('[data-testid="play-pause"][data-state="playing"]').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]').getAttribute("aria-valuenow")) > 1_500);
    await page.click('[data-testid="play-pause"]');
    await page.locator('[data-testid="play-pause"][data-state="paused"]').waitFor();
    const pausedAt = await offsetNow();
    await sleep(600);
    assert.equal(await offsetNow(), pausedAt, "time stands still while paused");
    assert.match(await page.locator('[data-testid="current-time"]').innerText(), /^0:0\d$/);
    assert.equal(await page.locator('[data-testid="total-time"]').innerText(), "12:00");
  });

  test("back and forward 10 seconds", async () => {
    await openReplay(page, server, sessionId, "?t=30");
    assert.equal(await offsetNow(), 30 * SECOND_MS);
    await waitForHeadline(page, "T+30s");
    await page.click('[data-testid="skip-forward"]');
    await waitUntilSettled(page);
    assert.equal(await offsetNow(), 40 * SECOND_MS);
    await waitForHeadline(page, "T+40s");
    await page.click('[data-testid="skip-back"]');
    await page.click('[data-testid="skip-back"]');
    await waitUntilSettled(page);
    assert.equal(await offsetNow(), 20 * SECOND_MS);
    await waitForHeadline(page, "T+20s");
  });

  test("speeds 0.5x to 8x", async () => {
    await openReplay(page, server, sessionId, "?t=10");
    await page.click('[data-testid="skip-inactivity"]'); // off: only the speed moves the playhead
    for (const speed of [0.5, 1, 2, 4, 8]) {
      assert.equal(await page.locator(`[data-testid="speed-${speed}"]`).count(), 1);
    }
    await page.click('[data-testid="speed-8"]');
    assert.equal(await page.locator('[data-testid="speed-8"]').getAttribute("aria-pressed"), "true");
    assert.equal((await playerState(page)).speed, 8);
    const fastFrom = await offsetNow();
    await page.click('[data-testid="play-pause"]');
    await sleep(1_500);
    await page.click('[data-testid="play-pause"]');
    const fastAdvance = (await offsetNow()) - fastFrom;
    assert.ok(fastAdvance > 5 * SECOND_MS, `8x moved ${fastAdvance} ms in 1.5 s`);
    await page.click('[data-testid="speed-0.5"]');
    const slowFrom = await offsetNow();
    await page.click('[data-testid="play-pause"]');
    await sleep(1_500);
    await page.click('[data-testid="play-pause"]');
    const slowAdvance = (await offsetNow()) - slowFrom;
    assert.ok(slowAdvance > 0 && slowAdvance < 1_500, `0.5x moved ${slowAdvance} ms in 1.5 s`);
    await page.click('[data-testid="skip-inactivity"]');
  });

  test("skip inactivity: idle periods are shaded and jumped over when on", async () => {
    await openReplay(page, server, sessionId, "?t=116");
    await waitForSummary(page);
    const idle = await page.locator('[data-testid="idle-period"]').evaluateAll((elements) =>
      elements.map((element) => ({ startMs: Number(element.dataset.startMs), endMs: Number(element.dataset.endMs) })),
    );
    const shaded = idle.find((period) => period.startMs - startMs <= IDLE_SPAN.fromMs && period.endMs - startMs >= IDLE_SPAN.toMs);
    assert.ok(shaded !== undefined, `the idle span is shaded: ${JSON.stringify(idle.map((period) => [period.startMs - startMs, period.endMs - startMs]))}`);
    assert.equal(await page.locator('[data-testid="skip-inactivity"]').getAttribute("aria-pressed"), "true", "on by default");
    await page.click('[data-testid="speed-2"]');
    await page.click('[data-testid="play-pause"]');
    await page.waitForFunction(
      (endMs) => Number(document.querySelector('[data-testid="player"]').dataset.currentMs) >= endMs - 1_000,
      shaded.endMs,
      { timeout: 15_000 },
    );
    await page.click('[data-testid="play-pause"]');
    await page.screenshot({ path: artifactPath("player-skip-inactivity.png") });

    await page.click('[data-testid="skip-inactivity"]');
    assert.equal(await page.locator('[data-testid="skip-inactivity"]').getAttribute("aria-pressed"), "false");
    await page.click('[data-testid="progress"]', { position: { x: 1, y: 5 } }); // back to the start…
    await page.keyboard.press("Escape");
    await openReplay(page, server, sessionId, "?t=116");
    await page.click('[data-testid="skip-inactivity"]'); // off again after reopening
    await page.click('[data-testid="speed-4"]');
    await page.click('[data-testid="play-pause"]');
    await sleep(3_000);
    await page.click('[data-testid="play-pause"]');
    const playedInto = (await playerState(page)).currentMs;
    assert.ok(playedInto > shaded.startMs && playedInto < shaded.endMs - 30 * SECOND_MS, `with skipping off the idle period plays: at ${playedInto - startMs} ms`);
  });

  test("keyboard shortcuts, listed in the player", async () => {
    await openReplay(page, server, sessionId, "?t=30");
    await page.locator("h1").click(); // focus on the page, not in a field
    await page.keyboard.press("Space");
    await page.locator('[data-testid="play-pause"][data-state="playing"]').waitFor();
    await page.keyboard.press("Space");
    await page.locator('[data-testid="play-pause"][data-state="paused"]').waitFor();
    const before = await offsetNow();
    await page.keyboard.press("ArrowRight");
    await waitUntilSettled(page);
    assert.equal(await offsetNow(), before + 10 * SECOND_MS);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await waitUntilSettled(page);
    assert.equal(await offsetNow(), before - 10 * SECOND_MS);
    await page.keyboard.press(">");
    assert.equal((await playerState(page)).speed, 2);
    await page.keyboard.press("<");
    await page.keyboard.press("<");
    assert.equal((await playerState(page)).speed, 0.5);
    await page.keyboard.press("i");
    assert.equal(await page.locator('[data-testid="skip-inactivity"]').getAttribute("aria-pressed"), "false");
    await page.keyboard.press("c");
    assert.equal(await page.locator('[data-testid="tab-console"]').getAttribute("aria-selected"), "true");
    await page.keyboard.press("c");
    assert.equal(await page.locator('[data-testid="tab-events"]').getAttribute("aria-selected"), "true");
    await page.keyboard.press("e");
    await page.locator('[data-testid="replay-workspace"][data-expanded="true"]').waitFor();
    await page.keyboard.press("e");
    await page.keyboard.press("?");
    const panel = page.locator('[data-testid="shortcuts-panel"]');
    await panel.waitFor();
    const listed = await panel.innerText();
    for (const expected of ["Space", "Play or pause", "←", "Back 10 seconds", "→", "Forward 10 seconds", "Full screen", "Skip inactivity"]) {
      assert.ok(listed.includes(expected), `the shortcuts panel lists "${expected}": ${listed}`);
    }
    await page.screenshot({ path: artifactPath("player-shortcuts.png") });
    await page.click('[data-testid="shortcuts-toggle"]');
    await panel.waitFor({ state: "detached" });
    await page.locator('[data-testid="console-search"]').count(); // typing in fields never reaches the player
  });

  test("expand and full screen", async () => {
    await openReplay(page, server, sessionId);
    const stageBefore = await page.locator('[data-testid="replay-container"]').boundingBox();
    await page.click('[data-testid="expand-toggle"]');
    await page.locator('[data-testid="replay-workspace"][data-expanded="true"]').waitFor();
    const stageExpanded = await page.locator('[data-testid="replay-container"]').boundingBox();
    assert.ok(stageExpanded.width > stageBefore.width, `expanded is wider: ${stageBefore.width} → ${stageExpanded.width}`);
    const side = await page.locator('[data-testid="replay-side"]').boundingBox();
    assert.ok(side.y > stageExpanded.y + stageExpanded.height, "the side panel moves below the expanded player");
    await page.screenshot({ path: artifactPath("player-expanded.png") });
    await page.click('[data-testid="expand-toggle"]');

    await page.click('[data-testid="fullscreen-toggle"]');
    await page.waitForFunction(() => document.fullscreenElement?.getAttribute("data-testid") === "replay-workspace");
    // The button re-renders on the fullscreenchange event, a moment after the element is full screen.
    await page.locator('[data-testid="fullscreen-toggle"][aria-pressed="true"]').waitFor({ timeout: 5_000 }).catch(() => {});
    assert.equal(await page.locator('[data-testid="fullscreen-toggle"]').getAttribute("aria-pressed"), "true");
    await page.screenshot({ path: artifactPath("player-fullscreen.png") });
    await page.keyboard.press("f");
    await page.waitForFunction(() => document.fullscreenElement === null);
  });

  test("the cursor leaves a red trail, and the recorded viewport is scaled to fit", async () => {
    await openReplay(page, server, sessionId, "?t=20");
    const fit = await page.locator('[data-testid="replay-container"]').evaluate((container) => {
      const iframe = container.querySelector("iframe");
      const wrapper = container.querySelector(".replayer-wrapper");
      return {
        iframeWidth: Number(iframe.getAttribute("width")),
        iframeHeight: Number(iframe.getAttribute("height")),
        shown: wrapper.getBoundingClientRect().toJSON(),
        stage: container.getBoundingClientRect().toJSON(),
      };
    });
    assert.equal(fit.iframeWidth, VIEWPORT.width);
    assert.equal(fit.iframeHeight, VIEWPORT.height);
    assert.ok(fit.shown.width <= fit.stage.width + 1 && fit.shown.height <= fit.stage.height + 1, JSON.stringify(fit));
    const scale = Math.min(1, fit.stage.width / VIEWPORT.width, fit.stage.height / VIEWPORT.height);
    assert.ok(Math.abs(fit.shown.width - VIEWPORT.width * scale) < 2, `scaled by ${scale}: ${JSON.stringify(fit)}`);

    await page.click('[data-testid="play-pause"]');
    const redPixels = await page.waitForFunction(
      () => {
        const canvas = document.querySelector('[data-testid="replay-container"] canvas.replayer-mouse-tail');
        if (canvas === null) return 0;
        const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let offset = 0; offset < pixels.length; offset += 4) {
          if (pixels[offset + 3] > 100 && pixels[offset] > 180 && pixels[offset + 1] < 90 && pixels[offset + 2] < 90) count += 1;
        }
        return count > 20 ? count : 0;
      },
      null,
      { timeout: 10_000, polling: 50 },
    );
    assert.ok((await redPixels.jsonValue()) > 20);
    await page.locator('[data-testid="replay-container"]').screenshot({ path: artifactPath("player-mouse-trail.png") });
    await page.click('[data-testid="play-pause"]');
  });

  test("the clock shows the moment in the recorded timezone, or the viewer's, labelled", async () => {
    await openReplay(page, server, sessionId, "?t=65");
    const viewerZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const expectedViewerTime = new Intl.DateTimeFormat("en-US", { timeZone: viewerZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(
      new Date(startMs + 65 * SECOND_MS),
    );
    assert.ok((await page.locator('[data-testid="session-clock"]').innerText()).includes(expectedViewerTime));
    assert.equal(await page.locator('[data-testid="session-timezone"]').getAttribute("data-recorded"), "false");
    assert.match(await page.locator('[data-testid="session-timezone"]').innerText(), /your timezone; the recording has none/);

    await openReplay(page, server, tokyoSessionId, "?t=5");
    await waitForSummary(page);
    await page.locator('[data-testid="session-timezone"][data-recorded="true"]').waitFor();
    assert.equal(await page.locator('[data-testid="session-timezone"]').innerText(), "Asia/Tokyo (recorded)");
    const tokyoStartMs = Number(await page.locator('[data-testid="session-clock"]').getAttribute("data-epoch-ms"));
    const expectedTokyoTime = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(
      new Date(tokyoStartMs),
    );
    assert.ok((await page.locator('[data-testid="session-clock"]').innerText()).includes(expectedTokyoTime));
  });

  test("the URL bar follows page loads", async () => {
    await openReplay(page, server, sessionId, "?t=100");
    assert.equal(await page.locator('[data-testid="current-url"]').innerText(), "⌁\nhttps://shop.example/synthetic".replace("\n", "\n"));
    await openReplay(page, server, sessionId, "?t=650");
    await page.locator('[data-testid="current-url"]', { hasText: "https://shop.example/checkout" }).waitFor();
    const link = page.locator('[data-testid="current-url"] a');
    assert.equal(await link.getAttribute("href"), "https://shop.example/checkout");
    assert.equal(await link.getAttribute("rel"), "noreferrer noopener");
  });
});
