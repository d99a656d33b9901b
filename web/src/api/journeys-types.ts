/** Shapes of `POST /api/v1/projects/{id}/analytics/journeys`, Journeys (docs/analytics-api.md). */

export interface JourneysQuery {
  /** Pathfinder from an event; give this or `end_event`, not both. */
  start_event?: string;
  /** Paths to an event. */
  end_event?: string;
  /** 2 to 8. */
  path_events: number;
  collapse_repeats: boolean;
  exclude_event_types: string[];
  paths_max?: number;
  start_date: string;
  end_date: string;
}

export interface JourneyPath {
  events: string[];
  users: number;
}

export interface JourneyLink {
  /** The position of `from` on the path (0 = the first event). */
  step: number;
  from: string;
  to: string;
  users: number;
}

export interface JourneysResult {
  /** Users with the start (or end) event. */
  users: number;
  paths: JourneyPath[];
  links: JourneyLink[];
}
