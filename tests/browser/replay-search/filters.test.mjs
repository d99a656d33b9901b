// Session Replays list: every filter kind of "+ Add Filter", each shown to list a matching
// session and leave out one that does not match. One server and browser for the file.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { DE_ADDRESS, US_ADDRESS, ingestSession, sendSessionEvents, startReelServerBehindProxy, waitForSearch } from "./replay-fixtures.mjs";
import { applyFilterForm, assertListed, changeList, chooseFilterKind, fillPropertyFilter, logInWithChromium, openReplayList, removeAllFilterChips } from "./replay-ui.mjs";

const cleanups = [];
let server;
let page;
let pageErrors;

const HOUR_MS = 3_600_000;

/** The people of this file; each `filter` test names who must be listed and who must not. */
async function seedSessions() {
  const nowMs = Date.now();
  const at = (hoursAgo) => nowMs - hoursAgo * HOUR_MS;
  const plain = await ingestSession(server, { deviceId: "plain-visitor", userId: "user-plain", startMs: at(1), urls: ["https://shop.example/pricing"], clicks: 2, durationMs: 20_000, forwardedFor: US_ADDRESS });
  await ingestSession(server, { deviceId: "rage-visitor", userId: "user-rage", startMs: at(2), rage: true, durationMs: 12_000, forwardedFor: DE_ADDRESS });
  await ingestSession(server, { deviceId: "dead-visitor", userId: "user-dead", startMs: at(3), dead: true, durationMs: 12_000 });
  await ingestSession(server, { deviceId: "error-visitor", userId: "user-error", startMs: at(4), errors: 2, durationMs: 8_000 });
  const long = await ingestSession(server, {
    deviceId: "long-visitor",
    userId: "user-long",
    startMs: at(5),
    urls: ["https://shop.example/home", "https://shop.example/checkout?step=2"],
    clicks: 1,
    durationMs: 300_000,
  });
  const cheap = await ingestSession(server, { deviceId: "cheap-visitor", userId: "user-cheap", startMs: at(6), durationMs: 40_000 });
  await sendSessionEvents(server, plain, [{ event_type: "Page Viewed", event_properties: { path: "/pricing" }, user_properties: { plan: "free" } }]);
  await sendSessionEvents(server, long, [
    { event_type: "Page Viewed", event_properties: { path: "/checkout" }, user_properties: { plan: "pro" } },
    { event_type: "Purchase", event_properties: { price: 120, coupon: "WINTER" } },
  ]);
  await sendSessionEvents(server, cheap, [{ event_type: "Purchase", event_properties: { price: 5 }, user_properties: { plan: "pro" } }]);
}

before(async () => {
  server = await startReelServerBehindProxy();
  cleanups.push(() => server.stop());
  await seedSessions();
  ({ page, pageErrors } = await logInWithChromium(server, (cleanup) => cleanups.push(cleanup)));
  // The signals worker runs about every second after ingest.
  const days = { start_date: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), end_date: new Date().toISOString().slice(0, 10) };
  const listed = (deviceId) => (sessions) => sessions.some((session) => session.device_id === deviceId);
  await waitForSearch(page, server, { ...days, filters: [{ kind: "has_dead_click" }] }, listed("dead-visitor"), "the dead click");
  await waitForSearch(page, server, { ...days, filters: [{ kind: "has_rage_click" }] }, listed("rage-visitor"), "the rage clicks");
});

after(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
});

async function startFromAllSessions() {
  await openReplayList(page, server);
  await removeAllFilterChips(page);
  await assertListed(page, { listed: ["plain-visitor", "rage-visitor", "dead-visitor", "error-visitor", "long-visitor", "cheap-visitor"] });
}

async function chipTexts() {
  return page.locator('[data-testid="filter-chip"]').allInnerTexts();
}

test("Has error lists the session with runtime errors only", async () => {
  await startFromAllSessions();
  await changeList(page, () => chooseFilterKind(page, "has_error"));
  assert.match((await chipTexts())[0], /Has error/);
  await assertListed(page, { listed: ["error-visitor"], excluded: ["plain-visitor", "cheap-visitor"] });
});

test("Has rage click lists the rage clicker, not the dead click", async () => {
  await startFromAllSessions();
  await changeList(page, () => chooseFilterKind(page, "has_rage_click"));
  await assertListed(page, { listed: ["rage-visitor"], excluded: ["dead-visitor", "plain-visitor"] });
  const badges = await page.locator('[data-testid="session-row"][data-device-id="rage-visitor"] [data-testid="frustration-cell"]').innerText();
  assert.match(badges, /rage/);
});

test("Has dead click lists the unanswered click on the image", async () => {
  await startFromAllSessions();
  await changeList(page, () => chooseFilterKind(page, "has_dead_click"));
  await assertListed(page, { listed: ["dead-visitor"], excluded: ["plain-visitor", "error-visitor"] });
});

test("Duration keeps sessions between the minimum and the maximum (seconds)", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "duration");
  await page.fill('[data-testid="duration-min"]', "15");
  await page.fill('[data-testid="duration-max"]', "60");
  await applyFilterForm(page);
  assert.match((await chipTexts())[0], /Duration 15s – 1m 00s/);
  await assertListed(page, { listed: ["plain-visitor", "cheap-visitor"], excluded: ["long-visitor", "error-visitor"] });
  await removeAllFilterChips(page);
  await chooseFilterKind(page, "duration");
  await page.fill('[data-testid="duration-min"]', "120");
  await applyFilterForm(page);
  await assertListed(page, { listed: ["long-visitor"], excluded: ["plain-visitor", "cheap-visitor"] });
});

test("Country keeps sessions from the chosen countries (resolved from X-Forwarded-For)", async () => {
  await startFromAllSessions();
  const countryOf = (deviceId) => page.locator(`[data-testid="session-row"][data-device-id="${deviceId}"] [data-testid="country-cell"]`).innerText();
  assert.equal(await countryOf("plain-visitor"), "US");
  assert.equal(await countryOf("rage-visitor"), "DE");
  assert.equal(await countryOf("dead-visitor"), "—");
  await chooseFilterKind(page, "country");
  await page.fill('[data-testid="country-codes"]', "us");
  await applyFilterForm(page);
  assert.match((await chipTexts())[0], /Country: US/);
  await assertListed(page, { listed: ["plain-visitor"], excluded: ["rage-visitor", "dead-visitor"] });
  await page.screenshot({ path: artifactPath("replay-search-country.png") });
});

test("URL visited matches any page of the session, by contains or is", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "url_visited");
  await page.fill('[data-testid="url-value"]', "checkout");
  await applyFilterForm(page);
  await assertListed(page, { listed: ["long-visitor"], excluded: ["plain-visitor", "cheap-visitor"] });
  await removeAllFilterChips(page);
  await chooseFilterKind(page, "url_visited");
  await page.selectOption('[data-testid="url-operator"]', "is");
  await page.fill('[data-testid="url-value"]', "https://shop.example/pricing");
  await applyFilterForm(page);
  await assertListed(page, { listed: ["plain-visitor"], excluded: ["long-visitor", "cheap-visitor"] });
});

test("Event performed with an event-property filter", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "event_performed");
  await page.fill('[data-testid="performed-event-type"]', "Purchase");
  await page.click('[data-testid="performed-add-where"]');
  await fillPropertyFilter(page.locator('[data-testid="filter-form"] [data-testid="filter-row"]'), { name: "price", operator: "greater_than", values: "100" });
  await page.screenshot({ path: artifactPath("replay-search-event-performed-form.png") });
  await applyFilterForm(page);
  assert.match((await chipTexts())[0], /Performed Purchase where price greater than 100/);
  await assertListed(page, { listed: ["long-visitor"], excluded: ["cheap-visitor", "plain-visitor"] });
});

test("Event property keeps sessions holding an event with that property", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "event_property");
  await fillPropertyFilter(page.locator('[data-testid="filter-form"] [data-testid="filter-row"]'), { name: "coupon", operator: "is", values: "WINTER" });
  await applyFilterForm(page);
  await assertListed(page, { listed: ["long-visitor"], excluded: ["cheap-visitor", "plain-visitor"] });
});

test("User property matches the user's current properties", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "user_property");
  await fillPropertyFilter(page.locator('[data-testid="filter-form"] [data-testid="filter-row"]'), { name: "plan", operator: "is", values: "pro" });
  await applyFilterForm(page);
  assert.match((await chipTexts())[0], /User property: plan is pro/);
  await assertListed(page, { listed: ["long-visitor", "cheap-visitor"], excluded: ["plain-visitor", "rage-visitor"] });
});

test("Cohort: made inline (user property and event performed), then picked from the saved ones", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "cohort");
  const form = page.locator('[data-testid="cohort-create"]');
  await form.waitFor();
  await page.fill('[data-testid="cohort-name"]', "Big spenders on pro");
  await page.click('[data-testid="cohort-add-user-filter"]');
  await fillPropertyFilter(form.locator(':scope > [data-testid="filter-row"]'), { name: "plan", operator: "is", values: "pro" });
  await page.click('[data-testid="cohort-add-event"]');
  await page.fill('[data-testid="cohort-event-type"]', "Purchase");
  await page.click('[data-testid="cohort-add-where"]');
  await fillPropertyFilter(form.locator('.cohort-event [data-testid="filter-row"]'), { name: "price", operator: "greater_than", values: "100" });
  await page.screenshot({ path: artifactPath("replay-search-cohort-form.png") });
  await changeList(page, () => page.click('[data-testid="save-cohort"]'));
  await page.locator('[data-testid="filter-chip"]', { hasText: "Cohort: Big spenders on pro" }).waitFor();
  await assertListed(page, { listed: ["long-visitor"], excluded: ["cheap-visitor", "plain-visitor"] });

  const saved = await (await page.request.get(`${server.baseUrl}/api/v1/projects/1/cohorts`)).json();
  assert.equal(saved.cohorts.length, 1);
  assert.deepEqual(saved.cohorts[0].definition.performed, [{ event_type: "Purchase", filters: [{ property: { scope: "event", name: "price" }, operator: "greater_than", values: ["100"] }] }]);

  await removeAllFilterChips(page);
  await chooseFilterKind(page, "cohort");
  await page.locator('[data-testid="cohort-select"]').waitFor();
  assert.match(await page.locator('[data-testid="cohort-select"]').innerText(), /Big spenders on pro/);
  await applyFilterForm(page);
  await assertListed(page, { listed: ["long-visitor"], excluded: ["cheap-visitor"] });
});

test("filters combine with AND, show as chips, survive a reload and leave no page errors", async () => {
  await startFromAllSessions();
  await chooseFilterKind(page, "user_property");
  await fillPropertyFilter(page.locator('[data-testid="filter-form"] [data-testid="filter-row"]'), { name: "plan", operator: "is", values: "pro" });
  await applyFilterForm(page);
  await chooseFilterKind(page, "duration");
  await page.fill('[data-testid="duration-max"]', "60");
  await applyFilterForm(page);
  await assertListed(page, { listed: ["cheap-visitor"], excluded: ["long-visitor", "plain-visitor"] });
  await page.click('[data-testid="add-filter"]');
  await page.screenshot({ path: artifactPath("replay-search-filter-menu.png") });
  await page.keyboard.press("Escape");
  await page.reload();
  await page.locator('[data-testid="replay-results"][data-state="loaded"]').waitFor();
  assert.equal((await chipTexts()).length, 2);
  await assertListed(page, { listed: ["cheap-visitor"], excluded: ["long-visitor"] });
  await page.screenshot({ path: artifactPath("replay-search-filters.png") });
  assert.deepEqual(pageErrors, []);
});
