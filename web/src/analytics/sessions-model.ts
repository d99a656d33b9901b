/** User Sessions: the measures, the draft ↔ request ↔ search params, number formats and the CSV. */

import type { Interval } from "../api/segmentation-types";
import type { SessionsMeasure, SessionsQuery, SessionsResult } from "../api/sessions-types";
import { formatDuration } from "../format";
import { bucketKeys, formatMeasure } from "./table-model";
import type { CsvCell } from "./csv";
import { toCsv } from "./csv";
import type { DateRange } from "./date-range-fields";
import { dateRangeError, defaultDateRange } from "./query-draft";
import { INTERVALS, isDateText } from "./query-url";

export const SESSIONS_MEASURES: readonly SessionsMeasure[] = [
  "total_sessions",
  "average_length",
  "average_time_per_user",
  "sessions_per_user",
  "average_events_per_session",
  "length_distribution",
];

export const SESSIONS_MEASURE_LABELS: Record<SessionsMeasure, string> = {
  total_sessions: "Total sessions",
  average_length: "Average session length",
  average_time_per_user: "Average time per user",
  sessions_per_user: "Sessions per user",
  average_events_per_session: "Average events per session",
  length_distribution: "Session length distribution",
};

export interface SessionsDraft extends DateRange {
  measure: SessionsMeasure;
  interval: Interval;
}

export function defaultSessionsDraft(nowMs: number = Date.now()): SessionsDraft {
  return { measure: "total_sessions", interval: "day", ...defaultDateRange(nowMs) };
}

export function sessionsDraftToQuery(draft: SessionsDraft): { query: SessionsQuery } | { error: string } {
  const error = dateRangeError(draft);
  return error !== null ? { error } : { query: { measure: draft.measure, interval: draft.interval, start_date: draft.startDate, end_date: draft.endDate } };
}

export function sessionsQueryToDraft(query: SessionsQuery): SessionsDraft {
  return { measure: query.measure, interval: query.interval, startDate: query.start_date, endDate: query.end_date };
}

/** `?measure=…&interval=…&start=…&end=…` */
export function sessionsToSearchParams(query: SessionsQuery): URLSearchParams {
  return new URLSearchParams({ measure: query.measure, interval: query.interval, start: query.start_date, end: query.end_date });
}

export function searchParamsToSessions(params: URLSearchParams): SessionsQuery | null {
  const measure = SESSIONS_MEASURES.find((candidate) => candidate === params.get("measure"));
  const interval = INTERVALS.find((candidate) => candidate === params.get("interval"));
  const start = params.get("start") ?? "";
  const end = params.get("end") ?? "";
  if (measure === undefined || interval === undefined || !isDateText(start) || !isDateText(end)) {
    return null;
  }
  return { measure, interval, start_date: start, end_date: end };
}

/** The measures in milliseconds: shown as durations. */
export function isTimeMeasure(measure: SessionsMeasure): boolean {
  return measure === "average_length" || measure === "average_time_per_user";
}

/** "3m 07s" for a time measure, "1.5" otherwise; "—" without a value. */
export function formatSessionsValue(measure: SessionsMeasure, value: number | null): string {
  return value !== null && Number.isFinite(value) && isTimeMeasure(measure) ? formatDuration(value) : formatMeasure(value);
}

/**
 * `bucket,<measure>` per bucket then `total` (times in milliseconds, as the server sends them), or
 * `length,sessions` per range for the distribution.
 */
export function sessionsCsv(result: SessionsResult): string {
  if (result.measure === "length_distribution") {
    return toCsv([["length", "sessions"], ...result.distribution.map((range) => [range.label, range.sessions])]);
  }
  const keys = bucketKeys(result);
  const rows: CsvCell[][] = [["bucket", result.measure], ...keys.map((key, index) => [key, result.values[index] ?? null]), ["total", result.total]];
  return toCsv(rows);
}
