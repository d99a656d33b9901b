/** Shapes of the User Lookup endpoints, `GET /api/v1/projects/{id}/users/…` (docs/replay-search-api.md). */

/** What the search text is matched against: ids by prefix, a property value by `contains`. */
export type UserSearchBy = "any" | "user_id" | "device_id" | "user_property";

export interface UserSearchRequest {
  query: string;
  by: UserSearchBy;
  /** The user property's name; required with `by: "user_property"`. */
  property?: string;
}

export interface UserMatch {
  /** The user id, else the device id (the analytics user). */
  user_key: string;
  user_id: string | null;
  device_id: string | null;
  last_seen_ms: number | null;
  /** What the text matched, e.g. `user_id`, `device_id` or a property name. */
  matched_on: string | null;
}

export interface UserProfile {
  user_key: string;
  user_id: string | null;
  device_ids: string[];
  properties: Record<string, unknown>;
  first_seen_ms: number | null;
  last_seen_ms: number | null;
  country: string | null;
  platform: string | null;
  session_count: number;
}

/** One stored analytics event, as `GET /api/v1/sessions/{id}/events` gives them. */
export interface StoredAnalyticsEvent {
  event_type: string;
  display_name?: string | null;
  time: number;
  insert_id?: string | null;
  user_id?: string | null;
  device_id?: string | null;
  session_id?: number | null;
  event_properties?: Record<string, unknown> | null;
  user_properties?: Record<string, unknown> | null;
}

export interface UserSessionReplay {
  /** The id for `/replays/{id}`. */
  session_uuid: string;
  replay_id: string;
}

export interface UserSession {
  session_id: number | null;
  device_id: string | null;
  start_ms: number;
  end_ms: number;
  replay: UserSessionReplay | null;
  /** Oldest first. */
  events: StoredAnalyticsEvent[];
}

export interface UserProfileAnswer {
  user: UserProfile;
  /** Newest first. */
  sessions: UserSession[];
}
