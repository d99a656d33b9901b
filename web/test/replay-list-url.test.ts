import { describe, expect, it } from "vitest";
import type { ReplayFilter } from "../src/api/replay-search-types";
import { recentSessionsRequest } from "../src/home/recent-sessions-widget";
import { lastDaysRange, presetRange } from "../src/replay-search/date-presets";
import { readReplayFilter } from "../src/replay-search/replay-filter-reading";
import { describeReplayFilter } from "../src/replay-search/replay-filter-labels";
import { defaultReplayListState, replayListToRequest, replayListToSearchParams, searchParamsToReplayList } from "../src/replay-search/replay-list-url";

const NOW_MS = Date.UTC(2026, 10, 27, 23, 30); // Nov 27, 2026, late in the UTC day

const EVERY_KIND: ReplayFilter[] = [
  { kind: "has_error" },
  { kind: "has_rage_click" },
  { kind: "has_dead_click" },
  { kind: "duration", min_ms: 60_000, max_ms: 300_000 },
  { kind: "country", countries: ["DE", "US"] },
  { kind: "url_visited", operator: "contains", value: "/checkout" },
  { kind: "event_performed", event_type: "Purchase", filters: [{ property: { scope: "event", name: "price" }, operator: "greater_than", values: ["10"] }] },
  { kind: "event_property", filter: { property: { scope: "event", name: "plan" }, operator: "is", values: ["pro"] } },
  { kind: "user_property", filter: { property: { scope: "user", name: "tier" }, operator: "is_set", values: [] } },
  { kind: "cohort", cohort_id: 7 },
];

describe("date presets", () => {
  it("counts today as the last of N UTC days", () => {
    expect(lastDaysRange(7, NOW_MS)).toEqual({ startDate: "2026-11-21", endDate: "2026-11-27" });
    expect(presetRange("last_90_days", { startDate: "x", endDate: "y" }, NOW_MS)).toEqual({ startDate: "2026-08-30", endDate: "2026-11-27" });
    expect(presetRange("custom", { startDate: "2026-01-01", endDate: "2026-01-31" }, NOW_MS)).toEqual({ startDate: "2026-01-01", endDate: "2026-01-31" });
  });
});

describe("the replay list in the URL", () => {
  it("leaves defaults out and asks for the last 30 days, newest first", () => {
    const state = defaultReplayListState(NOW_MS);
    expect(replayListToSearchParams(state).toString()).toBe("");
    expect(replayListToRequest(state, NOW_MS)).toEqual({
      start_date: "2026-10-29",
      end_date: "2026-11-27",
      filters: [],
      sort: "start_time",
      direction: "desc",
      limit: 50,
      offset: 0,
    });
  });

  it("keeps every filter kind, the custom days, projects, sort and page through a round trip", () => {
    const state = {
      ...defaultReplayListState(NOW_MS),
      preset: "custom" as const,
      customStartDate: "2026-09-01",
      customEndDate: "2026-09-30",
      projectIds: [2, 5],
      filters: EVERY_KIND,
      sort: "duration" as const,
      direction: "asc" as const,
      offset: 100,
    };
    const params = replayListToSearchParams(state);
    expect(searchParamsToReplayList(new URLSearchParams(params.toString()), NOW_MS)).toEqual(state);
    const request = replayListToRequest(state, NOW_MS);
    expect(request).toMatchObject({ project_ids: [2, 5], start_date: "2026-09-01", end_date: "2026-09-30", sort: "duration", direction: "asc", offset: 100 });
  });

  it("drops what it cannot read", () => {
    const params = new URLSearchParams({ range: "custom", start: "soon", sort: "mood", offset: "-4", filters: '[{"kind":"country","countries":["germany"]},{"kind":"has_error"}]' });
    const state = searchParamsToReplayList(params, NOW_MS);
    expect(state.preset).toBe("last_30_days");
    expect(state.sort).toBe("start_time");
    expect(state.offset).toBe(0);
    expect(state.filters).toEqual([{ kind: "has_error" }]);
    expect(readReplayFilter({ kind: "duration" })).toBeNull();
    expect(readReplayFilter({ kind: "url_visited", operator: "like", value: "x" })).toBeNull();
  });
});

describe("filter chips", () => {
  it("describe each kind", () => {
    const names = new Map([[7, "Paying users"]]);
    expect(EVERY_KIND.map((filter) => describeReplayFilter(filter, names))).toEqual([
      "Has error",
      "Has rage click",
      "Has dead click",
      "Duration 1m 00s – 5m 00s",
      "Country: DE, US",
      "URL contains /checkout",
      "Performed Purchase where price greater than 10",
      "Event property: plan is pro",
      "User property: tier is set",
      "Cohort: Paying users",
    ]);
  });
});

describe("the home widget", () => {
  it("asks for the 100 newest sessions of the past 7 days", () => {
    expect(recentSessionsRequest(NOW_MS)).toEqual({ start_date: "2026-11-21", end_date: "2026-11-27", filters: [], sort: "start_time", direction: "desc", limit: 100, offset: 0 });
  });
});
