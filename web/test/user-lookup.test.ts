import { describe, expect, it } from "vitest";
import { searchParamsToFunnel } from "../src/analytics/funnel-url";
import { searchParamsToQuery } from "../src/analytics/query-url";
import { matchRoute } from "../src/navigation";
import { chartDateRange, chartLinkFor, conversionWindowDays } from "../src/user-lookup/chart-links";
import { MAX_SELECTED_EVENTS, eventKey, locateEvent, toggleSelectedEvent } from "../src/user-lookup/event-selection";
import { lookupPath, readLookupLocation } from "../src/user-lookup/lookup-url";
import { countryLabel, propertyText } from "../src/user-lookup/user-profile-card";

const NOW_MS = Date.parse("2026-11-27T12:00:00Z");
const at = (text: string) => Date.parse(text);

function searchOf(path: string): URLSearchParams {
  return new URLSearchParams(path.slice(path.indexOf("?") + 1));
}

describe("User Lookup routes and URL", () => {
  it("has its own page and the settings page", () => {
    expect(matchRoute("/users")).toEqual({ name: "user-lookup" });
    expect(matchRoute("/settings/project")).toEqual({ name: "project-settings" });
  });

  it("keeps the search and the chosen user in the URL", () => {
    const path = lookupPath({ search: { query: "acme", by: "user_property", property: "company" }, userKey: "user alice/1" });
    expect(path.startsWith("/users?")).toBe(true);
    expect(readLookupLocation(path.slice(path.indexOf("?")))).toEqual({
      search: { query: "acme", by: "user_property", property: "company" },
      userKey: "user alice/1",
    });
    expect(lookupPath({ search: null, userKey: null })).toBe("/users");
  });

  it("reads an unknown or missing 'by' as any, and a blank query as no search", () => {
    expect(readLookupLocation("?q=bob&by=email")).toEqual({ search: { query: "bob", by: "any" }, userKey: null });
    expect(readLookupLocation("?q=%20&user=u1")).toEqual({ search: null, userKey: "u1" });
  });
});

describe("picking events", () => {
  it("refuses the eleventh event and keeps the ten", () => {
    let selected: string[] = [];
    for (let index = 0; index < MAX_SELECTED_EVENTS; index += 1) {
      const result = toggleSelectedEvent(selected, eventKey(0, index));
      expect(result.refused).toBe(false);
      selected = result.selected;
    }
    const refused = toggleSelectedEvent(selected, eventKey(1, 0));
    expect(refused.refused).toBe(true);
    expect(refused.selected).toEqual(selected);
    const untick = toggleSelectedEvent(selected, eventKey(0, 3));
    expect(untick.selected).toHaveLength(MAX_SELECTED_EVENTS - 1);
    expect(toggleSelectedEvent(untick.selected, eventKey(1, 0)).refused).toBe(false);
  });

  it("finds an event and its session by key", () => {
    const sessions = [{ session_id: 1, device_id: "d", start_ms: 0, end_ms: 1, replay: null, events: [{ event_type: "A", time: 5 }] }];
    expect(locateEvent(sessions, "0:0")?.event.event_type).toBe("A");
    expect(locateEvent(sessions, "0:1")).toBeNull();
    expect(locateEvent(sessions, "3:0")).toBeNull();
  });
});

describe("Create Chart links", () => {
  const picked = [
    { event_type: "Purchase", time: at("2026-11-20T10:02:00Z") },
    { event_type: "Page Viewed", time: at("2026-11-20T10:00:00Z") },
    { event_type: "Add to Cart", time: at("2026-11-20T10:01:00Z") },
    { event_type: "Page Viewed", time: at("2026-11-26T08:00:00Z") },
  ];

  it("makes one series per distinct event type, in time order, that the segmentation page reads back", () => {
    const link = chartLinkFor("segmentation", picked, NOW_MS);
    if (!("path" in link)) throw new Error(link.error);
    expect(link.path.startsWith("/analytics/segmentation?")).toBe(true);
    const query = searchParamsToQuery(searchOf(link.path));
    expect(query?.series.map((series) => series.event_type)).toEqual(["Page Viewed", "Add to Cart", "Purchase"]);
    expect(query).toMatchObject({ measure: { kind: "uniques" }, interval: "day", start_date: "2026-10-29", end_date: "2026-11-27" });
  });

  it("makes funnel steps in time order, repeats kept, with a window covering them", () => {
    const link = chartLinkFor("funnel", picked, NOW_MS);
    if (!("path" in link)) throw new Error(link.error);
    const query = searchParamsToFunnel(searchOf(link.path));
    expect(query?.steps.map((step) => step.event_type)).toEqual(["Page Viewed", "Add to Cart", "Purchase", "Page Viewed"]);
    expect(query?.conversion_window_ms).toBe(6 * 86_400_000);
    expect(conversionWindowDays(picked.slice(0, 3))).toBe(1);
  });

  it("stretches the range back to an old event", () => {
    expect(chartDateRange([{ event_type: "A", time: at("2026-01-05T10:00:00Z") }], NOW_MS)).toEqual({ startDate: "2026-01-05", endDate: "2026-11-27" });
  });

  it("says why a funnel of one event cannot be made", () => {
    expect(chartLinkFor("funnel", picked.slice(0, 1), NOW_MS)).toEqual({ error: "A funnel needs at least 2 events." });
    expect("error" in chartLinkFor("segmentation", [], NOW_MS)).toBe(true);
  });
});

describe("profile formatting", () => {
  it("names countries and shows property values", () => {
    expect(countryLabel("DE")).toBe("Germany (DE)");
    expect(countryLabel(null)).toBe("—");
    expect(propertyText("premium")).toBe("premium");
    expect(propertyText(3)).toBe("3");
    expect(propertyText(["a"])).toBe('["a"]');
  });
});
