/**
 * A segmentation request in the page's search params, so a chart can be shared and reloaded:
 * `?series=<JSON of the request's series>&measure=uniques&interval=day&start=…&end=…`
 * (+ `measure_scope` and `measure_property` for property measures, `formula` for formulas).
 */

import type { FilterOperator, Interval, Measure, MeasureKind, PropertyRef, SegmentationFilter, SegmentationQuery, SegmentationSeries } from "../api/segmentation-types";
import { MAX_GROUP_BY, MAX_SERIES, isPropertyMeasure } from "./query-draft";

export const INTERVALS: readonly Interval[] = ["hour", "day", "week", "month"];
export const MEASURE_KINDS: readonly MeasureKind[] = [
  "uniques",
  "totals",
  "active_percent",
  "average",
  "frequency",
  "property_sum",
  "property_average",
  "property_distinct_count",
  "formula",
];
export const FILTER_OPERATORS: readonly FilterOperator[] = ["is", "is_not", "contains", "does_not_contain", "greater_than", "less_than", "is_set", "is_not_set"];
const SCOPES = ["event", "user", "builtin"] as const;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function queryToSearchParams(query: SegmentationQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set("series", JSON.stringify(query.series));
  params.set("measure", query.measure.kind);
  if ("property" in query.measure) {
    params.set("measure_scope", query.measure.property.scope);
    params.set("measure_property", query.measure.property.name);
  }
  if (query.measure.kind === "formula") {
    params.set("formula", query.measure.formula);
  }
  params.set("interval", query.interval);
  params.set("start", query.start_date);
  params.set("end", query.end_date);
  return params;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `YYYY-MM-DD` */
export function isDateText(text: string): boolean {
  return DATE_PATTERN.test(text);
}

/** A search param holding a JSON array of `min` to `max` items, or null. */
export function readJsonList(params: URLSearchParams, name: string, min: number, max: number): unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(params.get(name) ?? "null");
  } catch {
    return null;
  }
  return Array.isArray(parsed) && parsed.length >= min && parsed.length <= max ? parsed : null;
}

export function readProperty(value: unknown): PropertyRef | null {
  if (!isRecord(value) || typeof value.name !== "string" || !SCOPES.includes(value.scope as PropertyRef["scope"])) {
    return null;
  }
  return { scope: value.scope as PropertyRef["scope"], name: value.name };
}

/** A series' or step's `filters` as JSON gave them: undefined when absent, null when malformed. */
export function readFilters(value: unknown): SegmentationFilter[] | undefined | null {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const filters: SegmentationFilter[] = [];
  for (const filter of value) {
    const property = isRecord(filter) ? readProperty(filter.property) : null;
    if (property === null || !isRecord(filter) || !FILTER_OPERATORS.includes(filter.operator as FilterOperator)) {
      return null;
    }
    const values = Array.isArray(filter.values) ? filter.values.filter((item) => typeof item === "string" || typeof item === "number").map(String) : [];
    filters.push({ property, operator: filter.operator as FilterOperator, values });
  }
  return filters;
}

function readSeries(value: unknown): SegmentationSeries | null {
  if (!isRecord(value) || typeof value.event_type !== "string") {
    return null;
  }
  const series: SegmentationSeries = { event_type: value.event_type };
  const filters = readFilters(value.filters);
  if (filters === null) {
    return null;
  }
  if (filters !== undefined) {
    series.filters = filters;
  }
  if (Array.isArray(value.group_by)) {
    const groupBy = value.group_by.map(readProperty);
    if (groupBy.some((property) => property === null) || groupBy.length > MAX_GROUP_BY) {
      return null;
    }
    series.group_by = groupBy as PropertyRef[];
  }
  return series;
}

function readMeasure(params: URLSearchParams): Measure | null {
  const kind = params.get("measure") as MeasureKind | null;
  if (kind === null || !MEASURE_KINDS.includes(kind)) {
    return null;
  }
  if (isPropertyMeasure(kind)) {
    const property = readProperty({ scope: params.get("measure_scope") ?? "event", name: params.get("measure_property") ?? "" });
    return property === null ? null : { kind, property };
  }
  if (kind === "formula") {
    return { kind, formula: params.get("formula") ?? "" };
  }
  return { kind };
}

/** The request in the search params, or null when there is none or it is malformed. */
export function searchParamsToQuery(params: URLSearchParams): SegmentationQuery | null {
  const series = readJsonList(params, "series", 1, MAX_SERIES)?.map(readSeries);
  if (series === undefined) {
    return null;
  }
  const measure = readMeasure(params);
  const interval = params.get("interval") as Interval | null;
  const start = params.get("start") ?? "";
  const end = params.get("end") ?? "";
  if (series.some((item) => item === null) || measure === null || interval === null || !INTERVALS.includes(interval)) {
    return null;
  }
  if (!isDateText(start) || !isDateText(end)) {
    return null;
  }
  return { series: series as SegmentationSeries[], measure, interval, start_date: start, end_date: end };
}
