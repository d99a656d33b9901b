/** The replay viewport and its controls. */

import { useRef } from "react";
import type { Session } from "../api/types";
import { formatPlayerTime } from "../format";
import { PlayerControls } from "./player-controls";
import { useReplayer } from "./use-replayer";

export function ReplayPlayer(props: { session: Session }) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const controls = useReplayer(props.session.id, props.session.start_time_ms, containerRef);
  const { status } = controls;
  return (
    <section className="player" data-testid="player" data-status={status.kind}>
      <div className="replay-stage">
        <div className="replay-container" ref={containerRef} data-testid="replay-container" />
        {status.kind !== "ready" && (
          <div className="replay-overlay" data-testid="replay-status">
            {status.kind === "loading" && "Loading recording…"}
            {status.kind === "empty" && "This session has no replayable recording (no full page snapshot was received)."}
            {status.kind === "failed" && `Could not load the recording: ${status.message}`}
          </div>
        )}
      </div>
      <PlayerControls controls={controls} />
      {controls.errorMarkers.length > 0 && controls.recordingStartMs !== null && (
        <div className="error-list" data-testid="error-list">
          <h3>Errors</h3>
          <ul>
            {controls.errorMarkers.map((marker, index) => (
              <li key={`${marker.timestampMs}-${index}`}>
                <button type="button" className="link-button" onClick={() => controls.seek(marker.timestampMs - (controls.recordingStartMs ?? 0))}>
                  {formatPlayerTime(marker.timestampMs - (controls.recordingStartMs ?? 0))}
                </button>{" "}
                <span className="error-message">{marker.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
