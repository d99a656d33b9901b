// Session Replays list: the portfolio of two projects with a Project column and a project
// chooser, sorting by clicking the headers, and Previous / Next pages of 50.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { ingestSession, startReelServerBehindProxy, waitForSearch } from "./replay-fixtures.mjs";
import { changeList, listedDeviceIds, logInWithChromium, openReplayList } from "./replay-ui.mjs";

const MINUTE_MS = 60_000;
const FILLER_SESSIONS = 52;
/** Demo Shop's sessions, newest first; the rage clicks add five clicks to erin's. */
const SORTED_PEOPLE = [
  { deviceId: "anna-device", userId: "anna", minutesAgo: 60, durationMs: 40_000, clicks: 3, errors: 0 },
  { deviceId: "bert-device", userId: "bert", minutesAgo: 120, durationMs: 10_000, clicks: 1, errors: 2 },
  { deviceId: "carl-device", userId: "carl", minutesAgo: 180, durationMs: 90_000, clicks: 0, errors: 1 },
  { deviceId: "dora-device", userId: "dora", minutesAgo: 240, durationMs: 25_000, clicks: 6, errors: 0 },
  { deviceId: "erin-device", userId: "erin", minutesAgo: 300, durationMs: 15_000, clicks: 0, errors: 0, rage: true },
];

const cleanups = [];
let server;
let page;
let pageErrors;
let marketing;

before(async () => {
  server = await startReelServerBehindProxy();
  cleanups.push(() => server.stop());
  ({ page, pageErrors } = await logInWithChromium(server, (cleanup) => cleanups.push(cleanup)));
  const organizations = await (await page.request.get(`${server.baseUrl}/api/v1/organizations`)).json();
  const created = await page.request.post(`${server.baseUrl}/api/v1/organizations/${organizations.organizations[0].id}/projects`, { data: { name: "Marketing Site" } });
  assert.equal(created.status(), 201, await created.text());
  marketing = (await created.json()).project;

  const nowMs = Date.now();
  for (const person of SORTED_PEOPLE) {
    await ingestSession(server, { ...person, startMs: nowMs - person.minutesAgo * MINUTE_MS });
  }
  for (let index = 0; index < FILLER_SESSIONS; index += 1) {
    const number = String(index).padStart(2, "0");
    await ingestSession(server, { apiKey: marketing.api_key, deviceId: `filler-${number}`, startMs: nowMs - (400 + index) * MINUTE_MS, durationMs: 5_000 });
  }
  const days = { start_date: new Date(nowMs - 2 * 86_400_000).toISOString().slice(0, 10), end_date: new Date(nowMs).toISOString().slice(0, 10) };
  await waitForSearch(page, server, { ...days, filters: [{ kind: "has_rage_click" }] }, (sessions) => sessions.length === 1, "erin's rage clicks");
});

after(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
});

test("the list spans both projects, names each row's project, and the chooser narrows it", async () => {
  await openReplayList(page, server);
  const projectOf = (deviceId) => page.locator(`[data-testid="session-row"][data-device-id="${deviceId}"] [data-testid="project-cell"]`).innerText();
  assert.equal(await projectOf("anna-device"), "Demo Shop");
  assert.equal(await projectOf("filler-00"), "Marketing Site");
  await page.screenshot({ path: artifactPath("replay-search-list.png") });

  await changeList(page, () => page.selectOption('[data-testid="project-chooser"]', String(marketing.id)));
  const shown = await listedDeviceIds(page);
  assert.equal(shown.length, 50);
  assert.ok(shown.every((deviceId) => deviceId.startsWith("filler-")), shown.join(", "));
  await changeList(page, () => page.selectOption('[data-testid="project-chooser"]', ""));
  assert.ok((await listedDeviceIds(page)).includes("anna-device"));
});

test("Previous and Next page through 57 sessions, 50 at a time", async () => {
  await openReplayList(page, server);
  assert.equal((await listedDeviceIds(page)).length, 50);
  assert.equal(await page.locator('[data-testid="page-range"]').innerText(), "Sessions 1–50");
  assert.ok(await page.locator('[data-testid="previous-page"]').isDisabled());
  const firstPage = await listedDeviceIds(page);

  await changeList(page, () => page.click('[data-testid="next-page"]'));
  const secondPage = await listedDeviceIds(page);
  assert.equal(secondPage.length, 57 - 50);
  assert.equal(await page.locator('[data-testid="page-range"]').innerText(), "Sessions 51–57");
  assert.ok(await page.locator('[data-testid="next-page"]').isDisabled());
  assert.equal(new URL(page.url()).searchParams.get("offset"), "50");
  assert.ok(secondPage.every((deviceId) => !firstPage.includes(deviceId)), "no session on both pages");
  assert.deepEqual(secondPage, ["filler-45", "filler-46", "filler-47", "filler-48", "filler-49", "filler-50", "filler-51"]);
  await page.screenshot({ path: artifactPath("replay-search-page-2.png") });

  await changeList(page, () => page.click('[data-testid="previous-page"]'));
  assert.deepEqual(await listedDeviceIds(page), firstPage);
});

/** Demo Shop's people ordered by `key` in `direction`, ties newest first (the server's order). */
function expectedOrder(key, direction) {
  const sign = direction === "asc" ? 1 : -1;
  return [...SORTED_PEOPLE]
    .sort((left, right) => {
      const difference = key(left) < key(right) ? -1 : key(left) > key(right) ? 1 : 0;
      return difference !== 0 ? sign * difference : left.minutesAgo - right.minutesAgo;
    })
    .map((person) => person.deviceId);
}

test("clicking a header sorts by it; clicking again turns the order around", async () => {
  await openReplayList(page, server, `?projects=1`);
  const newestFirst = SORTED_PEOPLE.map((person) => person.deviceId);
  assert.deepEqual(await listedDeviceIds(page), newestFirst);
  await changeList(page, () => page.click('[data-testid="sort-start_time"]'));
  assert.deepEqual(await listedDeviceIds(page), [...newestFirst].reverse());
  assert.equal(await page.locator('th:has([data-testid="sort-start_time"])').getAttribute("aria-sort"), "ascending");

  const clicks = (person) => person.clicks + (person.rage ? 5 : 0);
  const checks = [
    ["duration", "desc", (person) => person.durationMs],
    ["duration", "asc", (person) => person.durationMs],
    ["clicks", "desc", clicks],
    ["errors", "desc", (person) => person.errors],
    ["errors", "asc", (person) => person.errors],
    ["user", "asc", (person) => person.userId],
    ["user", "desc", (person) => person.userId],
  ];
  for (const [field, direction, key] of checks) {
    await changeList(page, () => page.click(`[data-testid="sort-${field}"]`));
    const url = new URL(page.url());
    assert.equal(`${url.searchParams.get("sort")} ${url.searchParams.get("direction")}`, `${field} ${direction}`);
    assert.deepEqual(await listedDeviceIds(page), expectedOrder(key, direction), `${field} ${direction}`);
  }
  await changeList(page, () => page.click('[data-testid="sort-frustration"]'));
  assert.equal((await listedDeviceIds(page))[0], "erin-device", "the rage clicks come first");
  await page.screenshot({ path: artifactPath("replay-search-sorted.png") });
  assert.deepEqual(pageErrors, []);
});
