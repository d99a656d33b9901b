import { describe, expect, it } from "vitest";
import type { SessionAnalyticsEvent } from "../src/api/types";
import { buildEventStream, filterStreamItems, lastIndexAtOrBefore } from "../src/player/event-stream";
import { RecordingSummaryBuilder } from "../src/player/recording-summary";
import { timelineMarkers } from "../src/player/timeline-markers";
import { START_MS, at, clickEvent, consoleEvent, customEvent, fullSnapshotEvent, metaEvent } from "./recording-fixtures";

function summaryOfTheRecording() {
  const builder = new RecordingSummaryBuilder(START_MS);
  builder.addEvents([
    metaEvent(0, "https://shop.example/"),
    fullSnapshotEvent(1),
    clickEvent(1_000, 11),
    metaEvent(300_000, "https://shop.example/"), // a periodic snapshot: same URL, no page view
    fullSnapshotEvent(300_001),
    metaEvent(301_000, "https://shop.example/cart"),
    fullSnapshotEvent(301_001),
    consoleEvent(302_000, "error", ["Cart failed"]),
    consoleEvent(302_500, "log", ["just a log"]),
    customEvent(303_000, "reel.error", { message: "TypeError: x is undefined" }),
    customEvent(304_000, "fetch-request", { method: "GET", url: "https://shop.example/api", status: 503 }),
  ]);
  return builder.summary(at(305_000));
}

describe("the event stream", () => {
  it("derives page views, clicks, errors and requests from the recording when there are no analytics events", () => {
    const items = buildEventStream({ summary: summaryOfTheRecording(), analyticsEvents: null, signals: [] });
    expect(items.map((item) => [item.kind, item.title])).toEqual([
      ["page", "Page view: https://shop.example/"],
      ["click", "Clicked 'Add to cart' button"],
      ["page", "Page view: https://shop.example/cart"],
      ["error", "console.error: Cart failed"],
      ["error", "TypeError: x is undefined"],
      ["network", "GET https://shop.example/api → 503"],
    ]);
  });

  it("prefers analytics events with display names, keeping console errors and the server's signals", () => {
    const analyticsEvents: SessionAnalyticsEvent[] = [
      { event_type: "[Amplitude] Page Viewed", display_name: "Viewed Home", time: at(5), event_properties: { "[Amplitude] Page Location": "https://shop.example/" } },
      { event_type: "[Amplitude] Element Clicked", display_name: "Clicked 'Add to cart' button", time: at(1_000) },
      { event_type: "[Amplitude] Dead Click", display_name: "Dead click on 'Buy'", time: at(2_000) },
      { event_type: "session_start", time: at(0) },
      { event_type: "Checkout Started", display_name: null, time: at(3_000) },
    ];
    const signals = [{ kind: "rage_click", time_ms: at(2_500), display_name: "Rage click on 'Buy'", click_count: 5, selector: "button#buy", message: null }];
    const items = buildEventStream({ summary: summaryOfTheRecording(), analyticsEvents, signals });
    expect(items.map((item) => [item.kind, item.title, item.origin])).toEqual([
      ["page", "Viewed Home", "analytics"],
      ["click", "Clicked 'Add to cart' button", "analytics"],
      ["frustration", "Rage click on 'Buy'", "signals"],
      ["custom", "Checkout Started", "analytics"],
      ["error", "console.error: Cart failed", "recording"],
      ["error", "TypeError: x is undefined", "recording"],
      ["network", "GET https://shop.example/api → 503", "recording"],
    ]);
    expect(items[2].detail).toBe("click count: 5 · selector: button#buy");
  });

  it("finds the current item and filters by kind", () => {
    const items = buildEventStream({ summary: summaryOfTheRecording(), analyticsEvents: null, signals: [] });
    expect(lastIndexAtOrBefore(items, at(-1))).toBe(-1);
    expect(lastIndexAtOrBefore(items, at(1_000))).toBe(1);
    expect(lastIndexAtOrBefore(items, at(999_999))).toBe(items.length - 1);
    expect(filterStreamItems(items, new Set(["error"])).map((item) => item.kind)).toEqual(["error", "error"]);
  });

  it("puts errors, frustration and navigations on the timeline", () => {
    const signals = [
      { kind: "rage_click", time_ms: at(10), display_name: "Rage click on 'Buy'" },
      { kind: "dead_click", time_ms: at(20) },
    ];
    const markers = timelineMarkers(buildEventStream({ summary: summaryOfTheRecording(), analyticsEvents: null, signals }));
    expect(markers.map((marker) => [marker.kind, marker.label])).toEqual([
      ["navigation", "Page view: https://shop.example/"],
      ["rage-click", "Rage click on 'Buy'"],
      ["dead-click", "Dead click"],
      ["navigation", "Page view: https://shop.example/cart"],
      ["error", "Error: console.error: Cart failed"],
      ["error", "Error: TypeError: x is undefined"],
    ]);
  });
});
