/** Shapes of `POST /api/v1/sessions/search` and the cohort endpoints (docs/replay-search-api.md). */

import type { SegmentationFilter } from "./segmentation-types";
import type { Session } from "./types";

/** The analytics filter (docs/analytics-api.md), as the replay search takes it. */
export type PropertyFilter = SegmentationFilter;

export interface PerformedEvent {
  event_type: string;
  filters: PropertyFilter[];
}

export type ReplayFilter =
  | { kind: "has_error" }
  | { kind: "has_rage_click" }
  | { kind: "has_dead_click" }
  | { kind: "duration"; min_ms?: number; max_ms?: number }
  | { kind: "country"; countries: string[] }
  | { kind: "url_visited"; operator: "contains" | "is"; value: string }
  | ({ kind: "event_performed" } & PerformedEvent)
  | { kind: "event_property"; filter: PropertyFilter }
  | { kind: "user_property"; filter: PropertyFilter }
  | { kind: "cohort"; cohort_id: number };

export type ReplayFilterKind = ReplayFilter["kind"];

export type ReplaySortField = "start_time" | "duration" | "clicks" | "errors" | "frustration" | "user";
export type SortDirection = "asc" | "desc";

export interface ReplaySearchRequest {
  project_ids?: number[];
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  start_date: string;
  end_date: string;
  filters: ReplayFilter[];
  sort: ReplaySortField;
  direction: SortDirection;
  limit: number;
  offset: number;
}

/** A listed replay: the session plus where it was and how frustrating it was. */
export interface SearchedSession extends Session {
  country: string | null;
  frustration_count: number;
}

export interface ReplaySearchAnswer {
  sessions: SearchedSession[];
  has_more: boolean;
  offset: number;
  limit: number;
}

export interface CohortDefinition {
  user_properties: PropertyFilter[];
  performed: PerformedEvent[];
}

export interface Cohort {
  id: number;
  project_id: number;
  name: string;
  definition: CohortDefinition;
  created_at_ms: number;
}
