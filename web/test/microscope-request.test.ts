import { describe, expect, it } from "vitest";
import { funnelUsersRequest, journeyLinkRequest, journeyPathRequest, microscopeRequest, seriesIndex } from "../src/analytics/microscope-request";
import { withReplaysFilter } from "../src/analytics/use-user-streams";
import type { FunnelQuery, FunnelResult } from "../src/api/funnel-types";
import type { JourneysQuery } from "../src/api/journeys-types";
import type { SegmentationQuery, SegmentationResult } from "../src/api/segmentation-types";

const NOV_25 = Date.UTC(2026, 10, 25);
const DAY_MS = 86_400_000;
const query: SegmentationQuery = {
  series: [{ event_type: "Song Played" }, { event_type: "Page Viewed", group_by: [{ scope: "builtin", name: "country" }] }],
  measure: { kind: "uniques" },
  interval: "day",
  start_date: "2026-11-25",
  end_date: "2026-11-26",
};
const result: SegmentationResult = {
  interval: "day",
  buckets_ms: [NOV_25, NOV_25 + DAY_MS],
  rows: [
    { series: "A", label: "Song Played", group: [], values: [1, 2], total: 3 },
    { series: "B", label: "Page Viewed", group: ["DE"], values: [0, 1], total: 1 },
    { series: "formula", label: "A / B", group: [], values: [null, 2], total: 3 },
  ],
  frequency: [],
};

describe("the Microscope's request", () => {
  it("names the series by index, the row's group and the clicked bucket", () => {
    expect(microscopeRequest(query, result, 0, 1)).toEqual({ query, series: 0, group: [], bucket_ms: NOV_25 + DAY_MS });
    expect(microscopeRequest(query, result, 1, 0)).toEqual({ query, series: 1, group: ["DE"], bucket_ms: NOV_25 });
  });

  it("leaves bucket_ms out for the row's total", () => {
    expect(microscopeRequest(query, result, 1, null)).toEqual({ query, series: 1, group: ["DE"] });
  });

  it("has nothing for a formula row, a frequency bar or a point that does not exist", () => {
    expect(microscopeRequest(query, result, 2, 0)).toBeNull();
    expect(microscopeRequest(query, result, 5, 0)).toBeNull();
    expect(microscopeRequest(query, result, 0, 9)).toBeNull();
    const frequency: SegmentationResult = { ...result, rows: [], frequency: [{ series: "A", label: "Song Played", group: [], histogram: [{ times: 1, users: 2 }] }] };
    expect(microscopeRequest(query, frequency, 0, 0)).toBeNull();
  });

  it("reads series letters", () => {
    expect(seriesIndex("A")).toBe(0);
    expect(seriesIndex("J")).toBe(9);
    expect(seriesIndex("formula")).toBeNull();
  });
});

const funnelQuery: FunnelQuery = {
  steps: [{ event_type: "Page Viewed" }, { event_type: "Add to Cart" }],
  group_by: { scope: "event", name: "utm_source" },
  conversion_window_ms: 86_400_000,
  start_date: "2026-11-01",
  end_date: "2026-11-26",
};
const funnelStep = { event_type: "Page Viewed", users: 2, percent_of_first: 100, percent_of_previous: 100, dropped_off: 0, median_time_to_convert_ms: null };
const funnelResult: FunnelResult = {
  groups: [
    { group: [], steps: [funnelStep, { ...funnelStep, event_type: "Add to Cart", users: 1, dropped_off: 1 }] },
    { group: ["ads"], steps: [funnelStep, { ...funnelStep, event_type: "Add to Cart", users: 1, dropped_off: 1 }] },
  ],
};

describe("the funnel Microscope's request", () => {
  it("names the step, the group's label (none for all users) and whether it is the drop-offs", () => {
    expect(funnelUsersRequest(funnelQuery, funnelResult, 0, 1, false)).toEqual({ query: funnelQuery, step: 1, dropped_off: false });
    expect(funnelUsersRequest(funnelQuery, funnelResult, 1, 1, true)).toEqual({ query: funnelQuery, step: 1, group: "ads", dropped_off: true });
    expect(funnelUsersRequest(funnelQuery, funnelResult, 1, 0, false)).toEqual({ query: funnelQuery, step: 0, group: "ads", dropped_off: false });
  });

  it("has nothing for drop-offs at the first step or a bar that does not exist", () => {
    expect(funnelUsersRequest(funnelQuery, funnelResult, 0, 0, true)).toBeNull();
    expect(funnelUsersRequest(funnelQuery, funnelResult, 2, 1, false)).toBeNull();
    expect(funnelUsersRequest(funnelQuery, funnelResult, 0, 2, false)).toBeNull();
  });
});

describe("the journeys Microscope's request", () => {
  const journeysQuery: JourneysQuery = { start_event: "Home", path_events: 3, collapse_repeats: true, exclude_event_types: [], start_date: "2026-11-01", end_date: "2026-11-26" };

  it("asks for a Pathfinder path or a Journey Map link", () => {
    expect(journeyPathRequest(journeysQuery, ["Home", "Cart"])).toEqual({ query: journeysQuery, path: ["Home", "Cart"] });
    expect(journeyLinkRequest(journeysQuery, { step: 1, from: "Search", to: "Product", users: 3 })).toEqual({ query: journeysQuery, link: { step: 1, from: "Search", to: "Product" } });
  });

  it("adds the drawer's replay filter to any source", () => {
    const source = { chart: "journeys" as const, request: journeyPathRequest(journeysQuery, ["Home"]) };
    expect(withReplaysFilter(source, true)).toEqual({ chart: "journeys", request: { query: journeysQuery, path: ["Home"], with_replays_only: true } });
    expect(source.request).not.toHaveProperty("with_replays_only");
  });
});
