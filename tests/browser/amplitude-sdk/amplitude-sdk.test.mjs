// Issue 4: the official, unmodified Amplitude browser SDK (analytics + Session Replay plugin),
// bundled into a customer-like single-page site on its own origin, pointed at the real reel
// binary. A visitor clicks, types, navigates, reloads, logs, fails a fetch, throws, identifies
// and leaves; then every analytics event the SDK sent is in Reel exactly once, the replay is
// listed with both page loads and linked from the events, and Reel's player plays it.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { build } from "esbuild";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { describePng } from "../png-analysis.mjs";
import { startReelServer } from "../start-server.mjs";
import { startStaticServer } from "../static-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const REPLAY_ID_PROPERTY = "[Amplitude] Session Replay ID";
const REPLAY_CAPTURED = "[Amplitude] Replay Captured";
const INGEST_SETTLE_TIMEOUT_MS = 20_000;
const TYPED_NAME = "Grace Hopper";
const TYPED_EMAIL = "grace.hopper@navy.example";
const sleep = (durationMs) => new Promise((resolveSleep) => setTimeout(resolveSleep, durationMs));

async function bundleSiteScript() {
  const result = await build({
    entryPoints: [join(here, "page-app.js")],
    bundle: true,
    write: false,
    format: "iife",
    target: "chrome120",
    logLevel: "silent",
  });
  return Buffer.from(result.outputFiles[0].contents);
}

async function startCustomerSite(reel) {
  const appScript = await bundleSiteScript();
  return startStaticServer({
    root: join(here, "page"),
    spaFallback: "index.html",
    routes: {
      "/app.js": () => ({ contentType: "text/javascript; charset=utf-8", body: appScript }),
      "/site-config.js": () => ({
        contentType: "text/javascript; charset=utf-8",
        body: `window.SITE_CONFIG = ${JSON.stringify({ reelUrl: reel.baseUrl, apiKey: reel.apiKey })};`,
      }),
      "/api/inventory": () => ({ status: 500, contentType: "application/json", body: '{"error":"inventory service down"}' }),
      "/favicon.ico": () => ({ status: 204, body: "" }),
    },
  });
}

const BEACON_LOG_KEY = "reel-test:beacons";

/**
 * Beacons sent while a page unloads (the SDKs' pagehide flushes) never reach playwright's
 * request events (Chromium sends them after the document is gone), so the test page's
 * navigator.sendBeacon is wrapped to note each call in localStorage before passing it on
 * unchanged; the test reads the notes afterwards from a page of the site without the SDK.
 */
async function noteBeaconsInLocalStorage(context) {
  await context.addInitScript((logKey) => {
    if (!location.protocol.startsWith("http") || typeof navigator.sendBeacon !== "function") {
      return;
    }
    const sendBeacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      const queued = sendBeacon(url, data);
      try {
        const notes = JSON.parse(localStorage.getItem(logKey) ?? "[]");
        notes.push({ url: String(url), queued, body: typeof data === "string" ? data : null, blobType: data instanceof Blob ? data.type : null });
        localStorage.setItem(logKey, JSON.stringify(notes));
      } catch {
        // a full localStorage must not break the page
      }
      return queued;
    };
  }, BEACON_LOG_KEY);
}

async function readBeaconNotes(page, siteUrl) {
  await page.goto(`${siteUrl}/probe.html`);
  return page.evaluate((logKey) => JSON.parse(localStorage.getItem(logKey) ?? "[]"), BEACON_LOG_KEY);
}

/** Everything the browser sent to Reel and everything that left the loopback interface. */
function watchTraffic(context, reelUrl) {
  const traffic = { analyticsBatches: [], unreadableBodies: [], reelAnswers: [], reelFailures: [], offLoopback: [] };
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.hostname !== "127.0.0.1") {
      traffic.offLoopback.push(request.url());
    }
    if (url.origin === reelUrl && url.pathname === "/2/httpapi" && request.method() === "POST") {
      const raw = request.postDataBuffer();
      if (!raw) {
        traffic.unreadableBodies.push(request.url());
        return;
      }
      const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
      const body = JSON.parse((gzipped ? gunzipSync(raw) : raw).toString("utf8"));
      traffic.analyticsBatches.push({ via: "request", gzipped, contentType: request.headers()["content-type"], body });
    }
  });
  context.on("response", (response) => {
    if (response.url().startsWith(reelUrl)) {
      const { pathname } = new URL(response.url());
      traffic.reelAnswers.push({ method: response.request().method(), pathname, status: response.status() });
    }
  });
  context.on("requestfailed", (request) => {
    if (request.url().startsWith(reelUrl)) {
      traffic.reelFailures.push({ url: request.url(), failure: request.failure()?.errorText });
    }
  });
  return traffic;
}

async function waitForRecording(page) {
  await page.waitForFunction(
    () => {
      try {
        return Boolean(window.harbor?.replayProperties()?.["[Amplitude] Session Replay ID"]);
      } catch {
        return false;
      }
    },
    null,
    { timeout: 15_000 },
  );
}

/** A visitor's session on the customer site: two page loads, then the tab goes away. */
async function visitTheSite(page, siteUrl) {
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.goto(`${siteUrl}/`);
  await page.getByRole("heading", { name: "Welcome aboard" }).waitFor();
  await waitForRecording(page);
  const ids = await page.evaluate(() => ({
    deviceId: window.harbor.deviceId(),
    sessionId: window.harbor.sessionId(),
    replayId: window.harbor.replayProperties()["[Amplitude] Session Replay ID"],
  }));
  await page.mouse.move(200, 300, { steps: 12 });
  await page.click("#nav-catalog");
  await page.waitForURL(`${siteUrl}/catalog`);
  await page.click("#add-lantern");
  await page.locator("#status", { hasText: "Storm lantern added" }).waitFor();
  await page.click("#add-rope-12");
  await page.click("#compare"); // does nothing: a dead click after 3 s
  await sleep(3_500);
  await page.locator("#compare").click({ clickCount: 6, delay: 40 }); // rage click
  const box = await page.locator("#compare").boundingBox();
  for (let reversal = 0; reversal < 26; reversal += 1) {
    await page.mouse.move(box.x + (reversal % 2 === 0 ? 20 : 260), box.y + 120, { steps: 2 }); // thrashed cursor
  }

  await page.click("#nav-account");
  await page.waitForURL(`${siteUrl}/account`);
  await page.locator("#full-name").pressSequentially(TYPED_NAME, { delay: 30 });
  await page.locator("#email").pressSequentially(TYPED_EMAIL, { delay: 20 });
  await page.selectOption("#boat-type", "sloop");
  await page.locator("#notes").pressSequentially("Deliver to pier 4", { delay: 20 });
  await page.click("#save-account");
  await page.locator("#status", { hasText: "Account details saved" }).waitFor();
  await page.click("#identify");
  await page.locator("#status", { hasText: "Welcome to Harbor Pro" }).waitFor();

  await page.click("#nav-support");
  await page.waitForURL(`${siteUrl}/support`);
  await page.click("#log-diagnostics");
  await page.click("#load-inventory");
  await page.locator("#status", { hasText: "HTTP 500" }).waitFor();
  await page.click("#crash");
  await page.locator("#status", { hasText: "Opening the tide table" }).waitFor();
  await sleep(2_500); // error-click window, replay batches
  await page.click("#log-diagnostics");
  await sleep(300); // the click's event is queued, not yet flushed (1 s)

  await page.reload(); // pagehide, then the second page load of the same session
  await page.getByRole("heading", { name: "Support desk" }).waitFor();
  await waitForRecording(page);
  const idsAfterReload = await page.evaluate(() => ({ deviceId: window.harbor.deviceId(), sessionId: window.harbor.sessionId() }));
  await page.mouse.move(640, 200, { steps: 10 });
  await page.click("#nav-catalog");
  await page.click("#add-chart-n");
  await page.locator("#status", { hasText: "North coast chart added" }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 200));
  await sleep(2_000);
  await page.click("#add-rope-12");
  await sleep(300);
  await page.goto("about:blank"); // pagehide: the last events go out as beacons
  await sleep(1_500);
  const beacons = await readBeaconNotes(page, siteUrl);
  return { ...ids, idsAfterReload, pageErrors, beacons };
}

async function logInThroughTheUi(page, reel) {
  await page.goto(`${reel.baseUrl}/login`);
  await page.fill("#login-email", reel.adminEmail);
  await page.fill("#login-password", reel.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${reel.baseUrl}/`);
}

async function getJson(page, url) {
  const answer = await page.request.get(url);
  assert.equal(answer.status(), 200, `GET ${url} → ${answer.status()}: ${await answer.text()}`);
  return answer.json();
}

async function findSession(page, reelUrl, deviceId, sessionId) {
  const deadlineMs = Date.now() + INGEST_SETTLE_TIMEOUT_MS;
  while (Date.now() < deadlineMs) {
    const { sessions } = await getJson(page, `${reelUrl}/api/v1/sessions?limit=50`);
    const session = sessions.find((candidate) => candidate.device_id === deviceId && candidate.session_id === sessionId);
    if (session) {
      return { session, listed: sessions };
    }
    await sleep(500);
  }
  const { sessions } = await getJson(page, `${reelUrl}/api/v1/sessions?limit=50`);
  throw new Error(`no session for ${deviceId}/${sessionId} in ${JSON.stringify(sessions)}`);
}

/** Reads the session's analytics events until every sent insert_id is there (or time is up). */
async function readStoredEvents(page, reelUrl, storedSessionId, sentInsertIds) {
  const url = `${reelUrl}/api/v1/sessions/${encodeURIComponent(storedSessionId)}/events`;
  const deadlineMs = Date.now() + INGEST_SETTLE_TIMEOUT_MS;
  let events = [];
  while (Date.now() < deadlineMs) {
    ({ events } = await getJson(page, url));
    const stored = new Set(events.map((event) => event.insert_id));
    if ([...sentInsertIds].every((insertId) => stored.has(insertId))) {
      break;
    }
    await sleep(500);
  }
  await sleep(1_000); // late duplicates would show up now
  return (await getJson(page, url)).events;
}

test("the unmodified Amplitude SDK records into Reel and Reel plays it back", { timeout: 180_000 }, async (t) => {
  const reel = await startReelServer();
  t.after(() => reel.stop());
  const site = await startCustomerSite(reel);
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const traffic = watchTraffic(browser.context, reel.baseUrl);
  await noteBeaconsInLocalStorage(browser.context);

  const visitor = await browser.context.newPage();
  const visit = await visitTheSite(visitor, site.baseUrl);
  await visitor.close();
  for (const beacon of visit.beacons) {
    if (beacon.url === `${reel.baseUrl}/2/httpapi`) {
      assert.ok(beacon.queued, "the browser queued the analytics beacon");
      traffic.analyticsBatches.push({ via: "beacon", gzipped: false, contentType: "text/plain;charset=UTF-8", body: JSON.parse(beacon.body) });
    }
  }
  writeFileSync(artifactPath("amplitude-sent-batches.json"), JSON.stringify(traffic.analyticsBatches, null, 1));

  assert.match(visit.deviceId, /^[0-9a-f-]{36}$/);
  assert.ok(visit.sessionId > 0);
  assert.deepEqual(visit.idsAfterReload, { deviceId: visit.deviceId, sessionId: visit.sessionId }, "the reload kept the session");
  const expectedReplayId = `${visit.deviceId}/${visit.sessionId}`;
  assert.equal(visit.replayId, expectedReplayId);
  assert.ok(visit.pageErrors.some((message) => message.includes("tide table is not loaded")), JSON.stringify(visit.pageErrors));
  assert.deepEqual(traffic.offLoopback, [], "nothing may leave the loopback interface");
  assert.deepEqual(traffic.unreadableBodies, [], "every analytics request body was readable");
  const badAnswers = traffic.reelAnswers.filter((answer) => answer.status >= 300);
  assert.deepEqual(badAnswers, [], "Reel answered every SDK request with 2xx");
  assert.ok(site.requests.some((request) => request.path.startsWith("/api/inventory") && request.status === 500));

  // What the SDK sent, by insert_id (a retry re-sends the same insert_id).
  const sentById = new Map();
  for (const batch of traffic.analyticsBatches) {
    assert.equal(batch.body.api_key, reel.apiKey);
    for (const event of batch.body.events) {
      sentById.set(event.insert_id, event);
    }
  }
  const sent = [...sentById.values()];
  const sentTypes = new Set(sent.map((event) => event.event_type));
  for (const expectedType of [
    "session_start",
    "$identify",
    "[Amplitude] Page Viewed",
    "[Amplitude] Element Clicked",
    "[Amplitude] Element Changed",
    "[Amplitude] Form Started",
    "[Amplitude] Form Submitted",
    "[Amplitude] Network Request",
    "[Amplitude] Rage Click",
    "[Amplitude] Dead Click",
    "[Amplitude] Error Click",
  ]) {
    assert.ok(sentTypes.has(expectedType), `the SDK sent no ${expectedType}; sent: ${[...sentTypes].join(", ")}`);
  }
  assert.ok(traffic.analyticsBatches.some((batch) => batch.gzipped), "some analytics batches were gzipped");
  assert.ok(traffic.analyticsBatches.some((batch) => batch.via === "beacon"), "a pagehide flushed analytics by beacon");
  const replayBeacons = visit.beacons.filter((beacon) => beacon.url.startsWith(`${reel.baseUrl}/sessions/v2/track?`));
  assert.ok(replayBeacons.length >= 1, `replay exit beacons: ${JSON.stringify(visit.beacons.map((beacon) => beacon.url))}`);
  for (const event of sent) {
    assert.equal(event.device_id, visit.deviceId);
    assert.equal(event.session_id, visit.sessionId);
  }

  const viewer = await browser.context.newPage();
  await logInThroughTheUi(viewer, reel);
  const { session } = await findSession(viewer, reel.baseUrl, visit.deviceId, visit.sessionId);
  assert.equal(session.replay_id, expectedReplayId);
  assert.ok(session.page_count >= 2, `page_count ${session.page_count}`);

  const stored = await readStoredEvents(viewer, reel.baseUrl, session.id, new Set(sentById.keys()));
  writeFileSync(artifactPath("amplitude-stored-events.json"), JSON.stringify(stored, null, 1));
  const storedCounts = new Map();
  for (const event of stored) {
    storedCounts.set(event.insert_id, (storedCounts.get(event.insert_id) ?? 0) + 1);
  }
  const missing = sent.filter((event) => !storedCounts.has(event.insert_id)).map((event) => `${event.event_type} ${event.insert_id}`);
  assert.deepEqual(missing, [], "every event the SDK sent is stored");
  const duplicated = [...storedCounts].filter(([, count]) => count > 1);
  assert.deepEqual(duplicated, [], "no event is stored twice");
  const unexpected = stored.filter((event) => !sentById.has(event.insert_id) && event.event_type !== REPLAY_CAPTURED);
  assert.deepEqual(unexpected, [], "Reel stored only what the SDK sent (plus Replay Captured)");
  assert.equal(stored.filter((event) => event.event_type === REPLAY_CAPTURED).length, 1, "one Replay Captured");

  for (const storedEvent of stored) {
    const sentEvent = sentById.get(storedEvent.insert_id);
    const label = `${storedEvent.event_type} ${storedEvent.insert_id}`;
    assert.equal(storedEvent.device_id, visit.deviceId, label);
    assert.equal(storedEvent.session_id, visit.sessionId, label);
    if (sentEvent === undefined) {
      assert.equal(storedEvent.event_properties?.[REPLAY_ID_PROPERTY], expectedReplayId, label);
      continue;
    }
    assert.equal(storedEvent.event_type, sentEvent.event_type, label);
    assert.equal(storedEvent.time, sentEvent.time, label);
    if (sentEvent.event_properties?.[REPLAY_ID_PROPERTY] !== undefined) {
      assert.equal(sentEvent.event_properties[REPLAY_ID_PROPERTY], expectedReplayId, label);
      assert.equal(storedEvent.event_properties?.[REPLAY_ID_PROPERTY], expectedReplayId, label);
    }
  }
  const linked = stored.filter((event) => event.event_properties?.[REPLAY_ID_PROPERTY] === expectedReplayId);
  const clicks = stored.filter((event) => event.event_type === "[Amplitude] Element Clicked");
  assert.ok(clicks.length >= 5 && clicks.every((event) => linked.includes(event)), "clicks carry the replay id");
  // Reel answers user_properties as the user's properties after the event's operations (as
  // Amplitude's exports do), not as the raw $set operation.
  const identifySent = sent.find((event) => event.event_type === "$identify" && event.user_properties?.$set?.plan === "pro");
  assert.ok(identifySent, "the SDK sent the identify with $set");
  const identify = stored.find((event) => event.insert_id === identifySent.insert_id);
  assert.equal(identify.user_properties?.plan, "pro", JSON.stringify(identify.user_properties));
  assert.equal(identify.user_properties?.boat_type, "sloop");
  const failedRequest = stored.find((event) => event.event_type === "[Amplitude] Network Request");
  assert.equal(failedRequest.event_properties["[Amplitude] Status Code"], 500);
  const storedText = JSON.stringify(stored);
  assert.ok(!storedText.includes(TYPED_NAME) && !storedText.includes(TYPED_EMAIL), "typed values are not in analytics");

  const recording = await getJson(viewer, `${reel.baseUrl}/api/v1/sessions/${encodeURIComponent(session.id)}/recording`);
  writeFileSync(artifactPath("amplitude-recording.json"), JSON.stringify(recording));
  const recordingText = JSON.stringify(recording.events);
  const metaEvents = recording.events.filter((event) => event.type === 4);
  assert.ok(metaEvents.length >= 2, `Meta events: ${metaEvents.length}`);
  assert.ok(recording.events.filter((event) => event.type === 2).length >= 2, "a full snapshot per page load");
  assert.ok(recordingText.includes("Harbor Supplies"));
  assert.ok(
    recording.events.some((event) => event.type === 6 && event.data.plugin === "rrweb/console@1" && JSON.stringify(event.data.payload).includes("3 days old")),
    "the console output is in the replay",
  );
  assert.ok(
    recording.events.some((event) => event.type === 5 && event.data.tag === "fetch-request" && event.data.payload.status === 500),
    "the failed fetch is in the replay",
  );
  assert.ok(!recordingText.includes(TYPED_NAME) && !recordingText.includes(TYPED_EMAIL), "typed values are masked in the replay");

  // Reel's player plays the Amplitude recording.
  await viewer.goto(`${reel.baseUrl}/replays/${encodeURIComponent(session.id)}`);
  await viewer.locator('[data-testid="player"][data-status="ready"]').waitFor({ timeout: 15_000 });
  const iframe = viewer.locator('[data-testid="replay-container"] iframe');
  await iframe.waitFor({ state: "attached" });
  const sandbox = (await iframe.getAttribute("sandbox"))?.split(/\s+/) ?? [];
  assert.ok(sandbox.includes("allow-same-origin") && !sandbox.includes("allow-scripts"), `sandbox: ${sandbox.join(" ")}`);
  await viewer.click('[data-testid="play-pause"]');
  await viewer.locator('[data-testid="play-pause"][data-state="playing"]').waitFor();
  const replayFrame = await (await iframe.elementHandle()).contentFrame();
  await replayFrame.waitForFunction(() => document.body !== null && document.body.innerText.includes("Harbor Supplies"), null, {
    timeout: 10_000,
  });
  await viewer.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.getAttribute("aria-valuenow")) > 0, null, {
    timeout: 10_000,
  });
  await sleep(1_000);
  const containerPng = await viewer.locator('[data-testid="replay-container"]').screenshot({ path: artifactPath("amplitude-replay-container.png") });
  await viewer.screenshot({ path: artifactPath("amplitude-replay-page.png") });
  const picture = describePng(containerPng);
  assert.ok(picture.distinctColors > 20, `the replay looks blank: ${JSON.stringify(picture)}`);
  assert.ok(picture.luminanceStandardDeviation > 10, `the replay looks flat: ${JSON.stringify(picture)}`);
});
