// Session Replays list: the date presets (Last 7/30/60/90 days, 30 by default) and the custom
// range of two calendars, on sessions that started 3, 20, 45 and 80 days ago. Their old
// timestamps go through ingest unchanged: sent_at_ms is the real clock, so no skew is corrected.
import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactPath } from "../launch-browser.mjs";
import { DAY_MS, ingestSession, startReelServerBehindProxy } from "./replay-fixtures.mjs";
import { changeList, listedDeviceIds, logInWithChromium, openReplayList, waitForList } from "./replay-ui.mjs";

const AGES_IN_DAYS = [3, 20, 45, 80];
const dayText = (epochMs) => new Date(epochMs).toISOString().slice(0, 10);

test("date presets and a custom calendar range choose sessions by the UTC day they started", { timeout: 120_000 }, async (t) => {
  const server = await startReelServerBehindProxy();
  t.after(() => server.stop());
  const nowMs = Date.now();
  const startsMs = new Map();
  for (const days of AGES_IN_DAYS) {
    const startMs = nowMs - days * DAY_MS;
    startsMs.set(`${days}-days-old`, startMs);
    await ingestSession(server, { deviceId: `${days}-days-old`, userId: `user-${days}`, startMs, durationMs: 30_000 });
  }
  const { page, pageErrors } = await logInWithChromium(server, (cleanup) => t.after(cleanup));

  // The stored start times are the sent ones: nothing was moved to "now".
  const everything = await page.request.post(`${server.baseUrl}/api/v1/sessions/search`, {
    data: { start_date: dayText(nowMs - 100 * DAY_MS), end_date: dayText(nowMs), filters: [] },
  });
  assert.equal(everything.status(), 200, await everything.text());
  for (const session of (await everything.json()).sessions) {
    assert.equal(session.start_time_ms, startsMs.get(session.device_id), `${session.device_id} kept its start time`);
  }

  await openReplayList(page, server);
  assert.equal(await page.locator('[data-testid="date-preset"]').inputValue(), "last_30_days");
  assert.equal(await page.locator('[data-testid="date-range-days"]').innerText(), `${dayText(nowMs - 29 * DAY_MS)} – ${dayText(nowMs)}`);
  assert.deepEqual(await listedDeviceIds(page), ["3-days-old", "20-days-old"]);

  const expectations = [
    ["last_7_days", ["3-days-old"]],
    ["last_60_days", ["3-days-old", "20-days-old", "45-days-old"]],
    ["last_90_days", ["3-days-old", "20-days-old", "45-days-old", "80-days-old"]],
    ["last_30_days", ["3-days-old", "20-days-old"]],
  ];
  for (const [preset, listed] of expectations) {
    await changeList(page, () => page.selectOption('[data-testid="date-preset"]', preset));
    assert.deepEqual(await listedDeviceIds(page), listed, preset);
  }

  // Custom: both calendars, both days inclusive.
  await changeList(page, () => page.selectOption('[data-testid="date-preset"]', "custom"));
  await changeList(page, () => page.fill('[data-testid="custom-start-date"]', dayText(startsMs.get("45-days-old"))));
  await changeList(page, () => page.fill('[data-testid="custom-end-date"]', dayText(startsMs.get("20-days-old"))));
  assert.deepEqual(await listedDeviceIds(page), ["20-days-old", "45-days-old"]);
  await page.screenshot({ path: artifactPath("replay-search-custom-range.png") });

  await changeList(page, () => page.fill('[data-testid="custom-end-date"]', dayText(startsMs.get("45-days-old"))));
  assert.deepEqual(await listedDeviceIds(page), ["45-days-old"], "a one-day range holds that day");
  await changeList(page, () => page.fill('[data-testid="custom-end-date"]', dayText(startsMs.get("20-days-old") - DAY_MS)));
  await changeList(page, () => page.fill('[data-testid="custom-start-date"]', dayText(startsMs.get("45-days-old") + DAY_MS)));
  await page.locator('[data-testid="no-sessions"]').waitFor();

  // The range is in the URL: a reload shows the same days.
  await changeList(page, () => page.fill('[data-testid="custom-start-date"]', dayText(startsMs.get("80-days-old"))));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("range"), "custom");
  assert.equal(url.searchParams.get("start"), dayText(startsMs.get("80-days-old")));
  await page.reload();
  await waitForList(page);
  assert.equal(await page.locator('[data-testid="custom-start-date"]').inputValue(), dayText(startsMs.get("80-days-old")));
  assert.deepEqual(await listedDeviceIds(page), ["45-days-old", "80-days-old"]);
  assert.deepEqual(pageErrors, []);
});
