// People for the User Lookup tests, sent through the Amplitude HTTP API, plus a recorded session of
// alice's sent through the ingest API, and helpers that drive the page.
//
//   user-alice   device-alice      plan premium, company "Acme Corp", ip 8.8.8.8 (US), platform Web
//     A1  2 days ago 10:00  Page Viewed, Add to Cart (10:01), Purchase (10:02)
//     A2  yesterday 09:00   Page Viewed, Search (09:01), Page Viewed (09:02), Add to Cart (09:03), Remove from Cart (09:04)
//     A3  15 minutes ago    recorded 3 minutes (headline "T+<s>s"): [Amplitude] Replay Captured (+0, stored
//                           by the server), Page Viewed (+10 s), Add to Cart (+95 s), Purchase (+150 s), and the
//                           dead and error clicks the server finds in the recording (stored as analytics events)
//   user-alicia  device-alicia     plan free, company "Initech", ip 8.8.8.8 (US), platform Web: Page Viewed 3 days ago 08:00
//   user-bob     device-bob        plan free, company "Globex": Page Viewed yesterday 12:00, Add to Cart 12:05
//   (no user id) device-carol-xyz  plan premium, company "Acme Labs": Page Viewed 3 days ago 11:00
//
// Over the last 30 days: uniques Page Viewed 4, Add to Cart 2, Purchase 1; the funnel
// Page Viewed → Add to Cart → Purchase (1-day window) 4 → 2 → 1.
import { launchChromium } from "../launch-browser.mjs";
import { utcDay, sendEvents } from "../analytics/segmentation-fixtures.mjs";
import { ingestSession, logIn } from "../player/player-test-support.mjs";
import { syntheticSessionBatches } from "../player/synthetic-session.mjs";
import { startReelServer } from "../start-server.mjs";

const MINUTE_MS = 60_000;
export const REPLAY_LENGTH_MS = 3 * MINUTE_MS;

function at(daysAgo, time, nowMs) {
  return Date.parse(`${utcDay(daysAgo, nowMs)}T${time}:00Z`);
}

const PEOPLE = {
  alice: { user_id: "user-alice", device_id: "device-alice", ip: "8.8.8.8", user_properties: { plan: "premium", company: "Acme Corp" } },
  alicia: { user_id: "user-alicia", device_id: "device-alicia", ip: "8.8.8.8", user_properties: { plan: "free", company: "Initech" } },
  bob: { user_id: "user-bob", device_id: "device-bob", user_properties: { plan: "free", company: "Globex" } },
  carol: { device_id: "device-carol-xyz", user_properties: { plan: "premium", company: "Acme Labs" } },
};

/** The plan above, with every time worked out from `nowMs`. */
export function lookupPlan(nowMs = Date.now()) {
  const replayStartMs = Math.floor((nowMs - 15 * MINUTE_MS) / 1_000) * 1_000;
  const a1 = at(2, "10:00", nowMs);
  const a2 = at(1, "09:00", nowMs);
  const sessions = {
    A1: { person: "alice", sessionId: a1, events: [["Page Viewed", a1], ["Add to Cart", a1 + MINUTE_MS], ["Purchase", a1 + 2 * MINUTE_MS]] },
    A2: {
      person: "alice",
      sessionId: a2,
      events: [["Page Viewed", a2], ["Search", a2 + MINUTE_MS], ["Page Viewed", a2 + 2 * MINUTE_MS], ["Add to Cart", a2 + 3 * MINUTE_MS], ["Remove from Cart", a2 + 4 * MINUTE_MS]],
    },
    A3: { person: "alice", sessionId: replayStartMs, replay: true, events: [["Page Viewed", replayStartMs + 10_000], ["Add to Cart", replayStartMs + 95_000], ["Purchase", replayStartMs + 150_000]] },
    alicia: { person: "alicia", sessionId: at(3, "08:00", nowMs), events: [["Page Viewed", at(3, "08:00", nowMs)]] },
    bob: { person: "bob", sessionId: at(1, "12:00", nowMs), events: [["Page Viewed", at(1, "12:00", nowMs)], ["Add to Cart", at(1, "12:05", nowMs)]] },
    carol: { person: "carol", sessionId: at(3, "11:00", nowMs), events: [["Page Viewed", at(3, "11:00", nowMs)]] },
  };
  return { replayStartMs, sessions };
}

function analyticsEvents(plan) {
  const events = [];
  for (const [name, session] of Object.entries(plan.sessions)) {
    const person = PEOPLE[session.person];
    session.events.forEach(([eventType, time], index) => {
      const eventProperties = eventType === "Search" ? { term: "boots" } : {};
      if (session.replay) {
        eventProperties["[Amplitude] Session Replay ID"] = `${person.device_id}/${session.sessionId}`;
      }
      events.push({
        event_type: eventType,
        ...person,
        platform: "Web",
        session_id: session.sessionId,
        time,
        insert_id: `lookup-${name}-${index}`,
        event_properties: eventProperties,
      });
    });
  }
  return events;
}

/** Starts reel with the plan's events and alice's recording, and logs a fresh Chromium in; both stop when the test ends. */
export async function startLookupServer(t, nowMs = Date.now()) {
  const plan = lookupPlan(nowMs);
  const server = await startReelServer();
  t.after(() => server.stop());
  await sendEvents(server, analyticsEvents(plan));
  await ingestSession(server, {
    startMs: plan.replayStartMs,
    batches: syntheticSessionBatches({ startMs: plan.replayStartMs, durationMs: REPLAY_LENGTH_MS }),
    userId: "user-alice",
    deviceId: "device-alice",
  });
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await logIn(page, server);
  return { server, page, plan };
}

export async function openLookupFromNav(page, server) {
  await page.click('.app-nav a:has-text("User Lookup")');
  await page.waitForURL(`${server.baseUrl}/users`);
  await page.locator('[data-testid="user-search-form"]').waitFor();
}

/** Searches and waits for the answer; returns the user keys listed, in order. */
export async function searchFor(page, { query, by = "any", property = null }) {
  await page.selectOption('[data-testid="user-search-by"]', by);
  await page.fill('[data-testid="user-search-query"]', query);
  if (property !== null) {
    await page.fill('[data-testid="user-search-property"]', property);
  }
  await Promise.all([
    page.waitForResponse((response) => response.url().includes("/users/search?")),
    page.click('[data-testid="user-search-submit"]'),
  ]);
  await page.waitForSelector('[data-testid="user-matches"], [data-testid="user-search-empty"], [data-testid="user-search-error"]');
  return page.$$eval('[data-testid="user-match"]', (items) => items.map((item) => item.dataset.userKey));
}

/** Opens a listed user's profile and waits for it. */
export async function openUser(page, userKey) {
  await page.click(`[data-testid="user-match"][data-user-key="${userKey}"]`);
  await page.locator(`[data-testid="user-profile"][data-user-key="${userKey}"]`).waitFor();
}

/** The stream's sessions: `{sessionId, hasReplay, badge, events: [event type, …], times: [ms, …]}`, as shown (newest first). */
export function readStream(page) {
  return page.$$eval('[data-testid="lookup-session"]', (sessions) =>
    sessions.map((session) => ({
      sessionId: Number(session.dataset.sessionId),
      hasReplay: session.dataset.hasReplay === "true",
      badge: session.querySelector('[data-testid="replay-badge"]') !== null,
      events: [...session.querySelectorAll('[data-testid="lookup-event"]')].map((event) => event.dataset.eventType),
      times: [...session.querySelectorAll('[data-testid="lookup-event"]')].map((event) => Number(event.dataset.time)),
    })),
  );
}

/** The row of the event of `eventType` at `time`. */
export function eventRow(page, eventType, time) {
  return page.locator(`[data-testid="lookup-event"][data-event-type="${eventType}"][data-time="${time}"]`);
}
