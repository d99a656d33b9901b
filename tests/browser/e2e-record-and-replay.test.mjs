// End to end: a shopper's visit to the demo shop is recorded by the SDK, stored by the real reel
// binary, listed in the web UI and replayed in a sandboxed iframe, and what the shopper typed
// into the password and card fields is stored nowhere.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { test } from "node:test";
import { artifactPath, launchChromium } from "./launch-browser.mjs";
import { describePng } from "./png-analysis.mjs";
import { startReelServer } from "./start-server.mjs";

const SESSION_LIST_TIMEOUT_MS = 10_000;
const sleep = (durationMs) => new Promise((resolveSleep) => setTimeout(resolveSleep, durationMs));

/** Clicks around the demo shop like a shopper; returns what was typed and the SDK's ids. */
async function shopInTheDemo(page, baseUrl) {
  const typed = {
    name: "Ada Lovelace",
    email: "ada@example.com",
    password: `pw-${randomBytes(8).toString("hex")}`,
    card: `4111${String(Math.floor(Math.random() * 1e12)).padStart(12, "0")}`,
  };
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const ingestAnswers = [];
  page.on("response", (response) => {
    if (response.url().includes("/api/v1/ingest")) {
      ingestAnswers.push({ status: response.status(), contentEncoding: response.request().headers()["content-encoding"] ?? null });
    }
  });

  await page.goto(`${baseUrl}/demo/`);
  await page.getByRole("heading", { name: "Reel Demo Shop" }).waitFor();
  await page.waitForFunction(() => window.Reel && window.Reel.getSessionId() !== null);
  await page.click("#image-button");
  await page.click("#product-backpack");
  await page.waitForURL(/\/demo\/product\.html\?id=backpack$/);
  await page.click("#add-to-cart");
  await page.locator("#cart-message").waitFor({ state: "visible" });
  await page.click("#nav-cart");
  await page.waitForURL(/\/demo\/cart\.html$/);
  await page.locator(".cart-line").first().waitFor();
  await page.fill("#checkout-name", typed.name);
  await page.fill("#checkout-email", typed.email);
  await page.locator("#checkout-password").pressSequentially(typed.password, { delay: 5 });
  await page.locator("#checkout-card").pressSequentially(typed.card, { delay: 5 });
  await page.click("#dead-button");
  await page.click("#broken-button");
  await sleep(300); // let rrweb's throttled input and mouse events fire
  await page.evaluate(() => window.Reel.flush()); // the normal path: gzip + bearer key
  const ids = await page.evaluate(() => ({ deviceId: window.Reel.getDeviceId(), sessionId: window.Reel.getSessionId() }));
  await page.click("#place-order");
  await page.locator("#order-confirmation").waitFor({ state: "visible" });
  await page.goto("about:blank"); // pagehide: the SDK hands what is left to keepalive requests
  return { typed, pageErrors, ingestAnswers, ...ids };
}

async function logInThroughTheUi(page, server) {
  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);
}

async function findSessionRow(page, deviceId) {
  const row = page.locator('[data-testid="session-row"]', { hasText: deviceId });
  const deadlineMs = Date.now() + SESSION_LIST_TIMEOUT_MS;
  while (Date.now() < deadlineMs) {
    if ((await row.count()) > 0) {
      return row.first();
    }
    await sleep(500);
    await page.click('[data-testid="refresh"]');
  }
  throw new Error(`no session row for device ${deviceId} within ${SESSION_LIST_TIMEOUT_MS} ms`);
}

test("a demo shop visit is recorded, listed and replayed without the typed secrets", { timeout: 120_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());

  const shopper = await browser.context.newPage();
  const visit = await shopInTheDemo(shopper, server.baseUrl);
  assert.match(visit.deviceId, /^[0-9a-f-]{36}$/);
  assert.ok(visit.sessionId > 0, "the SDK started a session");
  assert.ok(visit.pageErrors.some((message) => message.includes("lookUp")), "the Track order button threw");
  assert.ok(visit.ingestAnswers.some((answer) => answer.contentEncoding === "gzip" && answer.status === 200), JSON.stringify(visit.ingestAnswers));
  assert.ok(visit.ingestAnswers.every((answer) => answer.status === 200), JSON.stringify(visit.ingestAnswers));

  const viewer = await browser.context.newPage();
  await logInThroughTheUi(viewer, server);
  await viewer.locator('[data-testid="api-key"]', { hasText: server.apiKey }).waitFor();
  await viewer.click('.app-nav a[href="/replays"]');
  const row = await findSessionRow(viewer, visit.deviceId);
  await viewer.screenshot({ path: artifactPath("session-list.png"), fullPage: true });

  await row.locator('[data-testid="session-link"]').click();
  await viewer.waitForURL(/\/replays\/[^/]+$/);
  const storedSessionId = decodeURIComponent(new URL(viewer.url()).pathname.split("/").pop());
  await viewer.locator('[data-testid="player"][data-status="ready"]').waitFor({ timeout: 15_000 });

  const iframe = viewer.locator('[data-testid="replay-container"] iframe');
  await iframe.waitFor({ state: "attached" });
  const sandbox = await iframe.getAttribute("sandbox");
  assert.notEqual(sandbox, null, "the replay iframe is sandboxed");
  assert.ok(sandbox.split(/\s+/).includes("allow-same-origin"), `sandbox is "${sandbox}"`);
  assert.ok(!sandbox.split(/\s+/).includes("allow-scripts"), `sandbox must not allow scripts: "${sandbox}"`);

  await viewer.click('[data-testid="play-pause"]');
  await viewer.locator('[data-testid="play-pause"][data-state="playing"]').waitFor();
  const replayFrame = await (await iframe.elementHandle()).contentFrame();
  await replayFrame.waitForFunction(() => document.body !== null && document.body.innerText.includes("Reel Demo Shop"), null, {
    timeout: 10_000,
  });
  await viewer.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.getAttribute("aria-valuenow")) > 0, null, {
    timeout: 10_000,
  });

  const containerPng = await viewer.locator('[data-testid="replay-container"]').screenshot({ path: artifactPath("replay-container.png") });
  await viewer.screenshot({ path: artifactPath("replay-page.png") });
  const picture = describePng(containerPng);
  assert.ok(picture.distinctColors > 20, `the replay looks blank: ${JSON.stringify(picture)}`);
  assert.ok(picture.luminanceStandardDeviation > 10, `the replay looks flat: ${JSON.stringify(picture)}`);

  const sessionAnswer = await viewer.request.get(`${server.baseUrl}/api/v1/sessions/${encodeURIComponent(storedSessionId)}`);
  assert.equal(sessionAnswer.status(), 200);
  const { session } = await sessionAnswer.json();
  assert.equal(session.device_id, visit.deviceId);
  assert.equal(session.session_id, visit.sessionId);
  assert.ok(session.page_count >= 3, `pages: ${session.page_count}`);
  assert.ok(session.error_count >= 1, `errors: ${session.error_count}`);

  const recordingAnswer = await viewer.request.get(`${server.baseUrl}/api/v1/sessions/${encodeURIComponent(storedSessionId)}/recording`);
  assert.equal(recordingAnswer.status(), 200);
  const recordingText = await recordingAnswer.text();
  writeFileSync(artifactPath("recording.json"), recordingText);
  assert.ok(recordingText.includes("Reel Demo Shop"), "the recording holds the demo page");
  assert.ok(recordingText.includes("reel.error"), "the recording holds the runtime error");
  const { events } = JSON.parse(recordingText);
  const environments = events.filter((event) => event.type === 5 && event.data.tag === "reel.environment");
  assert.ok(environments.length >= 1, "every keyframe is followed by the recorded environment");
  assert.match(String(environments[0].data.payload.timezone), /^[A-Za-z_]+(\/[A-Za-z_+\-]+)*$|^UTC$/, "an IANA timezone");
  const maskedInputs = events.filter((event) => event.type === 3 && event.data.source === 5 && /^\*+$/.test(event.data.text ?? ""));
  assert.ok(maskedInputs.length > 0, "typing was recorded, as asterisks");
  for (const secret of [visit.typed.password, visit.typed.card]) {
    assert.ok(!recordingText.includes(secret), `the recording contains a typed secret: ${secret}`);
    assert.ok(!JSON.stringify(session).includes(secret));
  }
});
