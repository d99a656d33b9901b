// From User Lookup to a chart: alice's events ticked (out of time order) → Create Chart → Event
// Segmentation (one series per distinct event type) or Funnel (steps in time order), each page
// opened from its URL and run with data; at most 10 events can be ticked.
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { readTable } from "../analytics/segmentation-fixtures.mjs";
import { readFunnelTable, usersOf } from "../analytics/funnel-fixtures.mjs";
import { eventRow, openLookupFromNav, openUser, searchFor, startLookupServer } from "./lookup-fixtures.mjs";

const DAY_MS = 86_400_000;

async function openAlice(page, server) {
  await openLookupFromNav(page, server);
  await searchFor(page, { query: "user-alice", by: "user_id" });
  await openUser(page, "user-alice");
}

/** Ticks A1's Purchase, then its Page Viewed, then its Add to Cart. */
async function tickA1OutOfOrder(page, A1) {
  for (const index of [2, 0, 1]) {
    const [eventType, time] = A1.events[index];
    await eventRow(page, eventType, time).locator('[data-testid="lookup-event-checkbox"]').check();
  }
  assert.equal(await page.locator('[data-testid="selected-count"]').innerText(), "3 of 10 events selected");
}

async function createChart(page, item) {
  await page.click('[data-testid="create-chart"]');
  await page.locator('[data-testid="create-chart-menu"]').waitFor();
  await page.click(`[data-testid="${item}"]`);
}

test("ticked events become an Event Segmentation and a Funnel with data", { timeout: 120_000 }, async (t) => {
  const { server, page, plan } = await startLookupServer(t);
  const { A1 } = plan.sessions;
  await openAlice(page, server);
  assert.equal(await page.locator('[data-testid="create-chart"]').isDisabled(), true, "nothing ticked yet");
  await tickA1OutOfOrder(page, A1);
  await page.click('[data-testid="create-chart"]');
  await page.screenshot({ path: artifactPath("user-lookup-create-chart.png") });
  await page.click('[data-testid="create-chart"]'); // closes the menu again

  // Event Segmentation: A, B, C in the order alice did them; uniques over the last 30 days.
  const [segmentationAnswer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith("/analytics/segmentation") && response.request().method() === "POST"),
    createChart(page, "create-segmentation"),
  ]);
  assert.equal(segmentationAnswer.status(), 200);
  await page.waitForURL(/\/analytics\/segmentation\?series=/);
  const series = JSON.parse(new URL(page.url()).searchParams.get("series"));
  assert.deepEqual(series, [{ event_type: "Page Viewed" }, { event_type: "Add to Cart" }, { event_type: "Purchase" }]);
  await page.locator('[data-testid="segmentation-results"]').waitFor();
  const editors = await page.$$eval('[data-testid="series-event-type"]', (inputs) => inputs.map((input) => input.value));
  assert.deepEqual(editors, ["Page Viewed", "Add to Cart", "Purchase"], "the form shows the series");
  const rows = await readTable(page);
  assert.deepEqual(rows.map((row) => [row.series, row.label, row.total]), [["A", "Page Viewed", "4"], ["B", "Add to Cart", "2"], ["C", "Purchase", "1"]]);
  await page.screenshot({ path: artifactPath("user-lookup-to-segmentation.png") });

  // Back to alice (the URL kept her), tick again, Funnel: steps in time order, a 1-day window.
  await page.goBack();
  await page.locator('[data-testid="user-profile"][data-user-key="user-alice"]').waitFor();
  await tickA1OutOfOrder(page, A1);
  const [funnelAnswer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith("/analytics/funnel") && response.request().method() === "POST"),
    createChart(page, "create-funnel"),
  ]);
  assert.equal(funnelAnswer.status(), 200);
  await page.waitForURL(/\/analytics\/funnels\?steps=/);
  const params = new URL(page.url()).searchParams;
  assert.deepEqual(JSON.parse(params.get("steps")), [{ event_type: "Page Viewed" }, { event_type: "Add to Cart" }, { event_type: "Purchase" }]);
  assert.equal(Number(params.get("window_ms")), DAY_MS);
  await page.locator('[data-testid="funnel-results"]').waitFor();
  assert.deepEqual(usersOf(await readFunnelTable(page), ""), [4, 2, 1]);
  await page.screenshot({ path: artifactPath("user-lookup-to-funnel.png") });
});

test("at most 10 events can be ticked; the 11th is refused with a message", { timeout: 90_000 }, async (t) => {
  const { server, page } = await startLookupServer(t);
  await openAlice(page, server);
  const boxes = page.locator('[data-testid="lookup-event-checkbox"]');
  assert.ok((await boxes.count()) >= 11, "alice has more than 10 events");
  for (let index = 0; index < 10; index += 1) {
    await boxes.nth(index).check();
  }
  assert.equal(await page.locator('[data-testid="selected-count"]').innerText(), "10 of 10 events selected");
  await boxes.nth(10).click();
  assert.equal(await boxes.nth(10).isChecked(), false, "the 11th stays unticked");
  assert.match(await page.locator('[data-testid="selection-notice"]').innerText(), /At most 10 events/);
  assert.equal(await page.locator('[data-testid="selected-count"]').innerText(), "10 of 10 events selected");
  await page.screenshot({ path: artifactPath("user-lookup-limit.png") });

  // One unticked, the 11th goes in and the message is gone.
  await boxes.nth(0).uncheck();
  await boxes.nth(10).check();
  assert.equal(await page.locator('[data-testid="selection-notice"]').count(), 0);
  assert.equal(await page.locator('[data-testid="selected-count"]').innerText(), "10 of 10 events selected");
  // A funnel of 10 steps is allowed; Clear empties the selection.
  await page.click('[data-testid="clear-selection"]');
  assert.equal(await page.locator('[data-testid="selected-count"]').innerText(), "0 of 10 events selected");
});
