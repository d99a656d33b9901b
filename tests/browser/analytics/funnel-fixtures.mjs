// A three-step funnel ("Page Viewed" → "Add to Cart" → "Purchase") with counts worked out by
// hand, sent through the Amplitude HTTP API, and helpers that read the Funnels page back.
import { utcDay } from "./segmentation-fixtures.mjs";

export const STEPS = ["Page Viewed", "Add to Cart", "Purchase"];

function at(daysAgo, time, nowMs) {
  return Date.parse(`${utcDay(daysAgo, nowMs)}T${time}:00Z`);
}

/**
 * D5 = five days ago, D3, D2, D1 likewise; the page view carries `utm_source`, the purchase `amount`.
 *
 *   anna  ads         D3 09:00 view, 09:20 cart, 10:05 purchase (150)   → 3 steps (20m, 1h 5m)
 *   ben   newsletter  D3 10:00 view, 10:30 cart, 11:00 purchase (50)    → 3 steps (30m, 1h)
 *   cleo  ads         D2 09:00 view, 09:10 cart                         → 2 steps (10m)
 *   dan   ads         D2 11:00 cart, 12:00 view, 12:30 purchase         → 1 step (cart before the view)
 *   eve   newsletter  D5 09:00 view; D3 09:00 cart, 09:30 purchase (80) → 1 step in a 1-day window,
 *                                                                         3 steps (2d, 2d 0h 30m) in 3 days
 *   finn  ads         40 days ago view; D1 cart, purchase               → not in the funnel (view outside the range)
 *
 * 1-day window: 5 → 3 → 2 (100%, 60%, 40%; of previous 100%, 60%, 66.67%; dropped 0, 2, 1);
 *   medians: 0s, 20m (10m, 20m, 30m), 1h 5m (1h, 1h 5m: the upper middle).
 *   ads 3 → 2 → 1, newsletter 2 → 1 → 1.
 * 3-day window: 5 → 4 → 3 (100%, 80%, 60%; of previous 80%, 75%); medians 30m, 1h 5m.
 * Purchase with amount > 100 (1-day window): 5 → 3 → 1.
 */
export function funnelEvents(nowMs = Date.now()) {
  const plan = [
    ["anna", 3, "09:00", "Page Viewed", { utm_source: "ads" }],
    ["anna", 3, "09:20", "Add to Cart", {}],
    ["anna", 3, "10:05", "Purchase", { amount: 150 }],
    ["ben", 3, "10:00", "Page Viewed", { utm_source: "newsletter" }],
    ["ben", 3, "10:30", "Add to Cart", {}],
    ["ben", 3, "11:00", "Purchase", { amount: 50 }],
    ["cleo", 2, "09:00", "Page Viewed", { utm_source: "ads" }],
    ["cleo", 2, "09:10", "Add to Cart", {}],
    ["dan", 2, "11:00", "Add to Cart", {}],
    ["dan", 2, "12:00", "Page Viewed", { utm_source: "ads" }],
    ["dan", 2, "12:30", "Purchase", { amount: 120 }],
    ["eve", 5, "09:00", "Page Viewed", { utm_source: "newsletter" }],
    ["eve", 3, "09:00", "Add to Cart", {}],
    ["eve", 3, "09:30", "Purchase", { amount: 80 }],
    ["finn", 40, "09:00", "Page Viewed", { utm_source: "ads" }],
    ["finn", 1, "09:00", "Add to Cart", {}],
    ["finn", 1, "09:30", "Purchase", { amount: 200 }],
  ];
  return plan.map(([name, daysAgo, time, eventType, properties], index) => ({
    event_type: eventType,
    user_id: `user-${name}`,
    device_id: `device-${name}`,
    time: at(daysAgo, time, nowMs),
    insert_id: `funnel-${index}`,
    event_properties: properties,
  }));
}

/** Presses Run and waits for the server's answer to be on the page (a table or an error). */
export async function runFunnel(page) {
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/analytics/funnel") && response.request().method() === "POST"),
    page.click('[data-testid="run-query"]'),
  ]);
  await page.waitForSelector('[data-testid="run-query"]:not(:disabled)');
}

/** `{group: {step: {users, first, previous, dropped, median}}}` as the table shows them ("" = all users). */
export async function readFunnelTable(page) {
  const rows = await page.$$eval('[data-testid="funnel-row"]', (elements) =>
    elements.map((row) => {
      const text = (name) => row.querySelector(`[data-testid="${name}"]`)?.textContent ?? null;
      return {
        group: row.dataset.group,
        step: row.dataset.step,
        cells: { users: text("users-cell"), first: text("percent-first-cell"), previous: text("percent-previous-cell"), dropped: text("dropped-cell"), median: text("median-cell") },
      };
    }),
  );
  const table = {};
  for (const row of rows) {
    table[row.group] ??= {};
    table[row.group][row.step] = row.cells;
  }
  return table;
}

/** The users of each step of a group, e.g. `[5, 3, 2]`. */
export function usersOf(table, group) {
  return Object.keys(table[group] ?? {})
    .sort()
    .map((step) => Number(table[group][step].users));
}
