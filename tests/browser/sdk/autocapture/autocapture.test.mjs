// Autocapture: page views (load and SPA), element clicks, field changes and forms become
// Amplitude-compatible analytics events on the wire and in the server's event store, each
// linked to the replay, and no typed value reaches the server.
import assert from "node:assert/strict";
import { dirname } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { artifactPath, launchChromium } from "../../launch-browser.mjs";
import { startReelServer } from "../../start-server.mjs";
import { loginToReel, readAnalyticsEvents, readRecording, readSdkIds, sleep, startStaticSite, waitFor, waitForStoredSession } from "../sdk-test-support.mjs";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function decodeBody(request) {
  const buffer = request.postDataBuffer();
  return JSON.parse((buffer[0] === 0x1f && buffer[1] === 0x8b ? gunzipSync(buffer) : buffer).toString("utf8"));
}

test("page views, clicks, changes and forms become analytics events linked to the replay", { timeout: 90_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  const site = await startStaticSite(dirname(fileURLToPath(import.meta.url)), { serverUrl: server.baseUrl, apiKey: server.apiKey });
  t.after(() => site.stop());
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  const analyticsRequests = [];
  page.on("request", (request) => {
    if (request.url() === `${server.baseUrl}/2/httpapi`) {
      analyticsRequests.push({ body: decodeBody(request), answer: request.response().then((response) => response?.json()) });
    }
  });

  await page.goto(`${site.baseUrl}/page.html`);
  const ids = await readSdkIds(page);
  await page.waitForFunction(() => window.Reel.isRecording() === true);
  const typedName = `Ada ${Date.now()}`;
  const typedPassword = `pw-${Math.random().toString(36).slice(2)}`;
  await page.click("#add-mug");
  await page.click("#masked-button");
  await page.fill("#name", typedName);
  await page.fill("#password", typedPassword);
  await page.selectOption("#shipping", "express");
  await page.click("#spa-next");
  await page.waitForURL(/step=2/);
  await page.click("#place-order");
  await page.goBack(); // popstate: another page view
  await sleep(300);
  await page.evaluate(() => window.Reel.flush());
  await page.screenshot({ path: artifactPath("sdk-autocapture-page.png") });

  // on the wire: Amplitude's HTTP API v2 body, success read from the JSON code
  const sentEvents = analyticsRequests.flatMap((request) => request.body.events);
  assert.ok(analyticsRequests.length > 0, "analytics events were sent");
  for (const { body, answer } of analyticsRequests) {
    assert.equal(body.api_key, server.apiKey);
    assert.deepEqual(body.options, {});
    assert.match(body.client_upload_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal((await answer).code, 200);
  }
  const eventIds = sentEvents.map((event) => event.event_id);
  assert.deepEqual(eventIds, [...eventIds].sort((first, second) => first - second), "event_id increases");
  for (const event of sentEvents) {
    assert.equal(event.device_id, ids.deviceId);
    assert.equal(event.session_id, ids.sessionId);
    assert.match(event.insert_id, UUID_PATTERN);
    assert.equal(event.library, "reel-sdk/0.1.0");
    assert.equal(event.platform, "Web");
    assert.equal(event.ip, "$remote");
    assert.equal(event.language, "en-US");
    assert.match(event.user_agent, /Chrome/);
    assert.ok(Math.abs(event.time - Date.now()) < 60_000);
    assert.equal(event.event_properties["[Amplitude] Session Replay ID"], `${ids.deviceId}/${ids.sessionId}`);
    assert.equal(event.event_properties["[Amplitude] Page Domain"], "127.0.0.1");
  }

  // stored by the server, in order
  const api = await loginToReel(server);
  const session = await waitForStoredSession(api, ids.deviceId, ids.sessionId);
  const stored = await waitFor("the analytics events", async () => {
    const answer = await readAnalyticsEvents(api, session.id);
    return answer.events.some((event) => event.event_type === "[Amplitude] Form Submitted") && answer.events.filter((event) => event.event_type === "[Amplitude] Page Viewed").length >= 3 ? answer : null;
  });
  const ofType = (type) => stored.events.filter((event) => event.event_type === type);
  const pageViews = ofType("[Amplitude] Page Viewed");
  assert.deepEqual(pageViews.map((event) => event.event_properties["[Amplitude] Page Counter"]), [1, 2, 3]);
  assert.equal(pageViews[0].event_properties["[Amplitude] Previous Page Type"], "direct");
  assert.equal(pageViews[1].event_properties["[Amplitude] Page Location"], `${site.baseUrl}/page.html?step=2#top`);
  assert.equal(pageViews[1].event_properties["[Amplitude] Page URL"], `${site.baseUrl}/page.html`);
  assert.equal(pageViews[1].event_properties["[Amplitude] Previous Page Type"], "internal");
  assert.equal(new Set(pageViews.map((event) => event.event_properties["[Amplitude] Page View ID"])).size, 3);

  const clicks = ofType("[Amplitude] Element Clicked");
  const addToCart = clicks.find((event) => event.event_properties["[Amplitude] Element ID"] === "add-mug");
  assert.ok(addToCart, JSON.stringify(clicks.map((event) => event.event_properties["[Amplitude] Element ID"])));
  const properties = addToCart.event_properties;
  assert.equal(properties["[Amplitude] Element Tag"], "button");
  assert.equal(properties["[Amplitude] Element Text"], "Add to cart");
  assert.equal(properties["[Amplitude] Element Path"], "button#add-mug");
  assert.deepEqual(properties["[Amplitude] Element Attributes"], { sku: "mug-blue" });
  assert.equal(properties["[Amplitude] Element Aria Label"], "Add the blue mug");
  assert.equal(properties["[Amplitude] Element Hierarchy"][0].id, "add-mug");
  assert.equal(properties["[Amplitude] Element Hierarchy"][1].id, "product-mug");
  assert.equal(properties["[Amplitude] Page URL"], `${site.baseUrl}/page.html`);
  assert.equal(properties["[Amplitude] Page Title"], "Autocapture test shop");
  assert.equal(properties["[Amplitude] Viewport Width"], 1280);
  assert.equal(properties["[Amplitude] Page View ID"], pageViews[0].event_properties["[Amplitude] Page View ID"]);
  const maskedClick = clicks.find((event) => event.event_properties["[Amplitude] Element ID"] === "masked-button");
  assert.equal(maskedClick.event_properties["[Amplitude] Element Text"], "*****", "data-amp-mask hides the text");

  const changed = ofType("[Amplitude] Element Changed").map((event) => event.event_properties["[Amplitude] Element ID"]);
  assert.deepEqual(changed, ["name", "shipping"], "no change event for the password field");
  assert.equal(ofType("[Amplitude] Form Started").length, 1);
  assert.equal(ofType("[Amplitude] Form Submitted")[0].event_properties["[Amplitude] Form ID"], "checkout");
  for (const event of stored.events) {
    assert.equal(event.event_properties["[Amplitude] Session Replay ID"], `${ids.deviceId}/${ids.sessionId}`, event.event_type);
  }
  assert.equal(new Set(stored.events.map((event) => event.insert_id)).size, stored.events.length);

  const recording = await readRecording(api, session.id);
  for (const secret of [typedName, typedPassword]) {
    assert.ok(!stored.text.includes(secret), `the analytics events contain "${secret}"`);
    assert.ok(!recording.text.includes(secret), `the recording contains "${secret}"`);
    assert.ok(!JSON.stringify(sentEvents).includes(secret));
  }
});
