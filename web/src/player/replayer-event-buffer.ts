/**
 * Dropping events a Replayer has already played, so a long continuous playback keeps memory flat.
 *
 * rrweb 2.2.2 has no public API for this. Its Replayer keeps every event it can play in one
 * array, `service.state.context.events` (its constructor copies the events it is given; `addEvent`
 * inserts into that same array). A seek replays from the last Meta event at or before the target
 * (`discardPriorSnapshots`), and offsets count from `events[0].timestamp`. So removing the events
 * between the first one and a later keyframe's Meta event is safe for every moment from that
 * keyframe on, and the engine never seeks this Replayer to an earlier moment (it rebuilds instead).
 * If a future rrweb changes that shape, `dropEventsBeforeKeyframe` finds no array and does
 * nothing: playback still works, only without the memory bound.
 */

import type { Replayer } from "rrweb";
import type { RecordedEvent } from "../api/types";
import { isKeyframeStart } from "./rrweb-event-types";

/** How far apart a keyframe's Meta event and full snapshot can be (rrweb writes them back to back). */
const KEYFRAME_SPREAD_MS_MAX = 1_000;

function replayerEventArray(replayer: Replayer): RecordedEvent[] | null {
  const service = (replayer as unknown as { service?: { state?: { context?: { events?: unknown } } } }).service;
  const events = service?.state?.context?.events;
  return Array.isArray(events) ? (events as RecordedEvent[]) : null;
}

export function replayerEventCount(replayer: Replayer): number | null {
  return replayerEventArray(replayer)?.length ?? null;
}

/**
 * Removes the events between the Replayer's first event and the keyframe that starts at
 * `keyframeMs`. Returns the keyframe's full snapshot timestamp, or null when nothing was dropped.
 */
export function dropEventsBeforeKeyframe(replayer: Replayer, keyframeMs: number): number | null {
  const events = replayerEventArray(replayer);
  if (events === null) {
    return null;
  }
  for (let index = events.length - 2; index >= 1; index -= 1) {
    if (events[index].timestamp < keyframeMs) {
      return null;
    }
    if (events[index].timestamp === keyframeMs && isKeyframeStart(events, index)) {
      const fullSnapshotMs = events[index + 1].timestamp;
      events.splice(1, index - 1);
      return fullSnapshotMs;
    }
  }
  return null;
}

/**
 * A moment between a keyframe's Meta event and its full snapshot would still show the page from
 * before the keyframe. Returns the moment of that full snapshot in such a case, else `timeMs`.
 */
export function momentAfterKeyframeAt(replayer: Replayer, timeMs: number): number {
  const events = replayerEventArray(replayer);
  if (events === null) {
    return timeMs;
  }
  for (let index = events.length - 2; index >= 0; index -= 1) {
    if (events[index].timestamp > timeMs) {
      continue;
    }
    if (isKeyframeStart(events, index) && events[index + 1].timestamp > timeMs) {
      return events[index + 1].timestamp;
    }
    if (events[index].timestamp < timeMs - KEYFRAME_SPREAD_MS_MAX) {
      return timeMs;
    }
  }
  return timeMs;
}
