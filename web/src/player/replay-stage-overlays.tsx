/**
 * What covers the replay when it cannot show the page: loading and failure, missing batches (inside a
 * gap, or after one until the next full snapshot, rather than a corrupted page), and seeking.
 */

import type { RecordingGap } from "../api/types";
import { formatPlayerTime } from "../format";
import { describeMissingBatches } from "./recording-gaps";
import type { ReplayEngineSnapshot } from "./replay-engine";

export function ReplayStageOverlays(props: {
  state: ReplayEngineSnapshot;
  gapAtPlayhead: RecordingGap | null;
  /** Batches missing between the last full snapshot and the playhead, when the page shows damage. */
  damagingGap: RecordingGap | null;
  nextKeyframeMs: number | null;
  recordingStartMs: number;
  onSeek(timeMs: number): void;
}) {
  const { state } = props;
  if (state.status !== "ready") {
    return (
      <div className="replay-overlay" data-testid="replay-status">
        {state.status === "loading" && "Loading recording…"}
        {state.status === "empty" && "This session has no replayable recording (no full page snapshot was received)."}
        {state.status === "failed" && `Could not load the recording: ${state.message ?? "unknown error"}`}
      </div>
    );
  }
  const gap = props.gapAtPlayhead ?? (state.damagedByGap ? props.damagingGap : null);
  return (
    <>
      {gap !== null && (
        <div className="replay-overlay replay-overlay--gap" data-testid="gap-overlay" data-missing-batches={gap.missing_batch_count}>
          <strong>{describeMissingBatches(gap.missing_batch_count)}</strong>
          <span>
            {props.gapAtPlayhead !== null
              ? "Part of this recording never reached the server."
              : "Batches are missing before this moment, so the page cannot be shown correctly until the next full snapshot."}
          </span>
          {props.nextKeyframeMs !== null && (
            <button type="button" className="button-secondary" data-testid="gap-skip" onClick={() => props.onSeek(props.nextKeyframeMs as number)}>
              Continue at {formatPlayerTime(props.nextKeyframeMs - props.recordingStartMs)}
            </button>
          )}
        </div>
      )}
      {(state.isSeeking || state.isBuffering) && (
        <div className="replay-spinner" data-testid="seeking-indicator" aria-label="Loading">
          <span />
        </div>
      )}
      {state.message !== null && (
        <div className="replay-warning" role="status">
          {state.message}
        </div>
      )}
    </>
  );
}
