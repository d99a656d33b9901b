/** The segmentation form's state, its defaults, and the request it stands for (and back). */

import type { Interval, Measure, MeasureKind, PropertyMeasureKind, PropertyRef, SegmentationQuery, SegmentationSeries } from "../api/segmentation-types";
import type { FilterDraft } from "./filter-draft";
import { filtersToDraft, filtersToQuery } from "./filter-draft";

export type { FilterDraft } from "./filter-draft";
export { emptyFilter, filtersToDraft, filtersToQuery, operatorTakesValues } from "./filter-draft";

export const MAX_SERIES = 10;
export const MAX_GROUP_BY = 2;

export interface SeriesDraft {
  eventType: string;
  filters: FilterDraft[];
  groupBy: PropertyRef[];
}

export interface QueryDraft {
  series: SeriesDraft[];
  measure: MeasureKind;
  /** Used by the property_* measures only. */
  measureProperty: PropertyRef;
  /** Used by the formula measure only. */
  formula: string;
  interval: Interval;
  startDate: string;
  endDate: string;
}

export const PROPERTY_MEASURES: readonly PropertyMeasureKind[] = ["property_sum", "property_average", "property_distinct_count"];

export function isPropertyMeasure(kind: MeasureKind): kind is PropertyMeasureKind {
  return (PROPERTY_MEASURES as readonly string[]).includes(kind);
}

/** "A", "B", … in order. */
export function seriesLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** `YYYY-MM-DD` of a moment, in UTC. */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function emptySeries(): SeriesDraft {
  return { eventType: "", filters: [], groupBy: [] };
}

/** The last 30 days ending today (UTC). */
export function defaultDateRange(nowMs: number = Date.now()): { startDate: string; endDate: string } {
  return { startDate: utcDate(nowMs - 29 * 86_400_000), endDate: utcDate(nowMs) };
}

/** One empty series, unique users per day, the last 30 days ending today (UTC). */
export function defaultDraft(nowMs: number = Date.now()): QueryDraft {
  return {
    series: [emptySeries()],
    measure: "uniques",
    measureProperty: { scope: "event", name: "" },
    formula: "",
    interval: "day",
    ...defaultDateRange(nowMs),
  };
}

/** A sentence when the range is empty or backwards, else null. */
export function dateRangeError(range: { startDate: string; endDate: string }): string | null {
  return range.startDate === "" || range.endDate === "" || range.startDate > range.endDate ? "Choose a start date on or before the end date." : null;
}

function seriesToQuery(draft: SeriesDraft, letter: string): SegmentationSeries | string {
  const eventType = draft.eventType.trim();
  if (eventType === "") {
    return `Series ${letter}: choose an event.`;
  }
  const series: SegmentationSeries = { event_type: eventType };
  const filters = filtersToQuery(draft.filters, `Series ${letter}`);
  if (typeof filters === "string") {
    return filters;
  }
  if (filters.length > 0) {
    series.filters = filters;
  }
  for (const property of draft.groupBy) {
    const name = property.name.trim();
    if (name === "") {
      return `Series ${letter}: a group-by has no property name.`;
    }
    series.group_by = [...(series.group_by ?? []), { scope: property.scope, name }];
  }
  return series;
}

function measureToQuery(draft: QueryDraft): Measure | string {
  if (isPropertyMeasure(draft.measure)) {
    const name = draft.measureProperty.name.trim();
    return name === "" ? "Choose the property to measure." : { kind: draft.measure, property: { scope: draft.measureProperty.scope, name } };
  }
  if (draft.measure === "formula") {
    const formula = draft.formula.trim();
    return formula === "" ? "Write a formula, e.g. UNIQUES(A) / UNIQUES(B) * 100." : { kind: "formula", formula };
  }
  return { kind: draft.measure };
}

/** The request the form stands for, or a sentence saying what is missing. */
export function draftToQuery(draft: QueryDraft): { query: SegmentationQuery } | { error: string } {
  if (draft.series.length === 0 || draft.series.length > MAX_SERIES) {
    return { error: `Choose 1 to ${MAX_SERIES} events.` };
  }
  const series: SegmentationSeries[] = [];
  for (const [index, seriesDraft] of draft.series.entries()) {
    const converted = seriesToQuery(seriesDraft, seriesLetter(index));
    if (typeof converted === "string") {
      return { error: converted };
    }
    series.push(converted);
  }
  const measure = measureToQuery(draft);
  if (typeof measure === "string") {
    return { error: measure };
  }
  const rangeError = dateRangeError(draft);
  if (rangeError !== null) {
    return { error: rangeError };
  }
  return { query: { series, measure, interval: draft.interval, start_date: draft.startDate, end_date: draft.endDate } };
}

/** The form showing a request (e.g. one read back from the URL). */
export function queryToDraft(query: SegmentationQuery, nowMs: number = Date.now()): QueryDraft {
  const fallback = defaultDraft(nowMs);
  const measure = query.measure;
  return {
    series: query.series.map((series) => ({
      eventType: series.event_type,
      filters: filtersToDraft(series.filters),
      groupBy: (series.group_by ?? []).map((property) => ({ ...property })),
    })),
    measure: measure.kind,
    measureProperty: "property" in measure ? { ...measure.property } : fallback.measureProperty,
    formula: measure.kind === "formula" ? measure.formula : "",
    interval: query.interval,
    startDate: query.start_date,
    endDate: query.end_date,
  };
}
