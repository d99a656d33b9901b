/**
 * A funnel request in the page's search params, so a funnel can be shared and reloaded:
 * `?steps=<JSON of the request's steps>&window_ms=86400000&start=…&end=…`
 * (+ `group_scope` and `group_name` when grouped).
 */

import type { FunnelQuery, FunnelStep } from "../api/funnel-types";
import { MAX_STEPS, MIN_STEPS } from "./funnel-draft";
import { isDateText, isRecord, readFilters, readJsonList, readProperty } from "./query-url";

export function funnelToSearchParams(query: FunnelQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set("steps", JSON.stringify(query.steps));
  if (query.group_by !== undefined) {
    params.set("group_scope", query.group_by.scope);
    params.set("group_name", query.group_by.name);
  }
  params.set("window_ms", String(query.conversion_window_ms));
  params.set("start", query.start_date);
  params.set("end", query.end_date);
  return params;
}

function readStep(value: unknown): FunnelStep | null {
  if (!isRecord(value) || typeof value.event_type !== "string") {
    return null;
  }
  const filters = readFilters(value.filters);
  if (filters === null) {
    return null;
  }
  return filters === undefined ? { event_type: value.event_type } : { event_type: value.event_type, filters };
}

/** The request in the search params, or null when there is none or it is malformed. */
export function searchParamsToFunnel(params: URLSearchParams): FunnelQuery | null {
  const steps = readJsonList(params, "steps", MIN_STEPS, MAX_STEPS)?.map(readStep);
  if (steps === undefined) {
    return null;
  }
  const windowMs = Number(params.get("window_ms"));
  const start = params.get("start") ?? "";
  const end = params.get("end") ?? "";
  if (steps.some((step) => step === null) || !Number.isSafeInteger(windowMs) || windowMs <= 0 || !isDateText(start) || !isDateText(end)) {
    return null;
  }
  const query: FunnelQuery = { steps: steps as FunnelStep[], conversion_window_ms: windowMs, start_date: start, end_date: end };
  if (params.has("group_name")) {
    const groupBy = readProperty({ scope: params.get("group_scope") ?? "event", name: params.get("group_name") });
    if (groupBy === null) {
      return null;
    }
    query.group_by = groupBy;
  }
  return query;
}
