/**
 * Above the event stream: how many events are picked, Clear, "Create Chart" (Event Segmentation or
 * Funnel of the picked events) and "Play Session" for the focused event when its session has a replay.
 */

import { useEffect, useRef, useState } from "react";
import type { ChartKind } from "./chart-links";
import { MAX_SELECTED_EVENTS } from "./event-selection";

export interface EventActionsProps {
  selectedCount: number;
  /** A sentence from the last refused action (e.g. the 11th pick), or null. */
  notice: string | null;
  onClear: () => void;
  onCreateChart: (kind: ChartKind) => void;
  /** Why Play Session is off, or null when it can play. */
  playBlockedReason: string | null;
  playing: boolean;
  onPlay: () => void;
}

function CreateChartMenu(props: { disabled: boolean; onCreateChart: (kind: ChartKind) => void }) {
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const closeOutside = (event: MouseEvent) => {
      if (frame.current !== null && !frame.current.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", closeOutside);
    return () => document.removeEventListener("mousedown", closeOutside);
  }, [open]);
  const choose = (kind: ChartKind) => {
    setOpen(false);
    props.onCreateChart(kind);
  };
  return (
    <div className="create-chart" ref={frame}>
      <button type="button" className="button-secondary" data-testid="create-chart" aria-haspopup="menu" aria-expanded={open} disabled={props.disabled} onClick={() => setOpen(!open)}>
        Create Chart ▾
      </button>
      {open && (
        <div className="create-chart-menu" role="menu" data-testid="create-chart-menu">
          <button type="button" role="menuitem" className="point-menu-item" data-testid="create-segmentation" onClick={() => choose("segmentation")}>
            Event Segmentation
            <span className="muted small">one series per event type</span>
          </button>
          <button type="button" role="menuitem" className="point-menu-item" data-testid="create-funnel" onClick={() => choose("funnel")}>
            Funnel
            <span className="muted small">steps in time order</span>
          </button>
        </div>
      )}
    </div>
  );
}

export function EventActionsBar(props: EventActionsProps) {
  return (
    <div className="event-actions" data-testid="event-actions">
      <div className="event-actions-row">
        <span className="small" data-testid="selected-count">
          {props.selectedCount} of {MAX_SELECTED_EVENTS} events selected
        </span>
        {props.selectedCount > 0 && (
          <button type="button" className="button-quiet small" data-testid="clear-selection" onClick={props.onClear}>
            Clear
          </button>
        )}
        <span className="event-actions-spacer" />
        <CreateChartMenu disabled={props.selectedCount === 0} onCreateChart={props.onCreateChart} />
        <button
          type="button"
          className="button-run"
          data-testid="play-session"
          title={props.playBlockedReason ?? "Open the replay at this event"}
          disabled={props.playBlockedReason !== null || props.playing}
          onClick={props.onPlay}
        >
          {props.playing ? "Opening…" : "▶ Play Session"}
        </button>
      </div>
      {props.playBlockedReason !== null && <p className="muted small event-actions-note">{props.playBlockedReason}</p>}
      {props.notice !== null && (
        <p className="event-actions-notice small" role="alert" data-testid="selection-notice">
          {props.notice}
        </p>
      )}
    </div>
  );
}
