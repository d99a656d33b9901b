/** The Microscope's requests: for a clicked point of a segmentation chart (or null where it has no users), a funnel bar, a Pathfinder path or a Journey Map link. */

import type { FunnelQuery, FunnelResult } from "../api/funnel-types";
import type { JourneyLink, JourneysQuery } from "../api/journeys-types";
import type { FunnelUsersRequest, JourneyUsersRequest, MicroscopeRequest } from "../api/microscope-types";
import type { SegmentationQuery, SegmentationResult } from "../api/segmentation-types";
import { isFrequency } from "./table-model";

/** "A" → 0, "B" → 1, …; null for "formula" or anything else. */
export function seriesIndex(series: string): number | null {
  return /^[A-Z]$/.test(series) ? series.charCodeAt(0) - "A".charCodeAt(0) : null;
}

/**
 * A formula row has no users of its own, and a frequency bar is a count of times, not a bucket:
 * both give null. `bucketIndex` null asks for the row's total over the range.
 */
export function microscopeRequest(query: SegmentationQuery, result: SegmentationResult, rowIndex: number, bucketIndex: number | null): MicroscopeRequest | null {
  const row = result.rows[rowIndex];
  const series = row === undefined ? null : seriesIndex(row.series);
  if (row === undefined || series === null || isFrequency(result)) {
    return null;
  }
  const request: MicroscopeRequest = { query, series, group: row.group ?? [] };
  if (bucketIndex !== null) {
    const bucketMs = result.buckets_ms[bucketIndex];
    if (bucketMs === undefined) {
      return null;
    }
    request.bucket_ms = bucketMs;
  }
  return request;
}

/**
 * The users of a funnel bar: those in the group (`groupIndex` in the result, 0 = all users) who
 * reached `step`, or with `droppedOff` those who reached the step before but not this one; null for
 * drop-offs at the first step or a bar the result does not have.
 */
export function funnelUsersRequest(query: FunnelQuery, result: FunnelResult, groupIndex: number, step: number, droppedOff: boolean): FunnelUsersRequest | null {
  const group = result.groups[groupIndex];
  if (group === undefined || group.steps[step] === undefined || (droppedOff && step === 0)) {
    return null;
  }
  const request: FunnelUsersRequest = { query, step, dropped_off: droppedOff };
  if (group.group.length > 0) {
    request.group = group.group[0];
  }
  return request;
}

/** The users who took a Pathfinder path. */
export function journeyPathRequest(query: JourneysQuery, events: readonly string[]): JourneyUsersRequest {
  return { query, path: [...events] };
}

/** The users behind a Journey Map link. */
export function journeyLinkRequest(query: JourneysQuery, link: JourneyLink): JourneyUsersRequest {
  return { query, link: { step: link.step, from: link.from, to: link.to } };
}
