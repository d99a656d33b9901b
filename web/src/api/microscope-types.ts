/** Shapes of `POST /api/v1/projects/{id}/analytics/segmentation/users`, the Microscope (docs/analytics-api.md). */

import type { FunnelQuery } from "./funnel-types";
import type { JourneysQuery } from "./journeys-types";
import type { GroupValue, SegmentationQuery } from "./segmentation-types";

export interface MicroscopeRequest {
  query: SegmentationQuery;
  /** The row's series index (0 = A). */
  series: number;
  /** The row's group labels, `[]` when not grouped. */
  group: GroupValue[];
  /** The point's bucket start; absent for the row's total over the range. */
  bucket_ms?: number;
  with_replays_only?: boolean;
  limit?: number;
}

export interface MicroscopeEvent {
  event_type: string;
  display_name: string;
  time: number;
  session_id: number | null;
  replay_id: string | null;
  event_properties: Record<string, unknown>;
  /** When Reel has the session's replay: the id for `/replays/{id}` (null or absent otherwise). */
  replay_session?: string | null;
  /** The event's moment in that replay. */
  replay_offset_ms?: number | null;
}

export interface MicroscopeReplay {
  session: string;
  replay_id: string;
  start_time_ms: number;
  duration_ms: number;
}

export interface MicroscopeUser {
  user_id: string | null;
  device_id: string | null;
  events: MicroscopeEvent[];
  replays: MicroscopeReplay[];
}

export interface MicroscopeResult {
  start_ms: number;
  end_ms: number;
  users: MicroscopeUser[];
}

/** `POST …/analytics/funnel/users`: the users who reached a funnel step (or dropped off before it). */
export interface FunnelUsersRequest {
  query: FunnelQuery;
  /** 0-based. */
  step: number;
  /** The group's label; absent for all users. */
  group?: string;
  dropped_off: boolean;
  with_replays_only?: boolean;
  limit?: number;
}

/** `POST …/analytics/journeys/users`: the users on a Pathfinder path or a Journey Map link. */
export interface JourneyUsersRequest {
  query: JourneysQuery;
  path?: string[];
  link?: { step: number; from: string; to: string };
  with_replays_only?: boolean;
  limit?: number;
}

/** Which Microscope endpoint to ask (`{chart}/users`) and with what. */
export type UserStreamsSource =
  | { chart: "segmentation"; request: MicroscopeRequest }
  | { chart: "funnel"; request: FunnelUsersRequest }
  | { chart: "journeys"; request: JourneyUsersRequest };
