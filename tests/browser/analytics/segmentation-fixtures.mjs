// Analytics events with counts worked out by hand, sent through the Amplitude HTTP API, and
// helpers that read the Event Segmentation page back; `sendEvents`, `utcDay` and `openChartPage`
// serve the funnel test too.
import assert from "node:assert/strict";
import { launchChromium } from "../launch-browser.mjs";
import { logIn } from "../player/player-test-support.mjs";
import { startReelServer } from "../start-server.mjs";

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` (UTC) of the day `daysAgo` before today. */
export function utcDay(daysAgo, nowMs = Date.now()) {
  return new Date(nowMs - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

function at(daysAgo, hour, nowMs) {
  return Date.parse(`${utcDay(daysAgo, nowMs)}T${String(hour).padStart(2, "0")}:00:00Z`);
}

/**
 * "Song Played" with a `genre`, three days ago (D1), two days ago (D2), yesterday (D3):
 *
 *            D1               D2                          D3
 *   alice    rock, rock       rock
 *   bob      jazz                                         jazz, jazz
 *   carol                     rock, rock, jazz
 *   dave*                     pop
 *   (* no user id: counted by device id)
 *
 * uniques: 2, 3, 1 (total 4)   totals: 3, 5, 2 (total 10)
 * totals by genre: rock 2, 3, 0 (5); jazz 1, 1, 2 (4); pop 0, 1, 0 (1)
 * frequency over the range: 1 time → 1 user (dave), 3 times → 3 users
 * Plus page views for everyone each day, and a song 40 days ago (outside the default range).
 * User ids are `user-<name>` (Amplitude refuses ids shorter than 5 characters).
 */
export function songEvents(nowMs = Date.now()) {
  const plays = [
    ["alice", 3, 9, "rock"], ["alice", 3, 10, "rock"], ["bob", 3, 11, "jazz"],
    ["alice", 2, 9, "rock"], ["carol", 2, 12, "rock"], ["carol", 2, 13, "rock"], ["carol", 2, 14, "jazz"], ["dave", 2, 15, "pop"],
    ["bob", 1, 8, "jazz"], ["bob", 1, 20, "jazz"],
    ["carol", 40, 12, "rock"],
  ];
  const user = (name) => (name === "dave" ? { device_id: "device-dave" } : { user_id: `user-${name}`, device_id: `device-${name}` });
  const events = plays.map(([name, daysAgo, hour, genre], index) => ({
    event_type: "Song Played",
    ...user(name),
    time: at(daysAgo, hour, nowMs),
    insert_id: `song-${index}`,
    event_properties: { genre },
  }));
  for (const name of ["alice", "bob", "carol", "dave"]) {
    for (const daysAgo of [1, 2, 3]) {
      events.push({ event_type: "[Amplitude] Page Viewed", ...user(name), time: at(daysAgo, 7, nowMs), insert_id: `page-${name}-${daysAgo}`, event_properties: { "[Amplitude] Page Path": "/" } });
    }
  }
  return events;
}

export async function sendEvents(server, events) {
  const answer = await fetch(`${server.baseUrl}/2/httpapi`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ api_key: server.apiKey, events }),
  });
  const text = await answer.text();
  assert.equal(answer.status, 200, text);
  assert.equal(JSON.parse(text).events_ingested, events.length, text);
}

/**
 * Starts reel with `events` sent, logs a fresh Chromium in and opens a chart page from its nav link;
 * both are stopped when the test ends.
 */
export async function openChartPage(t, { events, navLabel, path }) {
  const server = await startReelServer();
  t.after(() => server.stop());
  await sendEvents(server, events);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await logIn(page, server);
  await page.click(`.app-nav a:has-text("${navLabel}")`);
  await page.waitForURL(`${server.baseUrl}${path}`);
  return { server, page };
}

/** Presses Run and waits for the server's answer to be on the page (a table or an error). */
export async function runQuery(page) {
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/analytics/segmentation") && response.request().method() === "POST"),
    page.click('[data-testid="run-query"]'),
  ]);
  await page.waitForSelector('[data-testid="run-query"]:not(:disabled)');
}

/** The table's rows: `{series, label, group, cells: {bucketKey | times: text}, total}`. */
export function readTable(page) {
  return page.$$eval('[data-testid="segmentation-row"]', (rows) =>
    rows.map((row) => ({
      series: row.dataset.series,
      label: row.dataset.label,
      group: row.dataset.group,
      cells: Object.fromEntries(
        [...row.querySelectorAll('[data-testid="bucket-cell"], [data-testid="times-cell"]')].map((cell) => [cell.dataset.bucket ?? cell.dataset.times, cell.textContent]),
      ),
      total: row.querySelector('[data-testid="total-cell"]')?.textContent ?? null,
    })),
  );
}

/** Asserts a row's three days and total, and zeros on every other day of the range. */
export function assertDays(row, [d1, d2, d3], total, nowMs = Date.now()) {
  const expected = { [utcDay(3, nowMs)]: String(d1), [utcDay(2, nowMs)]: String(d2), [utcDay(1, nowMs)]: String(d3) };
  for (const [bucket, text] of Object.entries(row.cells)) {
    assert.equal(text, expected[bucket] ?? "0", `${row.group || row.label} on ${bucket}`);
  }
  assert.equal(Object.keys(row.cells).length, 30, "30 daily buckets by default");
  assert.equal(row.total, String(total), `${row.group || row.label} total`);
}

/** The user ids in the User Streams drawer once loaded (the Microscope), sorted. */
export async function streamUserIds(page) {
  await page.locator('[data-testid="user-streams"][data-state="loaded"]').waitFor();
  return page.$$eval('[data-testid="user-stream"]', (items) => items.map((item) => item.dataset.userId).sort());
}
