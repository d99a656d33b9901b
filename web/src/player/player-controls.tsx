/** Play/pause, a clickable progress bar with error markers, the time, and the speed. */

import type { MouseEvent } from "react";
import { formatPlayerTime } from "../format";
import type { ReplayerControls } from "./use-replayer";
import { fractionAlong } from "./replay-geometry";

const SPEEDS = [1, 2, 4, 8];

function PlayIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d="M7 4.5v15l13-7.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <rect x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
      <rect x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
    </svg>
  );
}

function percentOf(partMs: number, totalMs: number): string {
  return totalMs > 0 ? `${Math.min(100, (partMs / totalMs) * 100)}%` : "0%";
}

export function PlayerControls(props: { controls: ReplayerControls }) {
  const { controls } = props;
  const disabled = controls.status.kind !== "ready";
  const handleProgressClick = (event: MouseEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    controls.seek(fractionAlong(event.clientX, bounds.left, bounds.width) * controls.totalTimeMs);
  };
  return (
    <div className="player-controls">
      <button
        type="button"
        className="play-button"
        data-testid="play-pause"
        data-state={controls.isPlaying ? "playing" : "paused"}
        aria-label={controls.isPlaying ? "Pause" : "Play"}
        disabled={disabled}
        onClick={controls.togglePlay}
      >
        {controls.isPlaying ? <PauseIcon /> : <PlayIcon />}
      </button>
      <div
        className="progress-track"
        data-testid="progress"
        role="slider"
        aria-label="Playback position"
        aria-valuemin={0}
        aria-valuemax={Math.round(controls.totalTimeMs)}
        aria-valuenow={Math.round(controls.currentTimeMs)}
        tabIndex={0}
        onClick={disabled ? undefined : handleProgressClick}
        onKeyDown={(event) => {
          if (event.key === "ArrowRight") controls.seek(controls.currentTimeMs + 5_000);
          if (event.key === "ArrowLeft") controls.seek(controls.currentTimeMs - 5_000);
        }}
      >
        <div className="progress-loaded" style={{ width: percentOf(controls.loadedTimeMs, controls.totalTimeMs) }} />
        <div className="progress-played" data-testid="progress-played" style={{ width: percentOf(controls.currentTimeMs, controls.totalTimeMs) }} />
        {controls.recordingStartMs !== null &&
          controls.errorMarkers.map((marker, index) => (
            <span
              key={`${marker.timestampMs}-${index}`}
              className="progress-marker"
              title={marker.message}
              style={{ left: percentOf(marker.timestampMs - (controls.recordingStartMs ?? 0), controls.totalTimeMs) }}
            />
          ))}
      </div>
      <span className="player-time">
        <span data-testid="current-time">{formatPlayerTime(controls.currentTimeMs)}</span>
        {" / "}
        <span data-testid="total-time">{formatPlayerTime(controls.totalTimeMs)}</span>
      </span>
      <select
        className="speed-select"
        aria-label="Playback speed"
        value={controls.speed}
        onChange={(event) => controls.setSpeed(Number(event.target.value))}
      >
        {SPEEDS.map((speed) => (
          <option key={speed} value={speed}>
            {speed}×
          </option>
        ))}
      </select>
    </div>
  );
}
