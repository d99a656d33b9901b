// Funnel Analysis: events sent through the Amplitude HTTP API, a three-step funnel built in the UI;
// the table against counts worked out by hand, a filter, group-by, the conversion window, the CSV
// export, the point menu, a shareable URL, errors, and a chart that is not blank.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { describePng } from "../png-analysis.mjs";
import { STEPS, funnelEvents, readFunnelTable, runFunnel, usersOf } from "./funnel-fixtures.mjs";
import { openChartPage, streamUserIds, utcDay } from "./segmentation-fixtures.mjs";

const stepInputs = (page) => page.locator('[data-testid="step-event-type"]');


test("Funnel Analysis counts users step by step, by group and window, and exports them", { timeout: 120_000 }, async (t) => {
  const nowMs = Date.now();
  // From the navigation; two empty steps, a 1-day window, the last 30 days ending today (UTC).
  const { page } = await openChartPage(t, { events: funnelEvents(nowMs), navLabel: "Funnels", path: "/analytics/funnels" });
  await page.waitForSelector('[data-testid="funnel-page"]');
  assert.equal(await stepInputs(page).count(), 2);
  assert.equal(await page.inputValue('[data-testid="window-value"]'), "1");
  assert.equal(await page.inputValue('[data-testid="window-unit"]'), "days");
  assert.equal(await page.inputValue('[data-testid="start-date"]'), utcDay(29, nowMs));
  assert.equal(await page.inputValue('[data-testid="end-date"]'), utcDay(0, nowMs));

  // An empty step is refused before any request.
  await page.click('[data-testid="run-query"]');
  assert.match(await page.locator('[role="alert"]').innerText(), /Step 1: choose an event/);

  // Built out of order, then put right with "move up".
  await stepInputs(page).nth(0).fill(STEPS[0]);
  await stepInputs(page).nth(1).fill(STEPS[2]);
  await page.click('[data-testid="add-step"]');
  await stepInputs(page).nth(2).fill(STEPS[1]);
  await page.locator('[data-testid="move-step-up"]').nth(2).click();
  assert.deepEqual(await stepInputs(page).evaluateAll((inputs) => inputs.map((input) => input.value)), STEPS);

  // 5 → 3 → 2: dan added to the cart before viewing, eve's cart is 2 days after her view, finn viewed 40 days ago.
  await runFunnel(page);
  assert.match(page.url(), /[?&]steps=.*[&]window_ms=86400000/);
  let table = await readFunnelTable(page);
  assert.deepEqual(Object.keys(table), [""]);
  assert.deepEqual(table[""], {
    1: { users: "5", first: "100%", previous: "—", dropped: "—", median: "—" },
    2: { users: "3", first: "60%", previous: "60%", dropped: "2", median: "20m" },
    3: { users: "2", first: "40%", previous: "66.67%", dropped: "1", median: "1h 5m" },
  });

  // The point menu of a bar (the middle one: step 2): the users who reached it (anna, ben, cleo)
  // and those who dropped off before it (dan viewed after his cart, eve's cart came 2 days later).
  const chart = page.locator('[data-testid="funnel-chart"]');
  assert.equal(await chart.getAttribute("data-step-count"), "3");
  const openMenu = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await chart.boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + 250);
    const menu = page.locator('[data-testid="point-menu"]');
    await menu.waitFor();
    return menu;
  };
  let menu = await openMenu();
  assert.match(await menu.innerText(), /All users[\s\S]*2\. Add to Cart: 3 users \(60%\)/);
  await page.screenshot({ path: artifactPath("funnel-point-menu.png"), fullPage: true });
  const [converted] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().endsWith("/analytics/funnel/users")),
    menu.locator('[data-testid="view-user-streams"]').click(),
  ]);
  const convertedBody = converted.postDataJSON();
  assert.deepEqual([convertedBody.step, convertedBody.dropped_off, "group" in convertedBody, convertedBody.query.steps.length], [1, false, false, 3]);
  assert.deepEqual(await streamUserIds(page), ["user-anna", "user-ben", "user-cleo"]);
  await page.click('[data-testid="close-user-streams"]');
  await page.locator('[data-testid="user-streams"]').waitFor({ state: "detached" });

  menu = await openMenu();
  const [dropped] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().endsWith("/analytics/funnel/users")),
    menu.locator('[data-testid="view-dropped-off"]').click(),
  ]);
  assert.deepEqual([dropped.postDataJSON().step, dropped.postDataJSON().dropped_off], [1, true]);
  assert.deepEqual(await streamUserIds(page), ["user-dan", "user-eve"]);
  await page.click('[data-testid="close-user-streams"]');
  await page.locator('[data-testid="user-streams"]').waitFor({ state: "detached" });

  // A filter on the last step: only anna's purchase is over 100 (dan's is out of order).
  await page.locator('[data-testid="step-editor"][data-step="3"] [data-testid="add-filter"]').click();
  await page.fill('[data-testid="filter-name"]', "amount");
  await page.selectOption('[data-testid="filter-operator"]', "greater_than");
  await page.fill('[data-testid="filter-values"]', "100");
  await runFunnel(page);
  assert.deepEqual(usersOf(await readFunnelTable(page), ""), [5, 3, 1]);
  await page.click('[data-testid="remove-filter"]');

  // Grouped by the page view's utm_source: all users first, then the groups by users at step 1.
  await page.click('[data-testid="add-group-by"]');
  await page.fill('[data-testid="group-by-name"]', "utm_source");
  await runFunnel(page);
  table = await readFunnelTable(page);
  assert.deepEqual(Object.keys(table), ["", "ads", "newsletter"]);
  assert.deepEqual(usersOf(table, ""), [5, 3, 2]);
  assert.deepEqual(usersOf(table, "ads"), [3, 2, 1]);
  assert.deepEqual(usersOf(table, "newsletter"), [2, 1, 1]);
  assert.equal(table.ads[3].first, "33.33%");
  assert.equal(table.newsletter[3].previous, "100%");
  assert.equal(await chart.getAttribute("data-series-count"), "3");

  // A 3-day window lets eve's cart and purchase count.
  await page.fill('[data-testid="window-value"]', "3");
  await runFunnel(page);
  assert.match(page.url(), /[&]window_ms=259200000/);
  table = await readFunnelTable(page);
  assert.deepEqual(usersOf(table, ""), [5, 4, 3]);
  assert.deepEqual(table[""][2], { users: "4", first: "80%", previous: "80%", dropped: "1", median: "30m" });
  assert.deepEqual(table[""][3], { users: "3", first: "60%", previous: "75%", dropped: "1", median: "1h 5m" });
  assert.deepEqual(usersOf(table, "ads"), [3, 2, 1]);
  assert.deepEqual(usersOf(table, "newsletter"), [2, 2, 2]);

  // The CSV: a line per group and step, the raw numbers.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  assert.equal(download.suggestedFilename(), `funnel-${utcDay(29, nowMs)}-to-${utcDay(0, nowMs)}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  assert.deepEqual(csv.split("\r\n"), [
    "group,step,event_type,users,percent_of_first,percent_of_previous,dropped_off,median_time_to_convert_ms",
    ",1,Page Viewed,5,100,100,0,0",
    ",2,Add to Cart,4,80,80,1,1800000",
    ",3,Purchase,3,60,75,1,3900000",
    "ads,1,Page Viewed,3,100,100,0,0",
    "ads,2,Add to Cart,2,66.66666666666667,66.66666666666667,1,1200000",
    "ads,3,Purchase,1,33.333333333333336,50,1,3900000",
    "newsletter,1,Page Viewed,2,100,100,0,0",
    "newsletter,2,Add to Cart,2,100,100,0,172800000",
    "newsletter,3,Purchase,2,100,100,0,174600000",
    "",
  ]);

  // The chart is drawn and not blank.
  await page.screenshot({ path: artifactPath("funnel.png"), fullPage: true });
  const chartPicture = describePng(await chart.screenshot({ path: artifactPath("funnel-chart.png") }));
  assert.ok(chartPicture.distinctColors > 50, `chart looks blank: ${JSON.stringify(chartPicture)}`);

  // The URL holds the query: a reload shows the same funnel.
  await page.reload();
  await page.waitForSelector('[data-testid="funnel-row"]');
  assert.deepEqual(await stepInputs(page).evaluateAll((inputs) => inputs.map((input) => input.value)), STEPS);
  assert.equal(await page.inputValue('[data-testid="window-value"]'), "3");
  assert.equal(await page.inputValue('[data-testid="group-by-name"]'), "utm_source");
  assert.deepEqual(usersOf(await readFunnelTable(page), "newsletter"), [2, 2, 2]);

  // A window the server would refuse is caught first; the server's own refusals are shown as they come.
  await page.fill('[data-testid="window-value"]', "400");
  await page.click('[data-testid="run-query"]');
  assert.match(await page.locator('[role="alert"]').innerText(), /1 second to 366 days/);
  await page.fill('[data-testid="window-value"]', "1");
  await page.fill('[data-testid="group-by-name"]', 'utm"source');
  await runFunnel(page);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /group_by/);
  assert.equal(await page.locator('[data-testid="funnel-results"]').count(), 0);
});
