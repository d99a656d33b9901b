/**
 * Missing batches (`gaps` from `GET /api/v1/sessions/{id}`): where they are, and whether playback
 * is inside one. Each gap spans from the last event before the missing batches to the first one
 * after them.
 */

import type { RecordingGap } from "../api/types";

/** The gap containing `timeMs`, or null. Gaps of zero length (missing first batches) contain nothing. */
export function gapAt(gaps: RecordingGap[], timeMs: number): RecordingGap | null {
  for (const gap of gaps) {
    if (timeMs >= gap.start_ms && timeMs < gap.end_ms) {
      return gap;
    }
  }
  return null;
}

/** Gaps that start in [fromMs, toMs]: playback from a snapshot at `fromMs` to `toMs` crossed them. */
export function gapsBetween(gaps: RecordingGap[], fromMs: number, toMs: number): RecordingGap[] {
  return gaps.filter((gap) => gap.start_ms >= fromMs && gap.start_ms <= toMs);
}

export function describeMissingBatches(count: number): string {
  return count === 1 ? "1 batch missing" : `${count} batches missing`;
}

/** The first keyframe at or after `timeMs` (keyframes sorted), where the page can be shown again. */
export function nextKeyframeAtOrAfter(keyframesMs: number[], timeMs: number): number | null {
  for (const keyframeMs of keyframesMs) {
    if (keyframeMs >= timeMs) {
      return keyframeMs;
    }
  }
  return null;
}
