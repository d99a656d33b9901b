import { describe, expect, it } from "vitest";
import { microscopeRequest, seriesIndex } from "../src/analytics/microscope-request";
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
