// The replay list's frustration filters and badges, on sessions whose
// signals the server detected after ingest.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { artifactPath, launchChromium } from "./launch-browser.mjs";
import { startReelServer } from "./start-server.mjs";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../crates/reel-signals/src/detectors/fixtures");

function fixtureEvents(name) {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"));
}

/** Sends a fixture as a session that started a minute ago (the list shows the last 30 days by default). */
async function ingest(server, deviceId, fixture) {
  const shiftMs = Date.now() - 60_000 - fixture[0].timestamp;
  const events = fixture.map((event) => ({ ...event, timestamp: event.timestamp + shiftMs }));
  const body = { session_id: events[0].timestamp, device_id: deviceId, sequence: 0, events };
  const answer = await fetch(`${server.baseUrl}/api/v1/ingest`, {
    method: "POST",
    headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  assert.equal(answer.status, 200);
}

test("the list filters sessions by frustration signals and shows their counts", { timeout: 90_000 }, async (t) => {
  const server = await startReelServer();
  t.after(() => server.stop());
  await ingest(server, "rage-visitor", fixtureEvents("rage_click/five_fast_clicks_on_a_button"));
  await ingest(server, "calm-visitor", fixtureEvents("dead_click/slow_but_working_button"));

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(`${server.baseUrl}/login`);
  await page.fill("#login-email", server.adminEmail);
  await page.fill("#login-password", server.adminPassword);
  await page.click("#login-submit");
  await page.waitForURL(`${server.baseUrl}/`);

  // The signals worker runs about every second after ingest.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await page.request.get(`${server.baseUrl}/api/v1/sessions?has_rage_clicks=true`);
    if ((await answer.json()).sessions.length === 1) break;
    assert.ok(Date.now() < deadline, "the rage clicks were never detected");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await page.click('.app-nav a[href="/replays"]');
  await page.waitForURL(`${server.baseUrl}/replays`);
  const rows = page.locator('[data-testid="session-row"]');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);

  await addFilter(page, "has_rage_click");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="session-row"]').length === 1);
  assert.match(await rows.first().innerText(), /rage-visitor/);
  const badges = await rows.first().locator('[data-testid="frustration-cell"]').innerText();
  assert.match(badges, /1 rage/);
  assert.match(badges, /1 dead/);
  await page.screenshot({ path: artifactPath("list-filters.png") });

  await addFilter(page, "has_error");
  await page.locator('[data-testid="no-sessions"]').waitFor();
  await page.locator('[data-testid="remove-filter-chip"]').last().click();
  await page.locator('[data-testid="remove-filter-chip"]').last().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="session-row"]').length === 2);
});

/** "+ Add Filter", then a kind that needs no fields (it is added at once). */
async function addFilter(page, kind) {
  await page.click('[data-testid="add-filter"]');
  await page.click(`[data-testid="add-filter-${kind}"]`);
}
