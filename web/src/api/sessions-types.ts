/** Shapes of `POST /api/v1/projects/{id}/analytics/sessions`, User Sessions (docs/analytics-api.md). */

import type { Interval, SegmentationFilter } from "./segmentation-types";

export type SessionsMeasure = "length_distribution" | "average_length" | "average_time_per_user" | "total_sessions" | "sessions_per_user" | "average_events_per_session";

export interface SessionsQuery {
  measure: SessionsMeasure;
  interval: Interval;
  /** Inclusive `YYYY-MM-DD` dates, buckets in UTC. */
  start_date: string;
  end_date: string;
  filters?: SegmentationFilter[];
}

export interface SessionsResult {
  measure: SessionsMeasure;
  interval: Interval;
  buckets_ms: number[];
  /** One per bucket (empty for `length_distribution`); null where the measure has no value. */
  values: (number | null)[];
  total: number | null;
  /** Sessions per length range (only for `length_distribution`). */
  distribution: { label: string; sessions: number }[];
}
