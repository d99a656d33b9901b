/** Calls to the chart endpoints, `POST /api/v1/projects/{id}/analytics/…` (docs/analytics-api.md, "Charts"). */

import { requestJson } from "./client";
import type { FunnelQuery, FunnelResult } from "./funnel-types";
import type { JourneysQuery, JourneysResult } from "./journeys-types";
import type { MicroscopeResult, UserStreamsSource } from "./microscope-types";
import type { SegmentationQuery, SegmentationResult } from "./segmentation-types";
import type { SessionsQuery, SessionsResult } from "./sessions-types";

function analyticsPath(projectId: number, chart: string): string {
  return `/api/v1/projects/${encodeURIComponent(String(projectId))}/analytics/${chart}`;
}

/** Event Segmentation; a 400 `invalid_query` names the field the server refused. */
export function fetchSegmentation(projectId: number, query: SegmentationQuery, signal?: AbortSignal): Promise<SegmentationResult> {
  return requestJson<SegmentationResult>("POST", analyticsPath(projectId, "segmentation"), query, signal);
}

/** Funnel Analysis; errors as for segmentation (400 `invalid_query`). */
export function fetchFunnel(projectId: number, query: FunnelQuery, signal?: AbortSignal): Promise<FunnelResult> {
  return requestJson<FunnelResult>("POST", analyticsPath(projectId, "funnel"), query, signal);
}

/**
 * The Microscope: the users behind one point of a chart: `segmentation/users` (400 for a formula
 * row), `funnel/users` (a funnel bar) or `journeys/users` (a path or a link).
 */
export function fetchMicroscopeUsers(projectId: number, source: UserStreamsSource, signal?: AbortSignal): Promise<MicroscopeResult> {
  return requestJson<MicroscopeResult>("POST", analyticsPath(projectId, `${source.chart}/users`), source.request, signal);
}

/** User Sessions: session counts, lengths or their distribution over time. */
export function fetchSessionsChart(projectId: number, query: SessionsQuery, signal?: AbortSignal): Promise<SessionsResult> {
  return requestJson<SessionsResult>("POST", analyticsPath(projectId, "sessions"), query, signal);
}

/** Journeys: the most common paths from (or to) an event, and their transitions. */
export function fetchJourneys(projectId: number, query: JourneysQuery, signal?: AbortSignal): Promise<JourneysResult> {
  return requestJson<JourneysResult>("POST", analyticsPath(projectId, "journeys"), query, signal);
}
