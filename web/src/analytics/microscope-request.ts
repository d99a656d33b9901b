/** The Microscope's request for a clicked point of a segmentation chart, or null where it has no users. */

import type { MicroscopeRequest } from "../api/microscope-types";
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
