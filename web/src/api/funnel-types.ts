/** Shapes of `POST /api/v1/projects/{id}/analytics/funnel` (docs/analytics-api.md, "Funnel Analysis"). */

import type { PropertyRef, SegmentationFilter } from "./segmentation-types";

export interface FunnelStep {
  event_type: string;
  filters?: SegmentationFilter[];
}

export interface FunnelQuery {
  /** 2 to 10, in order. */
  steps: FunnelStep[];
  /** A property of the first step's event; a user counts in the group of their first qualifying first step. */
  group_by?: PropertyRef;
  /** From a user's first step to each later one: 1 second to 366 days. */
  conversion_window_ms: number;
  /** Inclusive `YYYY-MM-DD` dates (UTC) of the first step; later steps may fall after `end_date`. */
  start_date: string;
  end_date: string;
}

export interface FunnelStepResult {
  event_type: string;
  users: number;
  /** Percent of the users at step 1 (0 when nobody did step 1). */
  percent_of_first: number;
  /** Percent of the users at the step before (100 for step 1 when anybody did it). */
  percent_of_previous: number;
  /** Users at the step before who did not reach this one. */
  dropped_off: number;
  /** From step 1, over the users who reached this step (the upper middle of an even count); null when nobody did. */
  median_time_to_convert_ms: number | null;
}

export interface FunnelGroup {
  /** Empty for all users; otherwise the group-by value ("(none)" where the event has none). */
  group: string[];
  steps: FunnelStepResult[];
}

export interface FunnelResult {
  /** All users first, then the top groups by users at step 1. */
  groups: FunnelGroup[];
}
