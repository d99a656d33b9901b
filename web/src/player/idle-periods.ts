/**
 * Idle periods: stretches with no user input (mouse, touch, scroll, typing, resizing, page loads)
 * for longer than IDLE_THRESHOLD_MS. The timeline shades them, and "Skip inactivity" jumps over
 * them. Found window by window as the recording is scanned, so no more than one window of events
 * is ever held.
 */

import type { RecordedEvent } from "../api/types";
import { isUserInput } from "./rrweb-event-types";

/** rrweb's own default for "inactive" (its `inactivePeriodThreshold`). */
export const IDLE_THRESHOLD_MS = 10_000;
/** Skipping lands this long before the input that ends the idle period, so it can be seen coming. */
export const IDLE_SKIP_LEAD_MS = 1_000;
/** No jump when less than this much of the idle period is left: jumping would only stutter. */
export const IDLE_SKIP_REMAINING_MIN_MS = 1_500;

export interface IdlePeriod {
  startMs: number;
  endMs: number;
}

export class IdlePeriodFinder {
  private readonly periods: IdlePeriod[] = [];
  private lastInputMs: number;

  /** `recordingStartMs`: a recording that starts idle is idle from its first moment. */
  constructor(
    recordingStartMs: number,
    private readonly thresholdMs: number = IDLE_THRESHOLD_MS,
  ) {
    this.lastInputMs = recordingStartMs;
  }

  /** Events must arrive in timestamp order (the server sends them so). */
  addEvents(events: RecordedEvent[]): void {
    for (const event of events) {
      if (isUserInput(event)) {
        this.addInputAt(event.timestamp);
      }
    }
  }

  private addInputAt(timestampMs: number): void {
    if (timestampMs - this.lastInputMs > this.thresholdMs) {
      this.periods.push({ startMs: this.lastInputMs, endMs: timestampMs });
    }
    this.lastInputMs = Math.max(this.lastInputMs, timestampMs);
  }

  /** The periods found so far; with `recordingEndMs`, also the idle stretch at the very end. */
  idlePeriods(recordingEndMs: number | null = null): IdlePeriod[] {
    if (recordingEndMs !== null && recordingEndMs - this.lastInputMs > this.thresholdMs) {
      return [...this.periods, { startMs: this.lastInputMs, endMs: recordingEndMs }];
    }
    return [...this.periods];
  }
}

/** The idle period containing `timeMs` (periods sorted by start), or null. */
export function idlePeriodAt(periods: IdlePeriod[], timeMs: number): IdlePeriod | null {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const period = periods[middle];
    if (timeMs < period.startMs) {
      high = middle - 1;
    } else if (timeMs >= period.endMs) {
      low = middle + 1;
    } else {
      return period;
    }
  }
  return null;
}

/** Where playback at `timeMs` should jump to when skipping inactivity, or null to keep playing. */
export function idleSkipTarget(periods: IdlePeriod[], timeMs: number): number | null {
  const period = idlePeriodAt(periods, timeMs);
  if (period === null) {
    return null;
  }
  const targetMs = period.endMs - IDLE_SKIP_LEAD_MS;
  return targetMs - timeMs >= IDLE_SKIP_REMAINING_MIN_MS ? targetMs : null;
}
