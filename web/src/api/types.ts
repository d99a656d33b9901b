/** Shapes of the Reel HTTP API (docs/http-api.md). */

export interface User {
  id: string | number;
  email: string;
}

export interface Project {
  id: number;
  name: string;
  api_key: string;
  /** Servers with organizations (docs/replay-search-api.md) name the project's organization. */
  organization_id?: number;
  organization_name?: string;
}

export interface Session {
  id: string;
  project_id: number;
  device_id: string;
  user_id: string | null;
  session_id: number;
  replay_id: string;
  start_time: string;
  start_time_ms: number;
  end_time_ms: number;
  duration_ms: number;
  first_url: string | null;
  page_count: number;
  click_count: number;
  error_count: number;
  event_count: number;
  batch_count: number;
  signal_counts?: SignalCounts;
}

/** Frustration signals of a session, by kind. */
export interface SignalCounts {
  rage_clicks: number;
  dead_clicks: number;
  error_clicks: number;
  thrashed_cursors: number;
}

/** An rrweb event as stored by the server. */
export interface RecordedEvent {
  type: number;
  timestamp: number;
  data: unknown;
}

/** `GET /api/v1/sessions/{id}/recording`: one window of the recording. */
export interface RecordingWindowResponse {
  events: RecordedEvent[];
  from_ms: number | null;
  to_ms: number | null;
  session_end_ms: number | null;
  /** Where the next window starts; null once the window reached the recording's end. */
  next_from_ms?: number | null;
  /** With `at_ms`: the keyframe (Meta + FullSnapshot) the window starts at, or null. */
  keyframe_ms?: number | null;
  session_start_ms?: number | null;
}

/** Batches that never arrived, between the last event before them and the first after. */
export interface RecordingGap {
  first_missing_sequence: number;
  missing_batch_count: number;
  start_ms: number;
  end_ms: number;
}

/** A frustration signal computed by the server (signals/v1); more fields may come with each kind. */
export interface FrustrationSignal {
  kind: string;
  time_ms: number;
  [field: string]: unknown;
}

/** `GET /api/v1/sessions/{id}`. `gaps`, `keyframes_ms` and `signals` may be absent on older servers. */
export interface SessionDetail {
  session: Session;
  gaps?: RecordingGap[];
  keyframes_ms?: number[];
  signals?: FrustrationSignal[];
}

/** One analytics event of a session (`GET /api/v1/sessions/{id}/events`). */
export interface SessionAnalyticsEvent {
  event_type: string;
  display_name?: string | null;
  time: number;
  insert_id?: string | null;
  event_properties?: Record<string, unknown> | null;
}
