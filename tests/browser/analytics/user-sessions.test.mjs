// User Sessions: sessions sent through the Amplitude HTTP API (with session ids), measured in the UI;
// every number below is worked out by hand.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { describePng } from "../png-analysis.mjs";
import { openChartPage, utcDay } from "./segmentation-fixtures.mjs";

/**
 *   day  session  user   events at                        length  events
 *   D2   S1       alice  10:00:00, 10:00:05               5 s     2
 *   D2   S2       bob    11:00:00, 11:01:00, 11:02:35     155 s   3
 *   D1   S3       alice  09:00:00, 09:20:00               1200 s  2
 *   D1   S4       alice  15:00:00, 15:00:30               30 s    2
 *   D1   S5       carol  12:00:00                         0 s     1
 * (D2 = two days ago, D1 = yesterday, UTC)
 */
function sessionEvents(nowMs) {
  const sessions = [
    ["alice", 2, ["10:00:00", "10:00:05"]],
    ["bob", 2, ["11:00:00", "11:01:00", "11:02:35"]],
    ["alice", 1, ["09:00:00", "09:20:00"]],
    ["alice", 1, ["15:00:00", "15:00:30"]],
    ["carol", 1, ["12:00:00"]],
  ];
  return sessions.flatMap(([name, daysAgo, times], sessionIndex) => {
    const sessionId = Date.parse(`${utcDay(daysAgo, nowMs)}T${times[0]}Z`);
    return times.map((time, index) => ({
      event_type: index === 0 ? "[Amplitude] Page Viewed" : "Clicked",
      user_id: `user-${name}`,
      device_id: `device-${name}`,
      session_id: sessionId,
      time: Date.parse(`${utcDay(daysAgo, nowMs)}T${time}Z`),
      insert_id: `s${sessionIndex}-${index}`,
    }));
  });
}

const EXPECTED = {
  total_sessions: { d2: "2", d1: "3", total: "5" },
  average_length: { d2: "1m 20s", d1: "6m 50s", total: "4m 38s" }, // (5+155)/2, (1200+30+0)/3, 1390/5
  average_time_per_user: { d2: "1m 20s", d1: "10m 15s", total: "7m 43s" }, // 160/2, 1230/2, 1390/3
  sessions_per_user: { d2: "1", d1: "1.5", total: "1.67" }, // 2/2, 3/2, 5/3
  average_events_per_session: { d2: "2.5", d1: "1.67", total: "2" }, // 5/2, 5/3, 10/5
};

async function run(page) {
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith("/analytics/sessions") && response.request().method() === "POST"),
    page.click('[data-testid="run-query"]'),
  ]);
  await page.waitForSelector('[data-testid="run-query"]:not(:disabled)');
}

const cell = (page, selector) => page.locator(selector).first().innerText();

test("User Sessions measures counts, lengths and the length distribution", { timeout: 120_000 }, async (t) => {
  const nowMs = Date.now();
  const { page } = await openChartPage(t, { events: sessionEvents(nowMs), navLabel: "User Sessions", path: "/analytics/sessions" });
  assert.equal(await page.inputValue('[data-testid="start-date"]'), utcDay(29, nowMs));
  const [d2, d1] = [utcDay(2, nowMs), utcDay(1, nowMs)];
  const options = await page.$$eval('[data-testid="measure"] option', (items) => items.map((item) => item.value));
  assert.equal(options.length, 6);

  for (const [measure, expected] of Object.entries(EXPECTED)) {
    await page.selectOption('[data-testid="measure"]', measure);
    await run(page);
    assert.equal(await cell(page, `[data-testid="bucket-cell"][data-bucket="${d2}"]`), expected.d2, `${measure} on D2`);
    assert.equal(await cell(page, `[data-testid="bucket-cell"][data-bucket="${d1}"]`), expected.d1, `${measure} on D1`);
    assert.equal(await cell(page, '[data-testid="total-cell"]'), expected.total, `${measure} total`);
    assert.equal(await page.getAttribute('[data-testid="sessions-chart"]', "data-kind"), "line");
    assert.match(page.url(), new RegExp(`measure=${measure}`));
  }
  await page.screenshot({ path: artifactPath("user-sessions.png"), fullPage: true });

  // The CSV of a time measure holds milliseconds.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  assert.equal(download.suggestedFilename(), `sessions-${utcDay(29, nowMs)}-to-${utcDay(0, nowMs)}.csv`);
  const csv = readFileSync(await download.path(), "utf8").split("\r\n");
  assert.equal(csv[0], "bucket,average_events_per_session");
  assert.ok(csv.includes(`${d2},2.5`), csv.join("\n"));
  assert.ok(csv.includes("total,2"), csv.join("\n"));

  // Distribution: <10 s: S1, S5; 10 s – 1 min: S4; 1 – 3 min: S2; 10 – 30 min: S3.
  await page.selectOption('[data-testid="measure"]', "length_distribution");
  await run(page);
  assert.equal(await page.getAttribute('[data-testid="sessions-chart"]', "data-kind"), "bar");
  const ranges = await page.$$eval('[data-testid="distribution-row"]', (rows) => rows.map((row) => [row.dataset.label, row.querySelector('[data-testid="sessions-cell"]').textContent]));
  assert.deepEqual(ranges.map(([, sessions]) => sessions), ["2", "1", "1", "0", "1", "0", "0"], JSON.stringify(ranges));
  assert.equal(ranges.length, 7);
  const picture = describePng(await page.locator('[data-testid="sessions-chart"]').screenshot({ path: artifactPath("user-sessions-distribution.png") }));
  assert.ok(picture.distinctColors > 20, `chart looks blank: ${JSON.stringify(picture)}`);
  const [distributionDownload] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  const distributionCsv = readFileSync(await distributionDownload.path(), "utf8");
  assert.match(distributionCsv, /^length,sessions\r\n< 10 s,2\r\n/);

  // The URL holds the query: a reload shows the same answer.
  await page.reload();
  await page.waitForSelector('[data-testid="distribution-row"]');
  assert.equal(await page.inputValue('[data-testid="measure"]'), "length_distribution");
});
