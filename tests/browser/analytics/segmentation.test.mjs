// Event Segmentation: events sent through the Amplitude HTTP API, charted in the UI; the table,
// group-by, frequency, the CSV export, errors, a shareable URL, and a chart that is not blank.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { describePng } from "../png-analysis.mjs";
import { assertDays, openChartPage, readTable, runQuery, songEvents, utcDay } from "./segmentation-fixtures.mjs";

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

test("Event Segmentation charts uniques, totals, groups and frequency, and exports them", { timeout: 120_000 }, async (t) => {
  const nowMs = Date.now();
  // Reachable from the navigation; the last 30 days ending today (UTC) by default.
  const { page } = await openChartPage(t, { events: songEvents(nowMs), navLabel: "Event Segmentation", path: "/analytics/segmentation" });
  assert.equal(await page.inputValue('[data-testid="start-date"]'), utcDay(29, nowMs));
  assert.equal(await page.inputValue('[data-testid="end-date"]'), utcDay(0, nowMs));

  // A series without an event is refused before any request.
  await page.click('[data-testid="run-query"]');
  assert.match(await page.locator('[role="alert"]').innerText(), /Series A: choose an event/);

  await page.fill('[data-testid="series-event-type"]', "Song Played");
  await runQuery(page);
  let rows = await readTable(page);
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.equal(rows[0].series, "A");
  assert.equal(rows[0].label, "Song Played");
  assertDays(rows[0], [2, 3, 1], 4, nowMs);
  assert.match(page.url(), /[?&]series=.*[&]measure=uniques/);

  await page.selectOption('[data-testid="measure"]', "totals");
  await runQuery(page);
  rows = await readTable(page);
  assertDays(rows[0], [3, 5, 2], 10, nowMs);

  // Filtered: rock or pop only (songs without those genres drop out).
  await page.click('[data-testid="add-filter"]');
  await page.fill('[data-testid="filter-name"]', "genre");
  await page.fill('[data-testid="filter-values"]', "rock, pop");
  await runQuery(page);
  assertDays((await readTable(page))[0], [2, 4, 0], 6, nowMs);
  await page.click('[data-testid="remove-filter"]');

  await page.click('[data-testid="add-group-by"]');
  await page.selectOption('[data-testid="group-by-scope"]', "event");
  await page.fill('[data-testid="group-by-name"]', "genre");
  await runQuery(page);
  rows = await readTable(page);
  assert.deepEqual(rows.map((row) => row.group).sort(), ["jazz", "pop", "rock"]);
  const byGenre = Object.fromEntries(rows.map((row) => [row.group, row]));
  assertDays(byGenre.rock, [2, 3, 0], 5, nowMs);
  assertDays(byGenre.jazz, [1, 1, 2], 4, nowMs);
  assertDays(byGenre.pop, [0, 1, 0], 1, nowMs);

  // The CSV holds the table: one column per day, then the total.
  const csv = await exportCsv(page);
  assert.equal(csv.name, `segmentation-${utcDay(29, nowMs)}-to-${utcDay(0, nowMs)}.csv`);
  const lines = csv.text.split("\r\n");
  const header = lines[0].split(",");
  assert.deepEqual(header.slice(0, 3), ["series", "label", "group"]);
  assert.equal(header.at(-1), "total");
  assert.equal(header.length, 3 + 30 + 1);
  assert.equal(header[3], utcDay(29, nowMs));
  const rockLine = lines.find((line) => line.startsWith("A,Song Played,rock,"))?.split(",");
  assert.ok(rockLine, csv.text);
  assert.equal(rockLine[header.indexOf(utcDay(3, nowMs))], "2");
  assert.equal(rockLine[header.indexOf(utcDay(2, nowMs))], "3");
  assert.equal(rockLine.at(-1), "5");
  assert.equal(lines.filter((line) => line !== "").length, 4);

  // The chart is drawn: one line per row, and the picture is not blank.
  const chart = page.locator('[data-testid="segmentation-chart"]');
  assert.equal(await chart.getAttribute("data-line-count"), "3");
  await page.screenshot({ path: artifactPath("segmentation.png"), fullPage: true });
  const chartPicture = describePng(await chart.screenshot({ path: artifactPath("segmentation-chart.png") }));
  assert.ok(chartPicture.distinctColors > 50, `chart looks blank: ${JSON.stringify(chartPicture)}`);

  // A click in the plot picks a point and opens its menu.
  const box = await chart.boundingBox();
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.5);
  const menu = page.locator('[data-testid="point-menu"]');
  await menu.waitFor();
  await page.screenshot({ path: artifactPath("segmentation-point-menu.png") });
  assert.equal(await menu.locator('[data-testid="view-user-streams"]').isDisabled(), false, "a grouped row's point has users");
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });

  // The URL holds the query: a reload shows the same chart.
  await page.reload();
  await page.waitForSelector('[data-testid="segmentation-row"]');
  assert.equal(await page.inputValue('[data-testid="group-by-name"]'), "genre");
  assert.equal((await readTable(page)).length, 3);

  // Frequency: how many users played 1, 2, 3… times in the range.
  await page.click('[data-testid="remove-group-by"]');
  await page.selectOption('[data-testid="measure"]', "frequency");
  await runQuery(page);
  assert.equal(await page.getAttribute('[data-testid="segmentation-table"]', "data-kind"), "frequency");
  assert.equal(await chart.getAttribute("data-kind"), "bar");
  rows = await readTable(page);
  assert.equal(rows.length, 1);
  assert.deepEqual(Object.fromEntries(Object.entries(rows[0].cells).filter(([, users]) => users !== "0")), { 1: "1", 3: "3" });
  await page.screenshot({ path: artifactPath("segmentation-frequency.png"), fullPage: true });
  const frequencyCsv = await exportCsv(page);
  assert.equal(frequencyCsv.text, "series,label,group,times,users\r\nA,Song Played,,1,1\r\nA,Song Played,,3,3\r\n");

  // Server errors are shown as they come.
  await page.selectOption('[data-testid="measure"]', "formula");
  await page.fill('[data-testid="formula"]', "UNIQUES(Z)");
  await runQuery(page);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /formula/i);
  assert.equal(await page.locator('[data-testid="segmentation-results"]').count(), 0);
});
