import { describe, expect, it } from "vitest";
import { bucketKey, bucketLabel } from "../src/analytics/buckets";
import { chartModel, nearestLine } from "../src/analytics/chart-model";
import type { QueryDraft } from "../src/analytics/query-draft";
import { defaultDraft, draftToQuery, emptyFilter, queryToDraft, seriesLetter } from "../src/analytics/query-draft";
import { queryToSearchParams, searchParamsToQuery } from "../src/analytics/query-url";
import type { SegmentationQuery } from "../src/api/segmentation-types";

const NOW = Date.UTC(2026, 10, 27, 0, 30);

function draftWith(changes: Partial<QueryDraft>): QueryDraft {
  return { ...defaultDraft(NOW), series: [{ eventType: "Song Played", filters: [], groupBy: [] }], ...changes };
}

describe("the segmentation form", () => {
  it("starts with unique users per day over the last 30 days ending today in UTC", () => {
    const draft = defaultDraft(NOW);
    expect(draft).toMatchObject({ measure: "uniques", interval: "day", startDate: "2026-10-29", endDate: "2026-11-27" });
    expect(seriesLetter(0) + seriesLetter(1) + seriesLetter(9)).toBe("ABJ");
  });

  it("builds the request: trimmed names, split values, one number (as text) for comparisons, no empty lists", () => {
    const draft = draftWith({
      series: [
        {
          eventType: " Song Played ",
          filters: [
            { property: { scope: "event", name: "genre " }, operator: "is", values: "rock, jazz ,," },
            { property: { scope: "event", name: "duration" }, operator: "greater_than", values: " 30 " },
            { property: { scope: "user", name: "plan" }, operator: "is_set", values: "ignored" },
          ],
          groupBy: [{ scope: "builtin", name: "browser_name" }],
        },
        { eventType: "_active", filters: [], groupBy: [] },
      ],
      measure: "property_sum",
      measureProperty: { scope: "event", name: "duration" },
    });
    expect(draftToQuery(draft)).toEqual({
      query: {
        series: [
          {
            event_type: "Song Played",
            filters: [
              { property: { scope: "event", name: "genre" }, operator: "is", values: ["rock", "jazz"] },
              { property: { scope: "event", name: "duration" }, operator: "greater_than", values: ["30"] },
              { property: { scope: "user", name: "plan" }, operator: "is_set", values: [] },
            ],
            group_by: [{ scope: "builtin", name: "browser_name" }],
          },
          { event_type: "_active" },
        ],
        measure: { kind: "property_sum", property: { scope: "event", name: "duration" } },
        interval: "day",
        start_date: "2026-10-29",
        end_date: "2026-11-27",
      },
    });
  });

  it("says what is missing instead of sending an incomplete request", () => {
    expect(draftToQuery(draftWith({ series: [{ eventType: " ", filters: [], groupBy: [] }] }))).toEqual({ error: "Series A: choose an event." });
    const noValue = draftWith({ series: [{ eventType: "x", filters: [{ ...emptyFilter(), property: { scope: "event", name: "p" } }], groupBy: [] }] });
    expect(draftToQuery(noValue)).toEqual({ error: 'Series A: the filter on "p" has no value.' });
    const notNumber = draftWith({ series: [{ eventType: "x", filters: [{ property: { scope: "event", name: "p" }, operator: "less_than", values: "abc" }], groupBy: [] }] });
    expect(draftToQuery(notNumber)).toEqual({ error: 'Series A: the filter on "p" needs one number.' });
    expect("error" in draftToQuery(draftWith({ measure: "formula", formula: "  " }))).toBe(true);
    expect("error" in draftToQuery(draftWith({ measure: "property_average" }))).toBe(true);
    expect("error" in draftToQuery(draftWith({ startDate: "2026-11-28", endDate: "2026-11-27" }))).toBe(true);
  });

  it("round-trips a request through the URL and back into the form", () => {
    const query: SegmentationQuery = {
      series: [
        { event_type: "[Amplitude] Page Viewed", filters: [{ property: { scope: "event", name: "[Amplitude] Page Path" }, operator: "contains", values: ["/checkout", "a,b"] }] },
        { event_type: "[Amplitude] Replay Captured", group_by: [{ scope: "event", name: "[Amplitude] Session Replay ID" }] },
      ],
      measure: { kind: "formula", formula: "PROPCOUNT(B) / UNIQUES(A)" },
      interval: "week",
      start_date: "2026-11-01",
      end_date: "2026-11-27",
    };
    const params = new URLSearchParams(queryToSearchParams(query).toString());
    expect(searchParamsToQuery(params)).toEqual(query);
    const draft = queryToDraft(query, NOW);
    expect(draft.series[0].filters[0].values).toBe("/checkout, a,b");
    expect(draft).toMatchObject({ measure: "formula", formula: "PROPCOUNT(B) / UNIQUES(A)", interval: "week", startDate: "2026-11-01" });
  });

  it("ignores malformed search params", () => {
    const good = queryToSearchParams({ series: [{ event_type: "x" }], measure: { kind: "uniques" }, interval: "day", start_date: "2026-11-01", end_date: "2026-11-02" });
    expect(searchParamsToQuery(good)).not.toBeNull();
    for (const [name, value] of [["series", "{not json"], ["series", "[]"], ["measure", "median"], ["interval", "year"], ["start", "yesterday"]]) {
      const broken = new URLSearchParams(good);
      broken.set(name, value);
      expect(searchParamsToQuery(broken)).toBeNull();
    }
    expect(searchParamsToQuery(new URLSearchParams(""))).toBeNull();
  });
});

describe("buckets and chart", () => {
  it("names buckets in UTC per interval", () => {
    const sunday = Date.UTC(2026, 10, 22);
    expect(bucketKey(sunday + 14 * 3_600_000, "hour")).toBe("2026-11-22 14:00");
    expect(bucketKey(sunday, "week")).toBe("2026-11-22");
    expect(bucketLabel(sunday, "day")).toBe("Nov 22");
    expect(bucketLabel(sunday, "week")).toBe("Week of Nov 22");
    expect(bucketLabel(Date.UTC(2026, 10, 1), "month")).toBe("Nov 2026");
  });

  it("draws a line per row, bars per frequency entry, and picks the nearest line at a bucket", () => {
    const lines = chartModel({
      interval: "day",
      buckets_ms: [Date.UTC(2026, 10, 25), Date.UTC(2026, 10, 26)],
      rows: [
        { series: "A", label: "Song Played", group: ["rock"], values: [1, 10], total: 2 },
        { series: "A", label: "Song Played", group: ["jazz"], values: [4, null], total: 2 },
      ],
      frequency: [],
    });
    expect(lines).toEqual({
      kind: "line",
      categories: ["Nov 25", "Nov 26"],
      lines: [
        { name: "A: Song Played · rock", values: [1, 10] },
        { name: "A: Song Played · jazz", values: [4, null] },
      ],
    });
    expect(nearestLine(lines, 0, 3)).toBe(1);
    expect(nearestLine(lines, 1, 0)).toBe(0);
    const bars = chartModel({ interval: "day", buckets_ms: [], rows: [], frequency: [{ series: "A", label: "x", group: [], histogram: [{ times: 3, users: 2 }, { times: 1, users: 5 }] }] });
    expect(bars).toEqual({ kind: "bar", categories: ["1 time", "2 times", "3 times"], lines: [{ name: "A: x", values: [5, 0, 2] }] });
  });
});
