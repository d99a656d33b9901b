/** The funnel form's state, its defaults, and the request it stands for (and back). */

import type { FunnelQuery, FunnelStep } from "../api/funnel-types";
import type { PropertyRef } from "../api/segmentation-types";
import type { FilterDraft } from "./filter-draft";
import { filtersToDraft, filtersToQuery } from "./filter-draft";
import { dateRangeError, defaultDateRange } from "./query-draft";

export const MIN_STEPS = 2;
export const MAX_STEPS = 10;

export type WindowUnit = "minutes" | "hours" | "days";
export const WINDOW_UNIT_MS: Record<WindowUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
/** The server's bounds for `conversion_window_ms`. */
const WINDOW_MS_MIN = 1_000;
const WINDOW_MS_MAX = 366 * 86_400_000;

export interface StepDraft {
  eventType: string;
  filters: FilterDraft[];
}

export interface FunnelDraft {
  steps: StepDraft[];
  /** One property of the first step's event, or none. */
  groupBy: PropertyRef | null;
  /** The number as typed. */
  windowValue: string;
  windowUnit: WindowUnit;
  startDate: string;
  endDate: string;
}

export function emptyStep(): StepDraft {
  return { eventType: "", filters: [] };
}

/** Two empty steps, no group-by, a 1-day window, the last 30 days ending today (UTC). */
export function defaultFunnelDraft(nowMs: number = Date.now()): FunnelDraft {
  return { steps: [emptyStep(), emptyStep()], groupBy: null, windowValue: "1", windowUnit: "days", ...defaultDateRange(nowMs) };
}

/** The window in milliseconds, or a sentence saying what is wrong with it. */
export function windowToMs(value: string, unit: WindowUnit): number | string {
  const amount = Number(value.trim());
  const windowMs = Math.round(amount * WINDOW_UNIT_MS[unit]);
  if (value.trim() === "" || !Number.isFinite(amount) || windowMs < WINDOW_MS_MIN || windowMs > WINDOW_MS_MAX) {
    return "The conversion window is 1 second to 366 days.";
  }
  return windowMs;
}

/** The largest unit that divides the window exactly (minutes when none does). */
export function msToWindow(windowMs: number): { windowValue: string; windowUnit: WindowUnit } {
  const units: WindowUnit[] = ["days", "hours", "minutes"];
  const windowUnit = units.find((unit) => windowMs % WINDOW_UNIT_MS[unit] === 0) ?? "minutes";
  return { windowValue: String(windowMs / WINDOW_UNIT_MS[windowUnit]), windowUnit };
}

/** The request the form stands for, or a sentence saying what is missing. */
export function funnelDraftToQuery(draft: FunnelDraft): { query: FunnelQuery } | { error: string } {
  if (draft.steps.length < MIN_STEPS || draft.steps.length > MAX_STEPS) {
    return { error: `Choose ${MIN_STEPS} to ${MAX_STEPS} steps.` };
  }
  const steps: FunnelStep[] = [];
  for (const [index, stepDraft] of draft.steps.entries()) {
    const owner = `Step ${index + 1}`;
    const eventType = stepDraft.eventType.trim();
    if (eventType === "") {
      return { error: `${owner}: choose an event.` };
    }
    const filters = filtersToQuery(stepDraft.filters, owner);
    if (typeof filters === "string") {
      return { error: filters };
    }
    steps.push(filters.length > 0 ? { event_type: eventType, filters } : { event_type: eventType });
  }
  const windowMs = windowToMs(draft.windowValue, draft.windowUnit);
  if (typeof windowMs === "string") {
    return { error: windowMs };
  }
  const rangeError = dateRangeError(draft);
  if (rangeError !== null) {
    return { error: rangeError };
  }
  const query: FunnelQuery = { steps, conversion_window_ms: windowMs, start_date: draft.startDate, end_date: draft.endDate };
  if (draft.groupBy !== null) {
    const name = draft.groupBy.name.trim();
    if (name === "") {
      return { error: "The group-by has no property name." };
    }
    query.group_by = { scope: draft.groupBy.scope, name };
  }
  return { query };
}

/** The form showing a request (e.g. one read back from the URL). */
export function funnelQueryToDraft(query: FunnelQuery): FunnelDraft {
  return {
    steps: query.steps.map((step) => ({ eventType: step.event_type, filters: filtersToDraft(step.filters) })),
    groupBy: query.group_by === undefined ? null : { ...query.group_by },
    ...msToWindow(query.conversion_window_ms),
    startDate: query.start_date,
    endDate: query.end_date,
  };
}
