/**
 * Decisions the replay engine makes about what to load and what to drop, as pure functions.
 * The engine keeps one rrweb Replayer holding the stretch around the playhead: from a keyframe
 * (Meta + FullSnapshot) at most KEEP_BEHIND_MS + one keyframe interval behind, to a little ahead.
 */

import type { RecordedEvent } from "../api/types";
import { EVENT_TYPE_FULL_SNAPSHOT } from "./rrweb-event-types";

/** The window asked for when (re)starting at a moment: small, so the first frame comes fast. */
export const OPEN_WINDOW_MS = 20_000;
/** Load ahead while less than this much recording (times the speed) is loaded past the playhead. */
export const LOOKAHEAD_MS_MIN = 90_000;
export const LOOKAHEAD_REAL_TIME_MS = 30_000;
/** One load-ahead request covers this much recording (times the speed). */
export const LOAD_CHUNK_MS_MIN = 60_000;
export const LOAD_CHUNK_REAL_TIME_MS = 15_000;
/** Events further behind the playhead than this (and behind a newer keyframe) are dropped. */
export const KEEP_BEHIND_MS = 60_000;

export function lookaheadMs(speed: number): number {
  return Math.max(LOOKAHEAD_MS_MIN, LOOKAHEAD_REAL_TIME_MS * speed);
}

export function loadChunkMs(speed: number): number {
  return Math.max(LOAD_CHUNK_MS_MIN, LOAD_CHUNK_REAL_TIME_MS * speed);
}

export interface LoadedStretch {
  /** The earliest moment the Replayer can show: its oldest kept full snapshot. */
  playableFromMs: number;
  /** Every event before this moment has been handed to the Replayer. */
  loadedUntilMs: number;
  /** Where the next window starts; null once the recording's end is loaded. */
  nextFromMs: number | null;
}

/**
 * Whether to ask for the next window now. While waiting for data (`starved`: playback reached the
 * last loaded event) it always does, so a long stretch without events cannot stall playback.
 */
export function shouldLoadAhead(stretch: LoadedStretch, currentMs: number, speed: number, starved: boolean): boolean {
  if (stretch.nextFromMs === null) {
    return false;
  }
  return starved || stretch.loadedUntilMs < currentMs + lookaheadMs(speed);
}

/** A seek to `targetMs` can be served by the Replayer already built, without loading anything. */
export function isWithinLoadedStretch(stretch: LoadedStretch, targetMs: number): boolean {
  return targetMs >= stretch.playableFromMs && (targetMs < stretch.loadedUntilMs || stretch.nextFromMs === null);
}

/**
 * The newest keyframe the Replayer can drop everything before: more than KEEP_BEHIND_MS behind
 * the playhead and newer than what it already starts from. Keyframes sorted ascending.
 */
export function keyframeToTrimTo(keyframesMs: number[], playableFromMs: number, currentMs: number): number | null {
  const cutoffMs = currentMs - KEEP_BEHIND_MS;
  let chosen: number | null = null;
  for (const keyframeMs of keyframesMs) {
    if (keyframeMs > cutoffMs) {
      break;
    }
    if (keyframeMs > playableFromMs) {
      chosen = keyframeMs;
    }
  }
  return chosen;
}

/** The first moment `events` can show: that of their first full snapshot. */
export function firstPlayableMs(events: RecordedEvent[]): number | null {
  const fullSnapshot = events.find((event) => event.type === EVENT_TYPE_FULL_SNAPSHOT);
  return fullSnapshot === undefined ? null : fullSnapshot.timestamp;
}

export function clamp(value: number, lowest: number, highest: number): number {
  return Math.min(highest, Math.max(lowest, value));
}
