/** Shapes of `POST /api/v1/projects/{id}/analytics/segmentation` (docs/analytics-api.md, "Charts"). */

export type PropertyScope = "event" | "user" | "builtin";

/** An event property, a user property (as it was at the event) or a built-in field. */
export interface PropertyRef {
  scope: PropertyScope;
  name: string;
}

export type FilterOperator = "is" | "is_not" | "contains" | "does_not_contain" | "greater_than" | "less_than" | "is_set" | "is_not_set";

export interface SegmentationFilter {
  property: PropertyRef;
  operator: FilterOperator;
  /**
   * Always text: what to compare with (is, is_not, contains, does_not_contain), one number written
   * as text (greater_than, less_than: the server refuses a JSON number), none (is_set, is_not_set).
   */
  values: string[];
}

export interface SegmentationSeries {
  event_type: string;
  filters?: SegmentationFilter[];
  group_by?: PropertyRef[];
}

export type SimpleMeasureKind = "uniques" | "totals" | "active_percent" | "average" | "frequency";
export type PropertyMeasureKind = "property_sum" | "property_average" | "property_distinct_count";
export type MeasureKind = SimpleMeasureKind | PropertyMeasureKind | "formula";

export type Measure = { kind: SimpleMeasureKind } | { kind: PropertyMeasureKind; property: PropertyRef } | { kind: "formula"; formula: string };

export type Interval = "hour" | "day" | "week" | "month";

export interface SegmentationQuery {
  series: SegmentationSeries[];
  measure: Measure;
  interval: Interval;
  /** Inclusive `YYYY-MM-DD` dates, buckets in UTC. */
  start_date: string;
  end_date: string;
}

/** A group's values, in `group_by` order; the server labels a missing value itself. */
export type GroupValue = string | number | boolean | null;

export interface SegmentationRow {
  /** "A", "B", … or "formula". */
  series: string;
  label: string;
  group: GroupValue[];
  /** One per bucket (0 where nothing happened); null where the measure has no value (e.g. a division by zero). */
  values: (number | null)[];
  /** The measure over the whole range (not the sum of `values` for uniques). */
  total: number | null;
}

export interface FrequencyEntry {
  series: string;
  label: string;
  group: GroupValue[];
  histogram: { times: number; users: number }[];
}

export interface SegmentationResult {
  interval: Interval;
  buckets_ms: number[];
  rows: SegmentationRow[];
  frequency: FrequencyEntry[];
}
