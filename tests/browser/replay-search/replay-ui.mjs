// Driving the Session Replays list and the home page in Chromium: log in, open the list,
// wait for a search to settle, read the rows, add filters through "+ Add Filter".
import assert from "node:assert/strict";
import { launchChromium } from "../launch-browser.mjs";

/** A fresh Chromium logged in through the login form; closed when the test (or suite) ends. */
export async function logInWithChromium(server, registerCleanup) {
  const browser = await launchChromium();
  registerCleanup(() => browser.close());
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);
  return { browser, page, pageErrors };
}

/** Waits until the list shows the answer to the current URL's search (not a stale one). */
export async function waitForList(page) {
  await page.locator('[data-testid="replay-results"][data-state="loaded"]').waitFor();
}

export async function openReplayList(page, server, query = "") {
  await page.goto(`${server.baseUrl}/replays${query}`);
  await waitForList(page);
}

/** The device ids of the listed rows, in order. */
export async function listedDeviceIds(page) {
  return page.locator('[data-testid="session-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute("data-device-id")));
}

/** Runs `action` (which changes the list) and waits for the list to load its new answer. */
export async function changeList(page, action) {
  const before = await page.evaluate(() => window.location.search);
  await action();
  await page.waitForFunction((previous) => window.location.search !== previous, before);
  await waitForList(page);
}

/** Opens "+ Add Filter" and picks a kind; kinds with fields then show their form. */
export async function chooseFilterKind(page, kind) {
  await page.click('[data-testid="add-filter"]');
  await page.locator('[data-testid="add-filter-menu"]').waitFor();
  await page.click(`[data-testid="add-filter-${kind}"]`);
}

/** Fills one property filter row (property picker, operator, values) inside `scope`. */
export async function fillPropertyFilter(row, { name, operator, values }) {
  await row.locator('[data-testid="filter-name"]').fill(name);
  await row.locator('[data-testid="filter-operator"]').selectOption(operator);
  if (values !== undefined) {
    await row.locator('[data-testid="filter-values"]').fill(values);
  }
}

export async function applyFilterForm(page) {
  await changeList(page, () => page.click('[data-testid="apply-filter"]'));
}

export async function removeAllFilterChips(page) {
  while ((await page.locator('[data-testid="remove-filter-chip"]').count()) > 0) {
    await changeList(page, () => page.locator('[data-testid="remove-filter-chip"]').first().click());
  }
}

/** The listed rows include every `expected` device id and none of `excluded`. */
export async function assertListed(page, { listed = [], excluded = [] }) {
  const shown = await listedDeviceIds(page);
  for (const deviceId of listed) {
    assert.ok(shown.includes(deviceId), `${deviceId} should be listed; shown: ${shown.join(", ")}`);
  }
  for (const deviceId of excluded) {
    assert.ok(!shown.includes(deviceId), `${deviceId} should not be listed; shown: ${shown.join(", ")}`);
  }
  return shown;
}
