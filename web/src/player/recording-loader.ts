/**
 * Reads a whole recording front to back in large windows, handing each window over as it arrives
 * and keeping none of it: the recording summary (event stream, console, idle periods) is built
 * from these windows while the player itself loads only the stretch it is showing.
 */

import type { RecordedEvent, RecordingWindowResponse } from "../api/types";

/** Half the server's default `recording.window_ms_max` (1 hour). */
export const SCAN_WINDOW_MS = 30 * 60_000;
/** A bound on requests for one recording (with 30-minute windows: about six weeks of recording). */
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

/**
 * The window after `previous`: where the server says the next one starts (`next_from_ms`, null at
 * the end), or, from a server without that field, right after `previous` until the last event.
 */
export function nextRecordingWindow(previous: RecordingWindowRequest, answer: RecordingWindowResponse): RecordingWindowRequest | null {
  if (answer.next_from_ms !== undefined) {
    return answer.next_from_ms === null ? null : { fromMs: answer.next_from_ms, toMs: answer.next_from_ms + SCAN_WINDOW_MS };
  }
  if (answer.session_end_ms === null || previous.toMs > answer.session_end_ms) {
    return null; // [from, to) already covered the last event
  }
  return { fromMs: previous.toMs, toMs: previous.toMs + SCAN_WINDOW_MS };
}

export function firstRecordingWindow(sessionStartMs: number): RecordingWindowRequest {
  return { fromMs: null, toMs: sessionStartMs + SCAN_WINDOW_MS };
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
    const next = nextRecordingWindow(window, answer);
    options.onEvents(answer.events, { loadedUntilMs: window.toMs, sessionEndMs, done: next === null });
    window = next;
  }
}
