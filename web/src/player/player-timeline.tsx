/**
 * The timeline: played and loaded stretches, idle periods (shaded), missing batches (hatched),
 * and markers for errors, frustration signals and page views. Hovering a marker shows what it is;
 * clicking it, or anywhere on the bar, jumps there.
 */

import { memo, useCallback, useState } from "react";
import type { MouseEvent } from "react";
import type { RecordingGap } from "../api/types";
import { formatPlayerTime } from "../format";
import type { IdlePeriod } from "./idle-periods";
import { describeMissingBatches } from "./recording-gaps";
import { fractionAlong, timelinePercent } from "./replay-geometry";
import type { TimelineMarker } from "./timeline-markers";

interface TimelineTooltip {
  left: string;
  title: string;
  detail: string | null;
}

export interface PlayerTimelineProps {
  startMs: number;
  endMs: number;
  currentMs: number;
  playableFromMs: number | null;
  loadedUntilMs: number | null;
  idlePeriods: IdlePeriod[];
  gaps: RecordingGap[];
  markers: TimelineMarker[];
  disabled: boolean;
  onSeek(timeMs: number): void;
}

/** The parts that change only when the recording's summary does, kept out of every playback tick. */
const TimelineBackground = memo(function TimelineBackground(props: {
  startMs: number;
  endMs: number;
  idlePeriods: IdlePeriod[];
  gaps: RecordingGap[];
  markers: TimelineMarker[];
  onMarkerHover(marker: TimelineMarker | null): void;
  onSeek(timeMs: number): void;
}) {
  const { startMs, endMs } = props;
  const widthOf = (fromMs: number, toMs: number) => `calc(${timelinePercent(toMs, startMs, endMs)} - ${timelinePercent(fromMs, startMs, endMs)})`;
  return (
    <>
      {props.idlePeriods.map((period) => (
        <div
          key={`idle-${period.startMs}`}
          className="timeline-idle"
          data-testid="idle-period"
          data-start-ms={period.startMs}
          data-end-ms={period.endMs}
          title={`Inactive for ${formatPlayerTime(period.endMs - period.startMs)}`}
          style={{ left: timelinePercent(period.startMs, startMs, endMs), width: widthOf(period.startMs, period.endMs) }}
        />
      ))}
      {props.gaps.map((gap) => (
        <div
          key={`gap-${gap.first_missing_sequence}`}
          className="timeline-gap"
          data-testid="timeline-gap"
          title={describeMissingBatches(gap.missing_batch_count)}
          style={{ left: timelinePercent(gap.start_ms, startMs, endMs), width: widthOf(gap.start_ms, gap.end_ms) }}
        />
      ))}
      {props.markers.map((marker) => (
        <button
          type="button"
          key={marker.key}
          className={`timeline-marker timeline-marker--${marker.kind}`}
          data-testid="timeline-marker"
          data-kind={marker.kind}
          data-time-ms={marker.timeMs}
          aria-label={`${marker.label} at ${formatPlayerTime(marker.timeMs - startMs)}`}
          style={{ left: timelinePercent(marker.timeMs, startMs, endMs) }}
          onMouseEnter={() => props.onMarkerHover(marker)}
          onFocus={() => props.onMarkerHover(marker)}
          onBlur={() => props.onMarkerHover(null)}
          onClick={(event) => {
            event.stopPropagation();
            props.onSeek(marker.timeMs);
          }}
        />
      ))}
    </>
  );
});

export function PlayerTimeline(props: PlayerTimelineProps) {
  const { startMs, endMs } = props;
  const [tooltip, setTooltip] = useState<TimelineTooltip | null>(null);
  const timeAtPointer = (event: MouseEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    return startMs + fractionAlong(event.clientX, bounds.left, bounds.width) * (endMs - startMs);
  };
  const showMarker = useCallback(
    (marker: TimelineMarker | null) =>
      setTooltip(
        marker === null
          ? null
          : { left: timelinePercent(marker.timeMs, startMs, endMs), title: `${formatPlayerTime(marker.timeMs - startMs)} · ${marker.label}`, detail: marker.detail },
      ),
    [startMs, endMs],
  );
  const loadedFromMs = props.playableFromMs ?? startMs;
  const loadedUntilMs = Math.min(props.loadedUntilMs ?? startMs, endMs);
  return (
    <div className="player-timeline">
      <div
        className="progress-track"
        data-testid="progress"
        role="slider"
        aria-label="Playback position"
        aria-valuemin={0}
        aria-valuemax={Math.round(endMs - startMs)}
        aria-valuenow={Math.round(props.currentMs - startMs)}
        aria-valuetext={formatPlayerTime(props.currentMs - startMs)}
        tabIndex={0}
        onClick={props.disabled ? undefined : (event) => props.onSeek(timeAtPointer(event))}
        onMouseMove={(event) => {
          if (!(event.target as HTMLElement).classList.contains("timeline-marker")) {
            const hoveredMs = timeAtPointer(event);
            setTooltip({ left: timelinePercent(hoveredMs, startMs, endMs), title: formatPlayerTime(hoveredMs - startMs), detail: null });
          }
        }}
        onMouseLeave={() => setTooltip(null)}
      >
        <div
          className="progress-loaded"
          data-testid="progress-loaded"
          style={{ left: timelinePercent(loadedFromMs, startMs, endMs), width: `calc(${timelinePercent(loadedUntilMs, startMs, endMs)} - ${timelinePercent(loadedFromMs, startMs, endMs)})` }}
        />
        <TimelineBackground
          startMs={startMs}
          endMs={endMs}
          idlePeriods={props.idlePeriods}
          gaps={props.gaps}
          markers={props.markers}
          onMarkerHover={showMarker}
          onSeek={props.onSeek}
        />
        <div className="progress-played" data-testid="progress-played" style={{ width: timelinePercent(props.currentMs, startMs, endMs) }} />
        <div className="progress-playhead" style={{ left: timelinePercent(props.currentMs, startMs, endMs) }} />
      </div>
      {tooltip !== null && (
        <div className="timeline-tooltip" data-testid="timeline-tooltip" style={{ left: tooltip.left }} role="tooltip">
          <strong>{tooltip.title}</strong>
          {tooltip.detail !== null && <span className="timeline-tooltip-detail">{tooltip.detail}</span>}
        </div>
      )}
    </div>
  );
}
