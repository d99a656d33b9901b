/**
 * Loads a recording in time windows so playback can start before all of it has arrived: first
 * the opening minute, then the rest in longer windows, each handed over as soon as it arrives.
 */

import type { RecordedEvent, RecordingWindowResponse } from "../api/types";

export const FIRST_WINDOW_MS = 60_000;
export const LATER_WINDOW_MS = 5 * 60_000;
/** A bound on requests for one recording (with 5-minute windows: about a week of recording). */
export const RECORDING_WINDOWS_MAX = 2_100;

export interface RecordingWindowRequest {
  /** null: from the very beginning (also catches events stamped before the session start). */
  fromMs: number | null;
  toMs: number;
}

export interface LoadProgress {
  /** Every event before this time has been handed over. */
  loadedUntilMs: number;
  /** The timestamp of the recording's last event, as the server reports it. */
  sessionEndMs: number | null;
  done: boolean;
}

export interface LoadRecordingOptions {
  sessionStartMs: number;
  fetchWindow: (window: RecordingWindowRequest) => Promise<RecordingWindowResponse>;
  onEvents: (events: RecordedEvent[], progress: LoadProgress) => void;
  signal?: AbortSignal;
}

/** The windows to ask for, given what the last answer said about the recording's end. */
export function nextRecordingWindow(previous: RecordingWindowRequest, sessionEndMs: number | null): RecordingWindowRequest | null {
  if (sessionEndMs === null || previous.toMs > sessionEndMs) {
    return null; // [from, to) already covered the last event
  }
  return { fromMs: previous.toMs, toMs: previous.toMs + LATER_WINDOW_MS };
}

export function firstRecordingWindow(sessionStartMs: number): RecordingWindowRequest {
  return { fromMs: null, toMs: sessionStartMs + FIRST_WINDOW_MS };
}

/** Events the server returned outside the window that was asked for (a contract violation). */
export function eventsOutsideWindow(events: RecordedEvent[], window: RecordingWindowRequest): number {
  return events.filter((event) => (window.fromMs !== null && event.timestamp < window.fromMs) || event.timestamp >= window.toMs).length;
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export async function loadRecordingInWindows(options: LoadRecordingOptions): Promise<void> {
  let window: RecordingWindowRequest | null = firstRecordingWindow(options.sessionStartMs);
  let sessionEndMs: number | null = null;
  for (let windowIndex = 0; window !== null && windowIndex < RECORDING_WINDOWS_MAX; windowIndex += 1) {
    if (isAborted(options.signal)) {
      return;
    }
    const answer = await options.fetchWindow(window);
    if (isAborted(options.signal)) {
      return;
    }
    const strayEventCount = eventsOutsideWindow(answer.events, window);
    if (strayEventCount > 0) {
      console.warn(`reel: the server sent ${strayEventCount} events outside the window ${window.fromMs}..${window.toMs}`);
    }
    sessionEndMs = answer.session_end_ms ?? sessionEndMs;
    const next = nextRecordingWindow(window, sessionEndMs);
    options.onEvents(answer.events, { loadedUntilMs: window.toMs, sessionEndMs, done: next === null });
    window = next;
  }
}
