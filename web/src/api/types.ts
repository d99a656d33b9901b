/** Shapes of the Reel HTTP API (docs/http-api.md). */

export interface User {
  id: string | number;
  email: string;
}

export interface Project {
  id: number;
  name: string;
  api_key: string;
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
}

export interface SessionPage {
  sessions: Session[];
  next_cursor: string | null;
}

/** An rrweb event as stored by the server. */
export interface RecordedEvent {
  type: number;
  timestamp: number;
  data: unknown;
}

export interface RecordingWindowResponse {
  events: RecordedEvent[];
  from_ms: number | null;
  to_ms: number | null;
  session_end_ms: number | null;
}
