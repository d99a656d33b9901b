import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { AnalyticsEvent } from "../src/analytics-events";
import { NO_SESSION_ID, networkRequestProperties, networkRequestRecordingPayload, runtimeErrorProperties } from "../src/analytics-events";
import { AnalyticsTracker, LAST_EVENT_ID_STORAGE_KEY } from "../src/analytics-tracker";
import type { AnalyticsTransportOptions } from "../src/analytics-transport";
import { analyticsOutcome, sendAnalyticsEvents, sendAnalyticsEventsDuringUnload } from "../src/analytics-transport";
import { gzipText } from "../src/compression";
import { KeepaliveBudget } from "../src/http-post";
import type { NetworkRequestRecord } from "../src/network-capture";
import { createMemoryStorage } from "../src/storage";

const NOW_MS = 1_764_252_000_000;

function trackerWith(overrides: { recorded?: Map<number, boolean | undefined>; userId?: string | null; sessionId?: number } = {}) {
  const storage = createMemoryStorage();
  const sent: AnalyticsEvent[] = [];
  const recorded = overrides.recorded ?? new Map([[NOW_MS, true]]);
  let uuid = 0;
  const tracker = new AnalyticsTracker({
    storage,
    nowMs: () => NOW_MS + 5,
    createUuid: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, "0")}`,
    deviceId: "device-1",
    userId: () => overrides.userId ?? null,
    sessionId: () => overrides.sessionId ?? NOW_MS,
    isSessionRecorded: (sessionId) => recorded.get(sessionId),
    pageProperties: () => ({ "[Amplitude] Page Path": "/cart" }),
    language: "en-GB",
    userAgent: "TestBrowser/1",
    send: (event) => sent.push(event),
  });
  return { tracker, sent, storage, recorded };
}

describe("building analytics events", () => {
  it("fills every field of Amplitude's event, with page properties and the replay id", () => {
    const { tracker, sent, storage } = trackerWith({ userId: "alice" });
    tracker.track("[Amplitude] Element Clicked", { "[Amplitude] Element Tag": "button" });
    tracker.track("Checkout Started", {});
    expect(sent[0]).toEqual({
      event_type: "[Amplitude] Element Clicked",
      device_id: "device-1",
      user_id: "alice",
      session_id: NOW_MS,
      time: NOW_MS + 5,
      insert_id: "00000000-0000-4000-8000-000000000001",
      event_id: 1,
      library: "reel-sdk/0.1.0",
      platform: "Web",
      language: "en-GB",
      ip: "$remote",
      user_agent: "TestBrowser/1",
      event_properties: {
        "[Amplitude] Element Tag": "button",
        "[Amplitude] Page Path": "/cart",
        "[Amplitude] Session Replay ID": `device-1/${NOW_MS}`,
      },
    });
    expect(sent[1].event_id).toBe(2);
    expect(storage.getItem(LAST_EVENT_ID_STORAGE_KEY)).toBeNull(); // written every 10 events and at unload
    tracker.saveEventId();
    expect(storage.getItem(LAST_EVENT_ID_STORAGE_KEY)).toBe("2");
  });

  it("continues event ids across pages and leaves user_id out without a user", () => {
    const storage = createMemoryStorage();
    const sent: AnalyticsEvent[] = [];
    storage.setItem(LAST_EVENT_ID_STORAGE_KEY, "41"); // left by an earlier page
    const reloaded = new AnalyticsTracker({
      storage,
      nowMs: () => NOW_MS,
      createUuid: () => "u",
      deviceId: "d",
      userId: () => null,
      sessionId: () => NOW_MS,
      isSessionRecorded: () => false,
      pageProperties: () => ({}),
      language: "en",
      userAgent: "ua",
      send: (event) => sent.push(event),
    });
    reloaded.track("x", {});
    expect(sent[0].event_id).toBe(42);
    expect("user_id" in sent[0]).toBe(false);
    expect(sent[0].event_properties["[Amplitude] Session Replay ID"]).toBeUndefined();
  });

  it("holds events until their session's recording decision is known, in order", () => {
    const recorded = new Map<number, boolean | undefined>([[NOW_MS, undefined]]);
    const { tracker, sent } = trackerWith({ recorded });
    tracker.track("first", {});
    tracker.track("second", {});
    expect(sent).toHaveLength(0);
    recorded.set(NOW_MS, false);
    tracker.releaseWaiting();
    expect(sent.map((event) => [event.event_type, event.event_properties["[Amplitude] Session Replay ID"]])).toEqual([
      ["first", undefined],
      ["second", undefined],
    ]);
  });

  it("sends events outside any session at once, with session_id -1", () => {
    const { tracker, sent } = trackerWith({ sessionId: NO_SESSION_ID, recorded: new Map() });
    tracker.track("[Amplitude] Network Request", {}, false);
    expect(sent.map((event) => event.session_id)).toEqual([-1]);
  });
});

describe("event properties of captured data", () => {
  const failed: NetworkRequestRecord = {
    type: "xmlhttprequest",
    method: "POST",
    url: "https://shop.example/api/cart",
    query: null,
    fragment: null,
    status: 0,
    failure: "timeout",
    startMs: 100,
    endMs: 350,
    requestBodySize: 12,
  };

  it("name network requests like Amplitude, without query unless asked", () => {
    expect(networkRequestProperties(failed)).toEqual({
      "[Amplitude] URL": "https://shop.example/api/cart",
      "[Amplitude] Request Method": "POST",
      "[Amplitude] Status Code": 0,
      "[Amplitude] Start Time": 100,
      "[Amplitude] Completion Time": 350,
      "[Amplitude] Duration": 250,
      "[Amplitude] Request Type": "xhr",
      "[Amplitude] Request Body Size": 12,
      "[Reel] Failure": "timeout",
    });
    expect(networkRequestRecordingPayload({ ...failed, query: "a=1", fragment: "" })).toEqual({
      timestamp: 100,
      type: "xmlhttprequest",
      method: "POST",
      url: "https://shop.example/api/cart?a=1",
      status: 0,
      duration: 250,
      failure: "timeout",
    });
  });

  it("name runtime errors as docs/analytics-api.md says", () => {
    expect(runtimeErrorProperties({ kind: "error", message: "m", stack: "s", filename: "f.js", lineno: 1, colno: 2 })).toEqual({
      Kind: "error",
      Message: "m",
      Stack: "s",
      Filename: "f.js",
      "Line Number": 1,
      "Column Number": 2,
    });
  });
});

describe("the analytics answer", () => {
  it("is judged by the JSON code, then by the HTTP status", () => {
    expect(analyticsOutcome(200, { code: 200 }).kind).toBe("delivered");
    expect(analyticsOutcome(200, { code: 500 }).kind).toBe("retry");
    expect(analyticsOutcome(200, "OK").kind).toBe("delivered");
    expect(analyticsOutcome(503, null).kind).toBe("retry");
    expect(analyticsOutcome(0, null).kind).toBe("retry");
    expect(analyticsOutcome(408, {}).kind).toBe("retry");
    expect(analyticsOutcome(429, { code: 429 })).toEqual({ kind: "retry", retryAfterMs: 30_000 });
    expect(analyticsOutcome(413, { code: 413 }).kind).toBe("too_large");
  });

  it("drops the events a 400 names and retries the others; drops everything for a hopeless 400", () => {
    expect(analyticsOutcome(400, { code: 400, events_with_invalid_fields: { time: [3, 1] }, events_with_missing_fields: {}, silenced_events: [1, 4] })).toEqual({
      kind: "dropped_some",
      indexes: [3, 1, 4],
    });
    expect(analyticsOutcome(400, { code: 400, missing_field: "api_key", events_with_invalid_fields: { time: [0] } }).kind).toBe("dropped");
    expect(analyticsOutcome(400, { code: 400, error: "Invalid API key: x" }).kind).toBe("dropped");
    expect(analyticsOutcome(400, { code: 400, error: "bad" }).kind).toBe("dropped");
    expect(analyticsOutcome(401, { code: 401 }).kind).toBe("dropped");
  });
});

describe("sending analytics events", () => {
  const event = { event_type: "x", insert_id: "i" } as AnalyticsEvent;

  function options(answer: () => Response, overrides: Partial<AnalyticsTransportOptions> = {}) {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    const fetchFunction = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return answer();
    }) as unknown as typeof fetch;
    return { requests, options: { url: "https://reel.example/2/httpapi", apiKey: "key", nowMs: () => NOW_MS, keepaliveBudget: new KeepaliveBudget(), fetchFunction, gzip: gzipText, ...overrides } };
  }

  it("posts the HTTP API v2 body, gzipped only from 2 KB on", async () => {
    const small = options(() => Response.json({ code: 200 }));
    expect(await sendAnalyticsEvents([event], small.options)).toEqual({ kind: "delivered" });
    const body = JSON.parse(small.requests[0].init.body as string);
    expect(body).toEqual({ api_key: "key", events: [event], options: {}, client_upload_time: new Date(NOW_MS).toISOString() });
    expect((small.requests[0].init.headers as Record<string, string>)["Content-Encoding"]).toBeUndefined();
    const large = options(() => Response.json({ code: 200 }));
    const bigEvent = { ...event, event_properties: { text: "y".repeat(3_000) } } as AnalyticsEvent;
    await sendAnalyticsEvents([bigEvent], large.options);
    expect((large.requests[0].init.headers as Record<string, string>)["Content-Encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(large.requests[0].init.body as Uint8Array).toString()).events[0].event_properties.text).toHaveLength(3_000);
  });

  it("retries when the network fails or a 200 carries an error code", async () => {
    const failing = options(() => {
      throw new TypeError("Failed to fetch");
    });
    expect((await sendAnalyticsEvents([event], failing.options)).kind).toBe("retry");
    const mislabelled = options(() => Response.json({ code: 503 }, { status: 200 }));
    expect((await sendAnalyticsEvents([event], mislabelled.options)).kind).toBe("retry");
  });

  it("uses a text/plain keepalive fetch at unload, else a beacon whose answer is unknown", async () => {
    const keepalive = options(() => Response.json({ code: 200 }));
    expect(await sendAnalyticsEventsDuringUnload([event], keepalive.options)).toEqual({ kind: "delivered" });
    expect(keepalive.requests[0].init).toMatchObject({ keepalive: true, headers: { "Content-Type": "text/plain" } });
    const beacons: string[] = [];
    const beacon = options(() => Response.json({ code: 200 }), { keepaliveBudget: new KeepaliveBudget(10), sendBeaconFunction: (url) => beacons.push(url) > 0 });
    expect(await sendAnalyticsEventsDuringUnload([event], beacon.options)).toEqual({ kind: "unknown" });
    expect(beacons).toEqual(["https://reel.example/2/httpapi"]);
    const refused = options(() => Response.json({}), { keepaliveBudget: new KeepaliveBudget(10), sendBeaconFunction: () => false });
    expect(sendAnalyticsEventsDuringUnload([event], refused.options)).toBeNull();
  });
});
