/**
 * Scans the whole recording in the background, once the first frame is on screen, and keeps only
 * its summary: the event stream, the console and the idle periods come from it.
 */

import { useEffect, useState } from "react";
import { fetchRecordingWindow } from "../api/client";
import type { RecordingSummary } from "./recording-summary";
import { RecordingSummaryBuilder, emptyRecordingSummary } from "./recording-summary";
import { loadRecordingInWindows } from "./recording-loader";

export interface RecordingSummaryState {
  summary: RecordingSummary;
  status: "waiting" | "scanning" | "complete" | "failed";
  /** Everything before this moment has been summarised. */
  scannedUntilMs: number | null;
}

export function useRecordingSummary(sessionId: string, recordingStartMs: number, recordingEndMs: number, enabled: boolean): RecordingSummaryState {
  const [state, setState] = useState<RecordingSummaryState>({ summary: emptyRecordingSummary(), status: "waiting", scannedUntilMs: null });

  useEffect(() => {
    if (!enabled) {
      return;
    }
    const abort = new AbortController();
    const builder = new RecordingSummaryBuilder(recordingStartMs);
    setState((previous) => ({ ...previous, status: "scanning" }));
    loadRecordingInWindows({
      sessionStartMs: recordingStartMs,
      signal: abort.signal,
      fetchWindow: (window) => fetchRecordingWindow(sessionId, window, abort.signal),
      onEvents: (events, progress) => {
        builder.addEvents(events);
        const endMs = Math.max(progress.sessionEndMs ?? recordingEndMs, recordingEndMs);
        setState({
          summary: builder.summary(progress.done ? endMs : null),
          status: progress.done ? "complete" : "scanning",
          scannedUntilMs: progress.done ? endMs : progress.loadedUntilMs,
        });
      },
    }).catch((error: unknown) => {
      if (!abort.signal.aborted) {
        console.warn("reel: could not scan the recording", error);
        setState((previous) => ({ ...previous, status: "failed" }));
      }
    });
    return () => abort.abort();
  }, [sessionId, recordingStartMs, recordingEndMs, enabled]);

  return state;
}
