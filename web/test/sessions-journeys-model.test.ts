import { describe, expect, it } from "vitest";
import { journeyGraph, journeysCsv, journeysDraftToQuery, journeysToSearchParams, searchParamsToJourneys } from "../src/analytics/journeys-model";
import { formatSessionsValue, searchParamsToSessions, sessionsCsv, sessionsDraftToQuery, sessionsToSearchParams } from "../src/analytics/sessions-model";
import type { SessionsResult } from "../src/api/sessions-types";

const NOV_25 = Date.UTC(2026, 10, 25);

describe("User Sessions", () => {
  it("round-trips the request through the search params and refuses a backwards range", () => {
    const converted = sessionsDraftToQuery({ measure: "average_length", interval: "week", startDate: "2026-11-01", endDate: "2026-11-27" });
    expect(converted).toEqual({ query: { measure: "average_length", interval: "week", start_date: "2026-11-01", end_date: "2026-11-27" } });
    if ("query" in converted) {
      expect(searchParamsToSessions(sessionsToSearchParams(converted.query))).toEqual(converted.query);
    }
    expect(searchParamsToSessions(new URLSearchParams("measure=nope&interval=day&start=2026-11-01&end=2026-11-02"))).toBeNull();
    expect(sessionsDraftToQuery({ measure: "total_sessions", interval: "day", startDate: "2026-11-27", endDate: "2026-11-01" })).toHaveProperty("error");
  });

  it("shows time measures as durations and the rest as numbers", () => {
    expect(formatSessionsValue("average_length", 80_000)).toBe("1m 20s");
    expect(formatSessionsValue("average_time_per_user", 5_000)).toBe("5s");
    expect(formatSessionsValue("sessions_per_user", 5 / 3)).toBe("1.67");
    expect(formatSessionsValue("average_length", null)).toBe("—");
  });

  it("writes the CSV in milliseconds, or the distribution", () => {
    const result: SessionsResult = { measure: "average_length", interval: "day", buckets_ms: [NOV_25, NOV_25 + 86_400_000], values: [80_000, null], total: 80_000, distribution: [] };
    expect(sessionsCsv(result)).toBe("bucket,average_length\r\n2026-11-25,80000\r\n2026-11-26,\r\ntotal,80000\r\n");
    const distribution: SessionsResult = { ...result, measure: "length_distribution", values: [], distribution: [{ label: "< 10 s", sessions: 2 }] };
    expect(sessionsCsv(distribution)).toBe("length,sessions\r\n< 10 s,2\r\n");
  });
});

describe("Journeys", () => {
  it("asks for an event and a length of 2 to 8, and round-trips through the search params", () => {
    const draft = { anchor: "end" as const, eventType: " Checkout ", pathEvents: 3, collapseRepeats: false, exclude: "Noise, , Heartbeat", startDate: "2026-11-01", endDate: "2026-11-27" };
    const converted = journeysDraftToQuery(draft);
    expect(converted).toEqual({
      query: { end_event: "Checkout", path_events: 3, collapse_repeats: false, exclude_event_types: ["Noise", "Heartbeat"], paths_max: 20, start_date: "2026-11-01", end_date: "2026-11-27" },
    });
    if ("query" in converted) {
      expect(searchParamsToJourneys(journeysToSearchParams(converted.query))).toEqual(converted.query);
    }
    expect(journeysDraftToQuery({ ...draft, eventType: "" })).toHaveProperty("error");
    expect(journeysDraftToQuery({ ...draft, pathEvents: 9 })).toHaveProperty("error");
    expect(searchParamsToJourneys(new URLSearchParams("start_event=A&end_event=B&path_events=3&start=2026-11-01&end=2026-11-02"))).toBeNull();
  });

  it("keys the map's nodes by step and event, so a repeated event makes no cycle", () => {
    const graph = journeyGraph([
      { step: 0, from: "Home", to: "Search", users: 3 },
      { step: 1, from: "Search", to: "Home", users: 1 },
    ]);
    expect(graph.nodes.map((node) => node.name)).toEqual(["1. Home", "2. Search", "3. Home"]);
    expect(graph.links).toEqual([
      { source: "1. Home", target: "2. Search", value: 3 },
      { source: "2. Search", target: "3. Home", value: 1 },
    ]);
  });

  it("writes a CSV line per path", () => {
    expect(journeysCsv({ users: 3, paths: [{ events: ["Home", "=cmd"], users: 2 }, { events: ["Home"], users: 1 }], links: [] })).toBe(
      "rank,users,step 1,step 2\r\n1,2,Home,'=cmd\r\n2,1,Home\r\n",
    );
  });
});
