/** The segmentation form's state, its defaults, and the request it stands for (and back). */

import type {
  FilterOperator,
  Interval,
  Measure,
  MeasureKind,
  PropertyMeasureKind,
  PropertyRef,
  SegmentationQuery,
  SegmentationSeries,
} from "../api/segmentation-types";

export const MAX_SERIES = 10;
export const MAX_GROUP_BY = 2;

export interface FilterDraft {
  property: PropertyRef;
  operator: FilterOperator;
  /** Comma-separated values as typed. */
  values: string;
}

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
const OPERATORS_WITHOUT_VALUES: readonly FilterOperator[] = ["is_set", "is_not_set"];
const NUMERIC_OPERATORS: readonly FilterOperator[] = ["greater_than", "less_than"];

export function operatorTakesValues(operator: FilterOperator): boolean {
  return !OPERATORS_WITHOUT_VALUES.includes(operator);
}

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

export function emptyFilter(): FilterDraft {
  return { property: { scope: "event", name: "" }, operator: "is", values: "" };
}

export function emptySeries(): SeriesDraft {
  return { eventType: "", filters: [], groupBy: [] };
}

/** One empty series, unique users per day, the last 30 days ending today (UTC). */
export function defaultDraft(nowMs: number = Date.now()): QueryDraft {
  return {
    series: [emptySeries()],
    measure: "uniques",
    measureProperty: { scope: "event", name: "" },
    formula: "",
    interval: "day",
    startDate: utcDate(nowMs - 29 * 86_400_000),
    endDate: utcDate(nowMs),
  };
}

function splitValues(text: string): string[] {
  return text
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

function seriesToQuery(draft: SeriesDraft, letter: string): SegmentationSeries | string {
  const eventType = draft.eventType.trim();
  if (eventType === "") {
    return `Series ${letter}: choose an event.`;
  }
  const series: SegmentationSeries = { event_type: eventType };
  for (const filter of draft.filters) {
    const name = filter.property.name.trim();
    if (name === "") {
      return `Series ${letter}: a filter has no property name.`;
    }
    let values: string[] = [];
    if (operatorTakesValues(filter.operator)) {
      values = splitValues(filter.values);
      if (values.length === 0) {
        return `Series ${letter}: the filter on "${name}" has no value.`;
      }
      if (NUMERIC_OPERATORS.includes(filter.operator)) {
        if (values.length !== 1 || !Number.isFinite(Number(values[0]))) {
          return `Series ${letter}: the filter on "${name}" needs one number.`;
        }
      }
    }
    series.filters = [...(series.filters ?? []), { property: { scope: filter.property.scope, name }, operator: filter.operator, values }];
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
  if (draft.startDate === "" || draft.endDate === "" || draft.startDate > draft.endDate) {
    return { error: "Choose a start date on or before the end date." };
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
      filters: (series.filters ?? []).map((filter) => ({ property: { ...filter.property }, operator: filter.operator, values: filter.values.join(", ") })),
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
