import { describe, expect, it } from "vitest";
import type { FunnelDraft } from "../src/analytics/funnel-draft";
import { defaultFunnelDraft, funnelDraftToQuery, funnelQueryToDraft, msToWindow, windowToMs } from "../src/analytics/funnel-draft";
import { funnelToSearchParams, searchParamsToFunnel } from "../src/analytics/funnel-url";
import { moveAt } from "../src/analytics/list-edit";
import type { FunnelQuery } from "../src/api/funnel-types";

const NOW = Date.UTC(2026, 10, 27, 0, 30);

function draftWith(changes: Partial<FunnelDraft>): FunnelDraft {
  return { ...defaultFunnelDraft(NOW), steps: [{ eventType: "Page Viewed", filters: [] }, { eventType: "Purchase", filters: [] }], ...changes };
}

describe("the funnel form", () => {
  it("starts with two empty steps, a 1-day window and the last 30 days ending today in UTC", () => {
    expect(defaultFunnelDraft(NOW)).toEqual({
      steps: [{ eventType: "", filters: [] }, { eventType: "", filters: [] }],
      groupBy: null,
      windowValue: "1",
      windowUnit: "days",
      startDate: "2026-10-29",
      endDate: "2026-11-27",
    });
  });

  it("builds the request: trimmed names, filters only where given, the window in milliseconds, one group-by", () => {
    const draft = draftWith({
      steps: [
        { eventType: " Page Viewed ", filters: [] },
        { eventType: "Purchase", filters: [{ property: { scope: "event", name: " amount" }, operator: "greater_than", values: " 100 " }] },
      ],
      groupBy: { scope: "builtin", name: " browser_name " },
      windowValue: "90",
      windowUnit: "minutes",
    });
    expect(funnelDraftToQuery(draft)).toEqual({
      query: {
        steps: [
          { event_type: "Page Viewed" },
          { event_type: "Purchase", filters: [{ property: { scope: "event", name: "amount" }, operator: "greater_than", values: ["100"] }] },
        ],
        group_by: { scope: "builtin", name: "browser_name" },
        conversion_window_ms: 5_400_000,
        start_date: "2026-10-29",
        end_date: "2026-11-27",
      },
    });
  });

  it("says what is missing before any request", () => {
    expect(funnelDraftToQuery(draftWith({ steps: [{ eventType: "Page Viewed", filters: [] }] }))).toEqual({ error: "Choose 2 to 10 steps." });
    expect(funnelDraftToQuery(draftWith({ steps: [{ eventType: "Page Viewed", filters: [] }, { eventType: " ", filters: [] }] }))).toEqual({ error: "Step 2: choose an event." });
    const badFilter = draftWith({ steps: [{ eventType: "a", filters: [] }, { eventType: "b", filters: [{ property: { scope: "event", name: "amount" }, operator: "less_than", values: "x" }] }] });
    expect(funnelDraftToQuery(badFilter)).toEqual({ error: 'Step 2: the filter on "amount" needs one number.' });
    expect(funnelDraftToQuery(draftWith({ windowValue: "" }))).toEqual({ error: "The conversion window is 1 second to 366 days." });
    expect(funnelDraftToQuery(draftWith({ windowValue: "367" }))).toEqual({ error: "The conversion window is 1 second to 366 days." });
    expect(funnelDraftToQuery(draftWith({ groupBy: { scope: "event", name: "" } }))).toEqual({ error: "The group-by has no property name." });
    expect(funnelDraftToQuery(draftWith({ startDate: "2026-11-28" }))).toEqual({ error: "Choose a start date on or before the end date." });
  });

  it("converts windows both ways, in the largest unit that fits exactly", () => {
    expect(windowToMs("1", "days")).toBe(86_400_000);
    expect(windowToMs("1.5", "hours")).toBe(5_400_000);
    expect(windowToMs("366", "days")).toBe(366 * 86_400_000);
    expect(windowToMs("0", "minutes")).toMatch(/1 second to 366 days/);
    expect(msToWindow(3 * 86_400_000)).toEqual({ windowValue: "3", windowUnit: "days" });
    expect(msToWindow(5_400_000)).toEqual({ windowValue: "90", windowUnit: "minutes" });
    expect(msToWindow(7_200_000)).toEqual({ windowValue: "2", windowUnit: "hours" });
    expect(msToWindow(90_000)).toEqual({ windowValue: "1.5", windowUnit: "minutes" });
  });

  it("moves a step up or down, and not past the ends", () => {
    expect(moveAt(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveAt(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveAt(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveAt(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("the funnel in the URL", () => {
  const query: FunnelQuery = {
    steps: [
      { event_type: "[Amplitude] Page Viewed" },
      { event_type: "Purchase", filters: [{ property: { scope: "event", name: "amount" }, operator: "greater_than", values: ["100"] }] },
    ],
    group_by: { scope: "event", name: "utm_source" },
    conversion_window_ms: 259_200_000,
    start_date: "2026-10-29",
    end_date: "2026-11-27",
  };

  it("survives the round trip, and the form shows it again", () => {
    const params = funnelToSearchParams(query);
    expect(params.get("window_ms")).toBe("259200000");
    expect(searchParamsToFunnel(new URLSearchParams(params.toString()))).toEqual(query);
    const ungrouped = { ...query, group_by: undefined };
    delete ungrouped.group_by;
    expect(searchParamsToFunnel(funnelToSearchParams(ungrouped))).toEqual(ungrouped);
    const draft = funnelQueryToDraft(query);
    expect(draft).toMatchObject({ windowValue: "3", windowUnit: "days", groupBy: { scope: "event", name: "utm_source" } });
    expect(funnelDraftToQuery(draft)).toEqual({ query });
  });

  it("ignores missing or malformed queries", () => {
    expect(searchParamsToFunnel(new URLSearchParams(""))).toBeNull();
    const params = funnelToSearchParams(query);
    params.set("steps", JSON.stringify([{ event_type: "only one" }]));
    expect(searchParamsToFunnel(params)).toBeNull();
    const badWindow = funnelToSearchParams(query);
    badWindow.set("window_ms", "soon");
    expect(searchParamsToFunnel(badWindow)).toBeNull();
    const badFilter = funnelToSearchParams(query);
    badFilter.set("steps", JSON.stringify([{ event_type: "a" }, { event_type: "b", filters: [{ property: { scope: "event", name: "x" }, operator: "like" }] }]));
    expect(searchParamsToFunnel(badFilter)).toBeNull();
    const badScope = funnelToSearchParams(query);
    badScope.set("group_scope", "session");
    expect(searchParamsToFunnel(badScope)).toBeNull();
  });
});
