// The panels beside the replay and the timeline markers, against the real binary: the event stream
// (analytics display names, or derived from the recording), its filters, highlight and jumps; the
// console (levels, search, jumps, failed requests, runtime errors, recorded text shown as text);
// markers for errors, rage and dead clicks and page views, with details on hover.
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
  waitForSummary,
  waitUntilSettled,
} from "./player-test-support.mjs";
import { clickEvent, consoleEvent, syntheticSessionBatches } from "./synthetic-session.mjs";

const SESSION_MS = 6 * MINUTE_MS;
const RAGE_AT_MS = 150 * SECOND_MS;
const HOSTILE_LOG = '<img src=x onerror="window.__consolePwned=1">';
const sleep = (durationMs) => new Promise((resolve) => setTimeout(resolve, durationMs));

function recording(startMs) {
  const rageClicks = [0, 150, 300, 450, 600].map((delayMs) => clickEvent(startMs + RAGE_AT_MS + delayMs));
  return syntheticSessionBatches({
    startMs,
    durationMs: SESSION_MS,
    errorAtMs: [60 * SECOND_MS],
    hrefAt: (offsetMs) => (offsetMs >= 5 * MINUTE_MS ? "https://shop.example/cart" : "https://shop.example/synthetic"),
    extraEvents: [...rageClicks, consoleEvent(startMs + 90 * SECOND_MS, "log", HOSTILE_LOG)],
  });
}

async function postAnalyticsEvents(server, deviceId, startMs) {
  const replayId = `${deviceId}/${startMs}`;
  const event = (insertId, eventType, offsetMs, properties) => ({
    event_type: eventType,
    device_id: deviceId,
    session_id: startMs,
    time: startMs + offsetMs,
    insert_id: insertId,
    event_properties: { ...properties, "[Amplitude] Session Replay ID": replayId },
  });
  const answer = await fetch(`${server.baseUrl}/2/httpapi`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      api_key: server.apiKey,
      events: [
        event("page-1", "[Amplitude] Page Viewed", 10, { "[Amplitude] Page Title": "Synthetic shop", "[Amplitude] Page Location": "https://shop.example/synthetic" }),
        event("click-1", "[Amplitude] Element Clicked", 20_600, { "[Amplitude] Element Text": "Add to cart", "[Amplitude] Element Tag": "button" }),
        event("custom-1", "Checkout Started", 30_000, { step: 1 }),
      ],
    }),
  });
  assert.equal(answer.status, 200, await answer.text());
}

/** The server computes frustration signals once the session's segments close. */
async function waitForSignals(page, server, sessionId, kind) {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const { signals } = await (await page.request.get(`${server.baseUrl}/api/v1/sessions/${sessionId}`)).json();
    if ((signals ?? []).some((signal) => signal.kind === kind)) {
      return signals;
    }
    await sleep(500);
  }
  throw new Error(`no ${kind} signal for ${sessionId}`);
}

async function streamItems(page) {
  return page.locator('[data-testid="stream-item"]').evaluateAll((rows) =>
    rows.map((row) => ({ kind: row.dataset.kind, timeMs: Number(row.dataset.timeMs), text: row.innerText, current: row.dataset.current === "true" })),
  );
}

describe("event stream, console and timeline markers", { timeout: 240_000 }, () => {
  let server;
  let browser;
  let page;
  let startMs;
  let analyticsSessionId;
  let plainSessionId;

  before(async () => {
    server = await startReelServer();
    browser = await launchChromium();
    startMs = Date.now() - 4 * 60 * MINUTE_MS;
    const withAnalytics = await ingestSession(server, { startMs, batches: recording(startMs) });
    await postAnalyticsEvents(server, withAnalytics.deviceId, startMs);
    const plain = await ingestSession(server, { startMs: startMs - 60 * MINUTE_MS, batches: recording(startMs - 60 * MINUTE_MS) });
    page = await browser.context.newPage();
    await logIn(page, server);
    analyticsSessionId = await storedSessionId(page, server, withAnalytics.deviceId);
    plainSessionId = await storedSessionId(page, server, plain.deviceId);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("analytics events show with the server's display names", async () => {
    const { events } = await (await page.request.get(`${server.baseUrl}/api/v1/sessions/${analyticsSessionId}/events`)).json();
    const clickName = events.find((event) => event.event_type === "[Amplitude] Element Clicked").display_name;
    await openReplay(page, server, analyticsSessionId);
    await waitForSummary(page);
    const items = await streamItems(page);
    assert.ok(items.some((item) => item.kind === "click" && item.text.includes(clickName)), `"${clickName}" in ${JSON.stringify(items.slice(0, 8))}`);
    assert.ok(items.some((item) => item.kind === "page" && item.text.includes("Viewed Synthetic shop")));
    assert.ok(items.some((item) => item.kind === "custom" && item.text.includes("Checkout Started")));
    assert.ok(items.some((item) => item.kind === "error" && item.text.includes("Synthetic failure at 60s")), "runtime errors from the recording");
    assert.ok(items.some((item) => item.kind === "error" && item.text.includes("console.error")), "console errors from the recording");
    await page.locator('[data-testid="stream-source"]', { hasText: "Analytics events of this session" }).waitFor();
    await page.screenshot({ path: artifactPath("player-event-stream.png") });
  });

  test("without analytics events the stream is derived from the recording", async () => {
    await page.route("**/api/v1/sessions/*/events", (route) =>
      route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: { code: "not_found", message: "API route not found" } }) }),
    );
    try {
      await openReplay(page, server, plainSessionId);
      await waitForSummary(page);
      await page.locator('[data-testid="stream-source"]', { hasText: "Derived from the recording" }).waitFor();
      const items = await streamItems(page);
      const kinds = new Set(items.map((item) => item.kind));
      for (const kind of ["page", "click", "error", "network"]) {
        assert.ok(kinds.has(kind), `a ${kind} item: ${[...kinds]}`);
      }
      assert.ok(items.some((item) => item.kind === "click" && item.text.includes("Clicked 'Add to cart' button")));
      assert.ok(items.some((item) => item.kind === "page" && item.text.includes("https://shop.example/cart")), "the navigation to the cart");
      assert.equal(items.filter((item) => item.kind === "page").length, 2, "periodic snapshots of the same page are no page views");
    } finally {
      await page.unroute("**/api/v1/sessions/*/events");
    }
  });

  test("filters by type, highlights the current event while playing, and jumps on selection", async () => {
    await openReplay(page, server, plainSessionId, "?t=55");
    await waitForSummary(page);
    await page.click('[data-testid="stream-filter-click"]');
    assert.equal(await page.locator('[data-testid="stream-item"][data-kind="click"]').count(), 0);
    assert.ok((await page.locator('[data-testid="stream-item"][data-kind="error"]').count()) > 0);
    await page.click('[data-testid="stream-filter-click"]');
    assert.ok((await page.locator('[data-testid="stream-item"][data-kind="click"]').count()) > 0);

    const plainStartMs = startMs - 60 * MINUTE_MS;
    const currentBefore = (await streamItems(page)).find((item) => item.current);
    assert.ok(currentBefore.timeMs <= plainStartMs + 55 * SECOND_MS);
    await page.click('[data-testid="skip-inactivity"]');
    await page.click('[data-testid="speed-2"]');
    await page.click('[data-testid="play-pause"]');
    await page.waitForFunction(
      (afterMs) => {
        const current = document.querySelector('[data-testid="stream-item"][data-current="true"]');
        return current !== null && Number(current.dataset.timeMs) >= afterMs;
      },
      plainStartMs + 60 * SECOND_MS,
      { timeout: 15_000 },
    );
    await page.click('[data-testid="play-pause"]');

    const target = page.locator('[data-testid="stream-item"][data-kind="network"]').first();
    const targetMs = Number(await target.getAttribute("data-time-ms"));
    await page.locator('[data-testid="stream-item"][data-kind="page"]').last().click();
    await waitUntilSettled(page);
    await target.click();
    await waitUntilSettled(page);
    assert.equal((await playerState(page)).currentMs, targetMs);
    assert.equal(await target.getAttribute("data-current"), "true");
  });

  test("the console: chronological, level filters, search, jumps, requests and runtime errors, text only", async () => {
    await openReplay(page, server, plainSessionId);
    await waitForSummary(page);
    await page.click('[data-testid="console-toggle"]');
    const panel = page.locator('[data-testid="console-panel"]');
    await panel.waitFor();
    const entries = await page.locator('[data-testid="console-entry"]').evaluateAll((rows) =>
      rows.map((row) => ({ category: row.dataset.category, timeMs: Number(row.dataset.timeMs), text: row.innerText })),
    );
    assert.deepEqual(
      entries.map((entry) => entry.timeMs),
      [...entries.map((entry) => entry.timeMs)].sort((left, right) => left - right),
      "in time order",
    );
    const categories = new Set(entries.map((entry) => entry.category));
    for (const category of ["log", "warn", "error", "network"]) {
      assert.ok(categories.has(category), `${category} entries: ${[...categories]}`);
    }
    assert.ok(entries.some((entry) => /runtime error/i.test(entry.text) && entry.text.includes("Synthetic failure at 60s")));
    assert.ok(entries.some((entry) => entry.category === "network" && entry.text.includes("POST https://shop.example/api/cart → 500")));
    const hostile = entries.find((entry) => entry.text.includes("onerror"));
    assert.ok(hostile !== undefined && hostile.text.includes(HOSTILE_LOG), "recorded markup shows as text");
    assert.equal(await panel.locator("img").count(), 0);
    assert.equal(await page.evaluate(() => window.__consolePwned), undefined);

    await page.click('[data-testid="console-filter-log"]');
    assert.equal(await page.locator('[data-testid="console-entry"][data-category="log"]').count(), 0);
    await page.click('[data-testid="console-filter-log"]');
    await page.fill('[data-testid="console-search"]', "minute 3");
    await page.keyboard.press("Space"); // typed into the search field: must not start playback
    assert.equal(await page.locator('[data-testid="play-pause"]').getAttribute("data-state"), "paused");
    await page.fill('[data-testid="console-search"]', "minute 3");
    const found = page.locator('[data-testid="console-entry"]');
    assert.equal(await found.count(), 1);
    assert.match(await found.innerText(), /error message at minute 3/);
    const foundMs = Number(await found.getAttribute("data-time-ms"));
    await found.click();
    await waitUntilSettled(page);
    assert.equal((await playerState(page)).currentMs, foundMs);
    await page.screenshot({ path: artifactPath("player-console.png") });
  });

  test("timeline markers for errors, rage clicks, dead clicks and page views; hover details, click jumps", async () => {
    await waitForSignals(page, server, plainSessionId, "rage_click");
    await openReplay(page, server, plainSessionId);
    await waitForSummary(page);
    const markers = await page.locator('[data-testid="timeline-marker"]').evaluateAll((buttons) =>
      buttons.map((button) => ({ kind: button.dataset.kind, timeMs: Number(button.dataset.timeMs) })),
    );
    const kinds = new Set(markers.map((marker) => marker.kind));
    for (const kind of ["error", "rage-click", "dead-click", "navigation"]) {
      assert.ok(kinds.has(kind), `${kind} marker: ${[...kinds]}`);
    }
    const rage = page.locator('[data-testid="timeline-marker"][data-kind="rage-click"]').first();
    await rage.hover();
    const tooltip = page.locator('[data-testid="timeline-tooltip"]');
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), /rage click/i);
    await page.screenshot({ path: artifactPath("player-marker-hover.png") });
    const rageMs = Number(await rage.getAttribute("data-time-ms"));
    await rage.click();
    await waitUntilSettled(page);
    assert.equal((await playerState(page)).currentMs, rageMs);

    const error = page.locator('[data-testid="timeline-marker"][data-kind="error"]').first();
    await error.hover();
    await page.locator('[data-testid="timeline-tooltip"]', { hasText: "Synthetic failure" }).first().waitFor();
  });

  test("a session API without signals still shows error and page markers", async () => {
    await page.route(`**/api/v1/sessions/${plainSessionId}`, async (route) => {
      const answer = await route.fetch();
      const body = await answer.json();
      delete body.signals;
      await route.fulfill({ response: answer, json: body });
    });
    await page.route("**/api/v1/sessions/*/events", (route) =>
      route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ error: { code: "not_found", message: "API route not found" } }) }),
    );
    try {
      await openReplay(page, server, plainSessionId);
      await waitForSummary(page);
      const kinds = await page.locator('[data-testid="timeline-marker"]').evaluateAll((buttons) => [...new Set(buttons.map((button) => button.dataset.kind))]);
      assert.ok(kinds.includes("error") && kinds.includes("navigation"), `${kinds}`);
      assert.ok(!kinds.includes("rage-click"), `${kinds}`);
    } finally {
      await page.unroute(`**/api/v1/sessions/${plainSessionId}`);
      await page.unroute("**/api/v1/sessions/*/events");
    }
  });
});
