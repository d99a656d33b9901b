/**
 * "Create Chart" from events picked in a user's stream: the URL of an Event Segmentation (one
 * series per distinct event type, in the order the user first did them) or a Funnel (one step per
 * picked event, in time order). Both pages run the query in their URL on open.
 */

import type { FunnelQuery } from "../api/funnel-types";
import type { SegmentationQuery } from "../api/segmentation-types";
import { MAX_STEPS, MIN_STEPS } from "../analytics/funnel-draft";
import { funnelToSearchParams } from "../analytics/funnel-url";
import { MAX_SERIES, defaultDateRange, utcDate } from "../analytics/query-draft";
import { queryToSearchParams } from "../analytics/query-url";

export const SEGMENTATION_PAGE_PATH = "/analytics/segmentation";
export const FUNNEL_PAGE_PATH = "/analytics/funnels";

const DAY_MS = 86_400_000;
/** The funnel page's bounds for the conversion window. */
const WINDOW_DAYS_MAX = 366;
/** Past this many days a daily chart has too many points to read: weekly instead. */
const DAILY_RANGE_DAYS_MAX = 366;

/** What a chart needs of a picked event. */
export interface PickedEvent {
  event_type: string;
  time: number;
}

/** The last 30 days, stretched back to the earliest picked event and forward to the latest. */
export function chartDateRange(events: readonly PickedEvent[], nowMs: number): { startDate: string; endDate: string } {
  const range = defaultDateRange(nowMs);
  const times = events.map((event) => event.time);
  const earliest = utcDate(Math.min(...times));
  const latest = utcDate(Math.max(...times));
  return {
    startDate: earliest < range.startDate ? earliest : range.startDate,
    endDate: latest > range.endDate ? latest : range.endDate,
  };
}

function inTimeOrder(events: readonly PickedEvent[]): PickedEvent[] {
  return [...events].sort((left, right) => left.time - right.time);
}

/** Each event type once, in the order of its earliest picked event. */
export function distinctEventTypes(events: readonly PickedEvent[]): string[] {
  return [...new Set(inTimeOrder(events).map((event) => event.event_type))];
}

export function segmentationQueryFor(events: readonly PickedEvent[], nowMs: number): SegmentationQuery | string {
  const eventTypes = distinctEventTypes(events);
  if (eventTypes.length === 0) {
    return "Select at least one event.";
  }
  if (eventTypes.length > MAX_SERIES) {
    return `Event Segmentation takes at most ${MAX_SERIES} event types.`;
  }
  const range = chartDateRange(events, nowMs);
  const rangeDays = (Date.parse(range.endDate) - Date.parse(range.startDate)) / DAY_MS + 1;
  return {
    series: eventTypes.map((eventType) => ({ event_type: eventType })),
    measure: { kind: "uniques" },
    interval: rangeDays > DAILY_RANGE_DAYS_MAX ? "week" : "day",
    start_date: range.startDate,
    end_date: range.endDate,
  };
}

/** Whole days from the first step to the last (at least 1), so the picked user converts. */
export function conversionWindowDays(events: readonly PickedEvent[]): number {
  const times = events.map((event) => event.time);
  const spanDays = Math.ceil((Math.max(...times) - Math.min(...times)) / DAY_MS);
  return Math.min(WINDOW_DAYS_MAX, Math.max(1, spanDays));
}

export function funnelQueryFor(events: readonly PickedEvent[], nowMs: number): FunnelQuery | string {
  if (events.length < MIN_STEPS) {
    return `A funnel needs at least ${MIN_STEPS} events.`;
  }
  if (events.length > MAX_STEPS) {
    return `A funnel takes at most ${MAX_STEPS} steps.`;
  }
  const range = chartDateRange(events, nowMs);
  return {
    steps: inTimeOrder(events).map((event) => ({ event_type: event.event_type })),
    conversion_window_ms: conversionWindowDays(events) * DAY_MS,
    start_date: range.startDate,
    end_date: range.endDate,
  };
}

export type ChartKind = "segmentation" | "funnel";

/** The chart page's path with the query in its search params, or a sentence saying why not. */
export function chartLinkFor(kind: ChartKind, events: readonly PickedEvent[], nowMs: number = Date.now()): { path: string } | { error: string } {
  if (kind === "segmentation") {
    const query = segmentationQueryFor(events, nowMs);
    return typeof query === "string" ? { error: query } : { path: `${SEGMENTATION_PAGE_PATH}?${queryToSearchParams(query).toString()}` };
  }
  const query = funnelQueryFor(events, nowMs);
  return typeof query === "string" ? { error: query } : { path: `${FUNNEL_PAGE_PATH}?${funnelToSearchParams(query).toString()}` };
}
