/** Journeys: the draft ↔ request ↔ search params, the CSV of the paths, and the Journey Map's graph. */

import type { JourneyLink, JourneysQuery, JourneysResult } from "../api/journeys-types";
import { toCsv } from "./csv";
import type { DateRange } from "./date-range-fields";
import { dateRangeError, defaultDateRange } from "./query-draft";
import { isDateText } from "./query-url";

export const MIN_PATH_EVENTS = 2;
export const MAX_PATH_EVENTS = 8;
export const PATHS_MAX = 20;

export interface JourneysDraft extends DateRange {
  anchor: "start" | "end";
  eventType: string;
  pathEvents: number;
  collapseRepeats: boolean;
  /** Comma-separated event types to leave out. */
  exclude: string;
}

export function defaultJourneysDraft(nowMs: number = Date.now()): JourneysDraft {
  return { anchor: "start", eventType: "", pathEvents: 4, collapseRepeats: true, exclude: "", ...defaultDateRange(nowMs) };
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function journeysDraftToQuery(draft: JourneysDraft): { query: JourneysQuery } | { error: string } {
  const eventType = draft.eventType.trim();
  if (eventType === "") {
    return { error: `Choose the event the paths ${draft.anchor === "start" ? "start" : "end"} with.` };
  }
  if (!Number.isInteger(draft.pathEvents) || draft.pathEvents < MIN_PATH_EVENTS || draft.pathEvents > MAX_PATH_EVENTS) {
    return { error: `A path holds ${MIN_PATH_EVENTS} to ${MAX_PATH_EVENTS} events.` };
  }
  const rangeError = dateRangeError(draft);
  if (rangeError !== null) {
    return { error: rangeError };
  }
  const anchor = draft.anchor === "start" ? { start_event: eventType } : { end_event: eventType };
  return {
    query: { ...anchor, path_events: draft.pathEvents, collapse_repeats: draft.collapseRepeats, exclude_event_types: splitList(draft.exclude), paths_max: PATHS_MAX, start_date: draft.startDate, end_date: draft.endDate },
  };
}

export function journeysQueryToDraft(query: JourneysQuery): JourneysDraft {
  return {
    anchor: query.end_event !== undefined ? "end" : "start",
    eventType: query.end_event ?? query.start_event ?? "",
    pathEvents: query.path_events,
    collapseRepeats: query.collapse_repeats,
    exclude: query.exclude_event_types.join(", "),
    startDate: query.start_date,
    endDate: query.end_date,
  };
}

/** `?start_event=…` (or `end_event`) `&path_events=4&collapse=1&exclude=<JSON list>&start=…&end=…` */
export function journeysToSearchParams(query: JourneysQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set(query.end_event !== undefined ? "end_event" : "start_event", query.end_event ?? query.start_event ?? "");
  params.set("path_events", String(query.path_events));
  params.set("collapse", query.collapse_repeats ? "1" : "0");
  params.set("exclude", JSON.stringify(query.exclude_event_types));
  params.set("start", query.start_date);
  params.set("end", query.end_date);
  return params;
}

function readExclude(text: string | null): string[] | null {
  try {
    const parsed: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : null;
  } catch {
    return null;
  }
}

export function searchParamsToJourneys(params: URLSearchParams): JourneysQuery | null {
  const startEvent = params.get("start_event");
  const endEvent = params.get("end_event");
  const pathEvents = Number(params.get("path_events"));
  const exclude = readExclude(params.get("exclude"));
  const start = params.get("start") ?? "";
  const end = params.get("end") ?? "";
  if ((startEvent === null) === (endEvent === null) || exclude === null || !isDateText(start) || !isDateText(end)) {
    return null;
  }
  if (!Number.isInteger(pathEvents) || pathEvents < MIN_PATH_EVENTS || pathEvents > MAX_PATH_EVENTS) {
    return null;
  }
  const anchor = endEvent !== null ? { end_event: endEvent } : { start_event: startEvent ?? "" };
  return { ...anchor, path_events: pathEvents, collapse_repeats: params.get("collapse") !== "0", exclude_event_types: exclude, paths_max: PATHS_MAX, start_date: start, end_date: end };
}

/** `rank,users,step 1,…,step N`: one line per path. */
export function journeysCsv(result: JourneysResult): string {
  const longest = Math.max(0, ...result.paths.map((path) => path.events.length));
  const header = ["rank", "users", ...Array.from({ length: longest }, (_, index) => `step ${index + 1}`)];
  return toCsv([header, ...result.paths.map((path, index) => [index + 1, path.users, ...path.events])]);
}

/** A node per (step, event), so an event seen at two steps is two nodes and the graph has no cycles. */
export function journeyNodeKey(step: number, eventType: string): string {
  return `${step + 1}. ${eventType}`;
}

export interface JourneyGraph {
  nodes: { name: string; depth: number; eventType: string }[];
  links: { source: string; target: string; value: number }[];
}

export function journeyGraph(links: readonly JourneyLink[]): JourneyGraph {
  const nodes = new Map<string, { name: string; depth: number; eventType: string }>();
  const addNode = (step: number, eventType: string) => {
    const name = journeyNodeKey(step, eventType);
    nodes.set(name, { name, depth: step, eventType });
    return name;
  };
  const graphLinks = links.map((link) => ({ source: addNode(link.step, link.from), target: addNode(link.step + 1, link.to), value: link.users }));
  return { nodes: [...nodes.values()], links: graphLinks };
}
