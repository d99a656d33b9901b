// Journeys: sessions sent through the Amplitude HTTP API, read as paths in the UI (Pathfinder and
// the Journey Map's sankey); the paths below are worked out by hand.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { describePng } from "../png-analysis.mjs";
import { openChartPage, streamUserIds, utcDay } from "./segmentation-fixtures.mjs";

/**
 * One session each, yesterday, events a minute apart:
 *   alice  Home, Search, Search, Product, Cart
 *   bob    Home, Search, Product, Checkout
 *   carol  Home, Search, Product, Cart, Checkout
 *   dave   Search, Home, Noise, Product
 *   erin   Home, Cart
 * From Home, 4 events, repeats collapsed, Noise left out:
 *   Home → Search → Product → Cart       2 (alice, carol)
 *   Home → Search → Product → Checkout   1 (bob)
 *   Home → Product                       1 (dave)
 *   Home → Cart                          1 (erin)
 * Links: step 1 Home→Search 3, Home→Product 1, Home→Cart 1; step 2 Search→Product 3;
 *        step 3 Product→Cart 2, Product→Checkout 1.
 */
const SESSIONS = {
  alice: ["Home", "Search", "Search", "Product", "Cart"],
  bob: ["Home", "Search", "Product", "Checkout"],
  carol: ["Home", "Search", "Product", "Cart", "Checkout"],
  dave: ["Search", "Home", "Noise", "Product"],
  erin: ["Home", "Cart"],
};

function journeyEvents(nowMs) {
  const sessionStart = Date.parse(`${utcDay(1, nowMs)}T10:00:00Z`);
  return Object.entries(SESSIONS).flatMap(([name, events], userIndex) =>
    events.map((eventType, index) => ({
      event_type: eventType,
      user_id: `user-${name}`,
      device_id: `device-${name}`,
      session_id: sessionStart + userIndex,
      time: sessionStart + userIndex + index * 60_000,
      insert_id: `${name}-${index}`,
    })),
  );
}

async function run(page) {
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith("/analytics/journeys") && response.request().method() === "POST"),
    page.click('[data-testid="run-query"]'),
  ]);
  await page.waitForSelector('[data-testid="run-query"]:not(:disabled)');
}

/** `{ "A → B": users }` and the bars' widths in percent. */
function readPaths(page) {
  return page.$$eval('[data-testid="journey-path"]', (items) =>
    items.map((item) => ({ path: JSON.parse(item.dataset.events).join(" → "), users: Number(item.dataset.users), width: item.querySelector('[data-testid="path-bar"]').style.width })),
  );
}

const byPath = (paths) => Object.fromEntries(paths.map(({ path, users }) => [path, users]));

test("Journeys lists the paths from and to an event and maps them", { timeout: 120_000 }, async (t) => {
  const nowMs = Date.now();
  const { page } = await openChartPage(t, { events: journeyEvents(nowMs), navLabel: "Journeys", path: "/analytics/journeys" });

  // An event is required.
  await page.click('[data-testid="run-query"]');
  assert.match(await page.locator('[role="alert"]').innerText(), /Choose the event/);

  await page.fill('[data-testid="journey-event"]', "Home");
  await page.fill('[data-testid="path-events"]', "4");
  await page.fill('[data-testid="exclude-events"]', "Noise");
  await run(page);
  assert.match(await page.locator('[data-testid="journeys-users"]').innerText(), /^5 users did Home/);
  let paths = await readPaths(page);
  assert.deepEqual(byPath(paths), { "Home → Search → Product → Cart": 2, "Home → Search → Product → Checkout": 1, "Home → Product": 1, "Home → Cart": 1 });
  assert.deepEqual(paths[0], { path: "Home → Search → Product → Cart", users: 2, width: "100%" }, "most users first, the longest bar");
  assert.deepEqual([...new Set(paths.slice(1).map((path) => path.width))], ["50%"]);

  // The Journey Map: six links over four steps, drawn.
  const map = page.locator('[data-testid="journey-map"]');
  assert.equal(await map.getAttribute("data-link-count"), "6");
  assert.equal(await map.getAttribute("data-step-count"), "4");
  await page.screenshot({ path: artifactPath("journeys.png"), fullPage: true });
  const picture = describePng(await map.screenshot({ path: artifactPath("journey-map.png") }));
  assert.ok(picture.distinctColors > 50, `the map looks blank: ${JSON.stringify(picture)}`);

  // The Microscope: the users on the top path, and those behind a link of the map (clicked between
  // Home and the second column, on one of the step-1 links: whichever it hits, its users are known).
  const [pathRequest] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().endsWith("/analytics/journeys/users")),
    page.locator('[data-testid="journey-path"]').first().locator('[data-testid="view-path-streams"]').click(),
  ]);
  assert.deepEqual(pathRequest.postDataJSON().path, ["Home", "Search", "Product", "Cart"]);
  assert.deepEqual(await streamUserIds(page), ["user-alice", "user-carol"]);
  await page.click('[data-testid="close-user-streams"]');
  await page.locator('[data-testid="user-streams"]').waitFor({ state: "detached" });
  await map.scrollIntoViewIfNeeded();
  const mapBox = await map.boundingBox();
  const [linkRequest] = await Promise.all([
    page.waitForRequest((candidate) => candidate.url().endsWith("/analytics/journeys/users")),
    page.mouse.click(mapBox.x + 180, mapBox.y + mapBox.height / 3),
  ]);
  const { link } = linkRequest.postDataJSON();
  const linkUsers = { Search: ["user-alice", "user-bob", "user-carol"], Product: ["user-dave"], Cart: ["user-erin"] };
  assert.deepEqual([link.step, link.from, Object.keys(linkUsers).includes(link.to)], [0, "Home", true], JSON.stringify(link));
  assert.deepEqual(await streamUserIds(page), linkUsers[link.to]);
  await page.click('[data-testid="close-user-streams"]');
  await page.locator('[data-testid="user-streams"]').waitFor({ state: "detached" });

  // The CSV: one line per path.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
  assert.equal(download.suggestedFilename(), `journeys-${utcDay(29, nowMs)}-to-${utcDay(0, nowMs)}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /^rank,users,step 1,step 2,step 3,step 4\r\n1,2,Home,Search,Product,Cart\r\n/);

  // Repeats kept: alice's Search, Search stays.
  await page.uncheck('[data-testid="collapse-repeats"]');
  await run(page);
  paths = await readPaths(page);
  assert.equal(byPath(paths)["Home → Search → Search → Product"], 1, JSON.stringify(paths));
  assert.equal(byPath(paths)["Home → Search → Product → Cart"], 1, JSON.stringify(paths));

  // Paths to Checkout, three events long.
  await page.check('[data-testid="collapse-repeats"]');
  await page.selectOption('[data-testid="journey-anchor"]', "end");
  await page.fill('[data-testid="journey-event"]', "Checkout");
  await page.fill('[data-testid="path-events"]', "3");
  await run(page);
  assert.match(await page.locator('[data-testid="journeys-users"]').innerText(), /^2 users reached Checkout/);
  assert.deepEqual(byPath(await readPaths(page)), { "Search → Product → Checkout": 1, "Product → Cart → Checkout": 1 });
  assert.match(page.url(), /[?&]end_event=Checkout&path_events=3/);

  // The URL holds the query: a reload shows the same paths.
  await page.reload();
  await page.waitForSelector('[data-testid="journey-path"]');
  assert.equal(await page.inputValue('[data-testid="journey-anchor"]'), "end");
  assert.equal((await readPaths(page)).length, 2);
});
