// User Lookup: finding users by user id, device id and a user property (and any of them); alice's
// profile (ids, properties, first and last seen, sessions; country and platform in a test of their
// own, for a recorded and an unrecorded user); her events grouped
// by session, newest first, the recorded one marked; the chosen user kept in the URL; Play Session
// opening the replay at the chosen event's moment.
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { waitForHeadline } from "../player/player-test-support.mjs";
import { headlineAt } from "../player/synthetic-session.mjs";
import { eventRow, openLookupFromNav, openUser, readStream, searchFor, startLookupServer } from "./lookup-fixtures.mjs";

const text = (page, testId) => page.locator(`[data-testid="${testId}"]`).innerText();

test("users are found by user id, device id, a user property or any of them", { timeout: 90_000 }, async (t) => {
  const { server, page } = await startLookupServer(t);
  await openLookupFromNav(page, server);
  await page.locator('[data-testid="lookup-hint"]').waitFor();

  assert.deepEqual((await searchFor(page, { query: "user-ali", by: "user_id" })).sort(), ["user-alice", "user-alicia"], "user ids by prefix");
  assert.match(page.url(), /\/users\?q=user-ali&by=user_id$/);
  assert.deepEqual(await searchFor(page, { query: "USER-BOB", by: "user_id" }), ["user-bob"], "case-insensitive");
  assert.deepEqual(await searchFor(page, { query: "device-carol", by: "device_id" }), ["device-carol-xyz"], "device ids by prefix");
  const carol = page.locator('[data-testid="user-match"][data-user-key="device-carol-xyz"]');
  assert.match(await carol.innerText(), /device device-carol-xyz/);
  assert.deepEqual(await searchFor(page, { query: "user-bob", by: "device_id" }), [], "a user id is not a device id");
  assert.equal(await text(page, "user-search-empty"), "No users match.");

  assert.deepEqual((await searchFor(page, { query: "acme", by: "user_property", property: "company" })).sort(), ["device-carol-xyz", "user-alice"], "property values by contains");
  assert.match(page.url(), /by=user_property&property=company/);
  await page.screenshot({ path: artifactPath("user-lookup-search.png") });
  assert.deepEqual(await searchFor(page, { query: "premium", by: "user_property", property: "plan" }).then((keys) => keys.sort()), ["device-carol-xyz", "user-alice"]);
  assert.deepEqual(await searchFor(page, { query: "user-bob", by: "any" }), ["user-bob"]);

  // A property search without the property's name is stopped by the form.
  await page.selectOption('[data-testid="user-search-by"]', "user_property");
  await page.fill('[data-testid="user-search-property"]', "");
  await page.click('[data-testid="user-search-submit"]');
  assert.equal(await text(page, "user-search-problem"), "Name the user property to search in.");
});

test("alice's profile and event stream; the user stays in the URL; Play Session opens the replay at the event", { timeout: 120_000 }, async (t) => {
  const { server, page, plan } = await startLookupServer(t);
  await openLookupFromNav(page, server);
  await searchFor(page, { query: "user-alice", by: "user_id" });
  await openUser(page, "user-alice");
  assert.match(page.url(), /[?&]user=user-alice$/);

  const { A1, A2, A3 } = plan.sessions;
  assert.equal(await text(page, "profile-user-id"), "user-alice");
  assert.match(await text(page, "profile-device-ids"), /device-alice/);
  const properties = await page.$$eval('[data-testid="profile-property"]', (rows) => Object.fromEntries(rows.map((row) => [row.dataset.name, row.querySelector("td").textContent])));
  assert.equal(properties.plan, "premium");
  assert.equal(properties.company, "Acme Corp");
  assert.equal(Number(await page.getAttribute('[data-testid="profile-first-seen"]', "data-ms")), A1.events[0][1], "first seen: the first event");
  // Last seen: the last event, or the end of the recording after it (the contract leaves this open; the server takes the recording's end).
  const replaySession = (await (await page.request.get(`${server.baseUrl}/api/v1/sessions?limit=50`)).json()).sessions.find((session) => session.device_id === "device-alice");
  const lastSeenMs = Number(await page.getAttribute('[data-testid="profile-last-seen"]', "data-ms"));
  assert.ok(lastSeenMs >= A3.events.at(-1)[1] && lastSeenMs <= replaySession.end_time_ms, `last seen ${lastSeenMs}: from the last event to the recording's end`);
  assert.equal(await text(page, "profile-session-count"), "3");

  const stream = await readStream(page);
  assert.deepEqual(stream.map((session) => session.sessionId), [A3.sessionId, A2.sessionId, A1.sessionId], "newest session first");
  assert.deepEqual(stream.map((session) => [session.hasReplay, session.badge]), [[true, true], [false, false], [false, false]], "only the recorded session is marked");
  const isSignal = (eventType) => /^\[Amplitude\] (Dead|Rage|Error) Click$/.test(eventType);
  assert.deepEqual(stream[0].events.filter((eventType) => !isSignal(eventType)), ["[Amplitude] Replay Captured", "Page Viewed", "Add to Cart", "Purchase"]);
  assert.ok(stream[0].events.some(isSignal), "the recording's dead clicks are listed too");
  for (const session of stream) {
    assert.deepEqual(session.times, [...session.times].sort((left, right) => left - right), "oldest event first");
  }
  assert.deepEqual(stream[1].events, A2.events.map(([eventType]) => eventType));
  assert.deepEqual(stream[2].events, A1.events.map(([eventType]) => eventType));

  // The chosen user survives a reload.
  await page.reload();
  await page.locator('[data-testid="user-profile"][data-user-key="user-alice"]').waitFor();
  assert.equal(await page.locator('[data-testid="user-match"][aria-current="true"]').getAttribute("data-user-key"), "user-alice");

  // Play Session: off until an event of a recorded session is chosen.
  const play = page.locator('[data-testid="play-session"]');
  assert.equal(await play.isDisabled(), true);
  await eventRow(page, "Add to Cart", A1.events[1][1]).locator("button").click();
  assert.equal(await play.isDisabled(), true, "A1 has no replay");
  const [addToCart, addToCartTime] = A3.events[1];
  await eventRow(page, addToCart, addToCartTime).locator("button").click();
  assert.equal(await play.isDisabled(), false);
  await page.setViewportSize({ width: 1280, height: 1150 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifactPath("user-lookup-profile.png") });
  await page.setViewportSize({ width: 1280, height: 800 });

  const offsetSeconds = Math.floor((addToCartTime - replaySession.start_time_ms) / 1_000);
  assert.equal(offsetSeconds, 95);
  await play.click();
  await page.waitForURL(`${server.baseUrl}/replays/${encodeURIComponent(replaySession.id)}?t=${offsetSeconds}`);
  await page.locator('[data-testid="player"][data-status="ready"]').waitFor({ timeout: 20_000 });
  await waitForHeadline(page, headlineAt(95_000));
  await page.screenshot({ path: artifactPath("user-lookup-play-session.png") });
});

test("the profile's country and platform come from the user's own events, recorded or not", { timeout: 90_000 }, async (t) => {
  const { server, page } = await startLookupServer(t);
  await openLookupFromNav(page, server);
  await searchFor(page, { query: "user-ali", by: "user_id" });
  await openUser(page, "user-alicia");
  assert.equal(await text(page, "profile-country"), "United States (US)");
  assert.equal(await text(page, "profile-platform"), "Web");
  // alice's newest events are the ones the server derives from her recording (dead and error
  // clicks), which carry no country or platform; her own events all say US and Web.
  await openUser(page, "user-alice");
  assert.equal(await text(page, "profile-country"), "United States (US)");
  assert.equal(await text(page, "profile-platform"), "Web");
});
