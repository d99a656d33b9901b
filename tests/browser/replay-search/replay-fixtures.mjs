// Sessions for the replay search tests, built by hand: a small page (a button, an image, a
// status line), clicks that the page answers, rage and dead clicks, runtime errors, extra
// pages, sent through POST /api/v1/ingest (optionally "from" a public IP through a trusted
// proxy), and analytics events for the same session through POST /2/httpapi.
import assert from "node:assert/strict";
import { startReelServer } from "../start-server.mjs";

export const DAY_MS = 86_400_000;
export const US_ADDRESS = "8.8.8.8";
export const DE_ADDRESS = "193.99.144.80";

const BUTTON_ID = 4;
const IMAGE_ID = 6;
const STATUS_ID = 8;

/** reel with X-Forwarded-For trusted from 127.0.0.1, so a test can send sessions "from" any address. */
export function startReelServerBehindProxy() {
  return startReelServer({ environment: { REEL_NETWORK__TRUSTED_PROXIES: "127.0.0.1/32" } });
}

function element(id, tagName, attributes, childNodes) {
  return { type: 2, id, tagName, attributes, childNodes };
}

/** Meta + FullSnapshot of the test page at `url`. */
export function pageLoadEvents(timestampMs, url, headline = "Replay search page") {
  const body = element(3, "body", { style: "margin: 0; padding: 40px; font: 20px sans-serif; background: #eef2ff" }, [
    element(BUTTON_ID, "button", { id: "buy", style: "font-size: 20px; padding: 10px 20px" }, [{ type: 3, id: 5, textContent: "Buy now" }]),
    element(IMAGE_ID, "img", { class: "image-button", alt: "banner", style: "display: block; width: 200px; height: 60px; margin-top: 20px; background: #c7d2fe" }, []),
    element(STATUS_ID, "h1", { id: "status" }, [{ type: 3, id: 9, textContent: headline }]),
  ]);
  const html = element(2, "html", { lang: "en" }, [element(10, "head", {}, []), body]);
  return [
    { type: 4, timestamp: timestampMs, data: { href: url, width: 1000, height: 600 } },
    { type: 2, timestamp: timestampMs + 1, data: { node: { type: 0, id: 1, childNodes: [html] }, initialOffset: { left: 0, top: 0 } } },
  ];
}

function click(timestampMs, id, x = 100) {
  return { type: 3, timestamp: timestampMs, data: { source: 2, type: 2, id, x, y: 100 } };
}

/** The page answers: the status line changes (so the click before it is not dead). */
function statusChange(timestampMs, text) {
  return { type: 3, timestamp: timestampMs, data: { source: 0, texts: [{ id: 9, value: text }], attributes: [], removes: [], adds: [] } };
}

function runtimeError(timestampMs, message) {
  return { type: 5, timestamp: timestampMs, data: { tag: "reel.error", payload: { message, stack: "", filename: "app.js", lineno: 1, colno: 1, kind: "error" } } };
}

function mouseMove(timestampMs) {
  return { type: 3, timestamp: timestampMs, data: { source: 1, positions: [{ x: 5, y: 5, id: 3, timeOffset: 0 }] } };
}

/**
 * The batches of one session: `urls[0]` loads first, every further URL is a page load of its own
 * batch. `clicks` answered clicks, `errors` runtime errors (before any click), `rage` five fast
 * unanswered clicks, `dead` one unanswered click on the image. The last event is at `durationMs`.
 */
export function sessionBatches({ startMs, urls = ["https://shop.example/home"], durationMs = 20_000, clicks = 0, errors = 0, rage = false, dead = false }) {
  const first = [...pageLoadEvents(startMs, urls[0])];
  for (let index = 0; index < errors; index += 1) {
    first.push(runtimeError(startMs + 100 + index * 10, `Something broke ${index + 1}`));
  }
  let atMs = startMs + 1_000;
  for (let index = 0; index < clicks; index += 1) {
    first.push(click(atMs, BUTTON_ID), statusChange(atMs + 150, `Clicked ${index + 1} times`));
    atMs += 1_500;
  }
  if (rage) {
    for (let index = 0; index < 5; index += 1) {
      first.push(click(atMs + index * 150, BUTTON_ID, 100 + index * 3));
    }
    atMs += 6_000;
  }
  if (dead) {
    first.push(click(atMs, IMAGE_ID, 200));
    atMs += 6_000;
  }
  const batches = [first];
  const pageSpacingMs = Math.max(1, Math.floor((durationMs - (atMs - startMs)) / (urls.length + 1)));
  urls.slice(1).forEach((url, index) => batches.push(pageLoadEvents(atMs + (index + 1) * pageSpacingMs, url)));
  const endMs = Math.max(startMs + durationMs, atMs);
  batches[batches.length - 1].push(mouseMove(endMs));
  return batches;
}

/**
 * Sends a session; `forwardedFor` makes the first batch come "from" that address.
 * @returns {Promise<{deviceId: string, sessionId: number, userId: string | null}>}
 */
export async function ingestSession(server, { apiKey = server.apiKey, deviceId, userId = null, forwardedFor = null, ...recording }) {
  const batches = sessionBatches(recording);
  const sessionId = recording.startMs;
  for (const [sequence, events] of batches.entries()) {
    const headers = { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" };
    if (forwardedFor !== null && sequence === 0) {
      headers["X-Forwarded-For"] = forwardedFor;
    }
    // sent_at_ms is the real clock: the timestamps are old on purpose, not a skewed clock.
    const body = { session_id: sessionId, device_id: deviceId, user_id: userId, sequence, sent_at_ms: Date.now(), events };
    const answer = await fetch(`${server.baseUrl}/api/v1/ingest`, { method: "POST", headers, body: JSON.stringify(body) });
    assert.equal(answer.status, 200, await answer.text());
  }
  return { deviceId, sessionId, userId };
}

/** Analytics events of a sent session (same device and session id, with its Session Replay ID). */
export async function sendSessionEvents(server, session, events, apiKey = server.apiKey) {
  const replayId = `${session.deviceId}/${session.sessionId}`;
  const sent = events.map((event, index) => ({
    device_id: session.deviceId,
    ...(session.userId === null ? {} : { user_id: session.userId }),
    session_id: session.sessionId,
    time: session.sessionId + 500 + index,
    insert_id: `${replayId}-${index}-${event.event_type}`,
    ...event,
    event_properties: { ...(event.event_properties ?? {}), "[Amplitude] Session Replay ID": replayId },
  }));
  const answer = await fetch(`${server.baseUrl}/2/httpapi`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ api_key: apiKey, events: sent, client_upload_time: new Date().toISOString() }),
  });
  const text = await answer.text();
  assert.equal(answer.status, 200, text);
  assert.equal(JSON.parse(text).events_ingested, sent.length, text);
}

/** Asks the search API (with the page's login) until `predicate(sessions)` holds: the signals worker runs after ingest. */
export async function waitForSearch(page, server, request, predicate, what) {
  const deadlineMs = Date.now() + 20_000;
  let sessions = [];
  while (Date.now() < deadlineMs) {
    const answer = await page.request.post(`${server.baseUrl}/api/v1/sessions/search`, { data: request });
    assert.equal(answer.status(), 200, await answer.text());
    sessions = (await answer.json()).sessions;
    if (predicate(sessions)) {
      return sessions;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what}: not seen within 20 s; last answer ${JSON.stringify(sessions.map((session) => session.device_id))}`);
}
