/**
 * The Session Replays list's state in the page's search params, so a list can be shared and reloaded:
 * `?range=last_7_days` or `?range=custom&start=…&end=…`, `projects=1,2`, `filters=<JSON>`,
 * `sort=duration&direction=asc`, `offset=50`. Defaults are left out of the URL.
 */

import type { ReplayFilter, ReplaySearchRequest, ReplaySortField, SortDirection } from "../api/replay-search-types";
import { isDateText } from "../analytics/query-url";
import type { DatePreset } from "./date-presets";
import { DEFAULT_DATE_PRESET, isDatePreset, lastDaysRange, presetRange } from "./date-presets";
import { readReplayFilter } from "./replay-filter-reading";

export const REPLAYS_PER_PAGE = 50;
export const REPLAY_FILTERS_MAX = 20;
export const SORT_FIELDS: readonly ReplaySortField[] = ["start_time", "duration", "clicks", "errors", "frustration", "user"];

export interface ReplayListState {
  preset: DatePreset;
  /** The custom range's days (also kept while a preset is chosen, to return to). */
  customStartDate: string;
  customEndDate: string;
  /** Empty: every project the user may read. */
  projectIds: number[];
  filters: ReplayFilter[];
  sort: ReplaySortField;
  direction: SortDirection;
  offset: number;
}

export function defaultReplayListState(nowMs: number = Date.now()): ReplayListState {
  const range = lastDaysRange(30, nowMs);
  return {
    preset: DEFAULT_DATE_PRESET,
    customStartDate: range.startDate,
    customEndDate: range.endDate,
    projectIds: [],
    filters: [],
    sort: "start_time",
    direction: "desc",
    offset: 0,
  };
}

function readFilterList(text: string | null): ReplayFilter[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) {
    return [];
  }
  return parsed
    .map(readReplayFilter)
    .filter((filter): filter is ReplayFilter => filter !== null)
    .slice(0, REPLAY_FILTERS_MAX);
}

export function searchParamsToReplayList(params: URLSearchParams, nowMs: number = Date.now()): ReplayListState {
  const state = defaultReplayListState(nowMs);
  const range = params.get("range");
  if (isDatePreset(range)) {
    state.preset = range;
  }
  const start = params.get("start") ?? "";
  const end = params.get("end") ?? "";
  if (isDateText(start) && isDateText(end)) {
    state.customStartDate = start;
    state.customEndDate = end;
  } else if (state.preset === "custom") {
    state.preset = DEFAULT_DATE_PRESET;
  }
  state.projectIds = (params.get("projects") ?? "")
    .split(",")
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
  state.filters = readFilterList(params.get("filters"));
  const sort = params.get("sort") as ReplaySortField | null;
  if (sort !== null && SORT_FIELDS.includes(sort)) {
    state.sort = sort;
  }
  const direction = params.get("direction");
  if (direction === "asc" || direction === "desc") {
    state.direction = direction;
  }
  const offset = Number(params.get("offset") ?? "0");
  state.offset = Number.isInteger(offset) && offset > 0 ? offset : 0;
  return state;
}

export function replayListToSearchParams(state: ReplayListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.preset !== DEFAULT_DATE_PRESET) {
    params.set("range", state.preset);
  }
  if (state.preset === "custom") {
    params.set("start", state.customStartDate);
    params.set("end", state.customEndDate);
  }
  if (state.projectIds.length > 0) {
    params.set("projects", state.projectIds.join(","));
  }
  if (state.filters.length > 0) {
    params.set("filters", JSON.stringify(state.filters));
  }
  if (state.sort !== "start_time" || state.direction !== "desc") {
    params.set("sort", state.sort);
    params.set("direction", state.direction);
  }
  if (state.offset > 0) {
    params.set("offset", String(state.offset));
  }
  return params;
}

/** The request for the state's page; dates of a preset are worked out for today. */
export function replayListToRequest(state: ReplayListState, nowMs: number = Date.now()): ReplaySearchRequest {
  const range = presetRange(state.preset, { startDate: state.customStartDate, endDate: state.customEndDate }, nowMs);
  return {
    ...(state.projectIds.length > 0 ? { project_ids: state.projectIds } : {}),
    start_date: range.startDate,
    end_date: range.endDate,
    filters: state.filters,
    sort: state.sort,
    direction: state.direction,
    limit: REPLAYS_PER_PAGE,
    offset: state.offset,
  };
}
