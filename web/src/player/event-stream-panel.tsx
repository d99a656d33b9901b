/**
 * The session's events beside the replay: filter by type, the event at the playhead highlighted
 * (and kept in view while playing), a click jumps the replay there.
 */

import { memo, useMemo, useRef, useState } from "react";
import { formatPlayerTime } from "../format";
import { filterStreamItems, lastIndexAtOrBefore } from "./event-stream";
import type { StreamItem, StreamItemKind } from "./stream-item";
import { STREAM_ITEM_KINDS, STREAM_ITEM_KIND_LABELS } from "./stream-item";
import { useFollowCurrentRow } from "./use-follow-current-row";

/** A bound on rendered rows; the filters narrow a longer stream down. */
export const STREAM_ROWS_RENDERED_MAX = 3_000;

export interface EventStreamPanelProps {
  items: StreamItem[];
  recordingStartMs: number;
  currentMs: number;
  isPlaying: boolean;
  /** Where the items came from, said under the list ("derived from the recording", …). */
  sourceNote: string | null;
  loading: boolean;
  onSeek(timeMs: number): void;
}

const StreamRows = memo(function StreamRows(props: {
  items: StreamItem[];
  currentKey: string | null;
  recordingStartMs: number;
  onSeek(timeMs: number): void;
}) {
  return (
    <>
      {props.items.slice(0, STREAM_ROWS_RENDERED_MAX).map((item) => (
        <li key={item.key} data-row-key={item.key}>
          <button
            type="button"
            className={`stream-row stream-row--${item.kind}`}
            data-testid="stream-item"
            data-kind={item.kind}
            data-time-ms={item.timeMs}
            data-current={item.key === props.currentKey ? "true" : "false"}
            aria-current={item.key === props.currentKey ? "true" : undefined}
            onClick={() => props.onSeek(item.timeMs)}
          >
            <span className="stream-time">{formatPlayerTime(item.timeMs - props.recordingStartMs)}</span>
            <span className={`stream-kind stream-kind--${item.kind}`}>{STREAM_ITEM_KIND_LABELS[item.kind].replace(/s$/, "")}</span>
            <span className="stream-title">{item.title}</span>
            {item.detail !== null && <span className="stream-detail">{item.detail}</span>}
          </button>
        </li>
      ))}
    </>
  );
});

export function EventStreamPanel(props: EventStreamPanelProps) {
  const [shownKinds, setShownKinds] = useState<ReadonlySet<StreamItemKind>>(() => new Set(STREAM_ITEM_KINDS));
  const listRef = useRef<HTMLOListElement | null>(null);
  const filtered = useMemo(() => filterStreamItems(props.items, shownKinds), [props.items, shownKinds]);
  const countsByKind = useMemo(() => {
    const counts = new Map<StreamItemKind, number>();
    for (const item of props.items) {
      counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
    }
    return counts;
  }, [props.items]);
  const currentIndex = lastIndexAtOrBefore(filtered, props.currentMs);
  const currentKey = currentIndex === -1 ? null : filtered[currentIndex].key;
  useFollowCurrentRow(listRef, currentKey, props.isPlaying);

  const toggleKind = (kind: StreamItemKind) =>
    setShownKinds((previous) => {
      const next = new Set(previous);
      if (next.has(kind)) {
        next.delete(kind);
      } else {
        next.add(kind);
      }
      return next;
    });

  return (
    <div className="stream-panel" data-testid="event-stream">
      <div className="panel-filter-chips" role="group" aria-label="Show event types">
        {STREAM_ITEM_KINDS.map((kind) => (
          <button
            type="button"
            key={kind}
            className="panel-filter-chip"
            data-testid={`stream-filter-${kind}`}
            aria-pressed={shownKinds.has(kind)}
            onClick={() => toggleKind(kind)}
          >
            {STREAM_ITEM_KIND_LABELS[kind]} <span className="chip-count">{countsByKind.get(kind) ?? 0}</span>
          </button>
        ))}
      </div>
      <ol className="stream-list" ref={listRef}>
        <StreamRows items={filtered} currentKey={currentKey} recordingStartMs={props.recordingStartMs} onSeek={props.onSeek} />
      </ol>
      {filtered.length === 0 && <p className="muted small panel-note">{props.loading ? "Reading the session's events…" : "No events of the chosen types."}</p>}
      {filtered.length > STREAM_ROWS_RENDERED_MAX && (
        <p className="muted small panel-note">Showing the first {STREAM_ROWS_RENDERED_MAX} of {filtered.length}; narrow the types to see the rest.</p>
      )}
      {props.sourceNote !== null && <p className="muted small panel-note" data-testid="stream-source">{props.sourceNote}</p>}
    </div>
  );
}
