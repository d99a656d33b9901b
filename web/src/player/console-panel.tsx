/**
 * The console view: the recorded console logs, warnings and errors, failed network requests and
 * runtime errors in time order; level filters and search; a click jumps the replay there. Recorded
 * text is rendered as text only (React escapes it), never as HTML.
 */

import { memo, useMemo, useRef, useState } from "react";
import { formatPlayerTime } from "../format";
import type { ConsoleCategory, ConsoleEntry } from "./console-entries";
import { CONSOLE_CATEGORIES, filterConsoleEntries } from "./console-entries";
import { lastIndexAtOrBefore } from "./event-stream";
import { useFollowCurrentRow } from "./use-follow-current-row";

export const CONSOLE_ROWS_RENDERED_MAX = 3_000;

const CATEGORY_LABELS: Record<ConsoleCategory, string> = { log: "Logs", warn: "Warnings", error: "Errors", network: "Network" };

export interface ConsolePanelProps {
  entries: ConsoleEntry[];
  recordingStartMs: number;
  currentMs: number;
  isPlaying: boolean;
  loading: boolean;
  onSeek(timeMs: number): void;
}

function entryKey(entry: ConsoleEntry, index: number): string {
  return `${entry.timeMs}-${index}`;
}

const ConsoleRows = memo(function ConsoleRows(props: {
  entries: ConsoleEntry[];
  currentKey: string | null;
  recordingStartMs: number;
  onSeek(timeMs: number): void;
}) {
  return (
    <>
      {props.entries.slice(0, CONSOLE_ROWS_RENDERED_MAX).map((entry, index) => {
        const key = entryKey(entry, index);
        return (
          <li key={key} data-row-key={key}>
            <button
              type="button"
              className={`console-row console-row--${entry.category}`}
              data-testid="console-entry"
              data-category={entry.category}
              data-time-ms={entry.timeMs}
              data-current={key === props.currentKey ? "true" : "false"}
              onClick={() => props.onSeek(entry.timeMs)}
            >
              <span className="stream-time">{formatPlayerTime(entry.timeMs - props.recordingStartMs)}</span>
              <span className={`console-level console-level--${entry.category}`}>{entry.level}</span>
              <span className="console-message">{entry.message}</span>
              {entry.detail !== null && <span className="console-detail">{entry.detail}</span>}
            </button>
          </li>
        );
      })}
    </>
  );
});

export function ConsolePanel(props: ConsolePanelProps) {
  const [categories, setCategories] = useState<ReadonlySet<ConsoleCategory>>(() => new Set(CONSOLE_CATEGORIES));
  const [search, setSearch] = useState("");
  const listRef = useRef<HTMLOListElement | null>(null);
  const sortedEntries = useMemo(() => [...props.entries].sort((left, right) => left.timeMs - right.timeMs), [props.entries]);
  const filtered = useMemo(() => filterConsoleEntries(sortedEntries, { categories, search }), [sortedEntries, categories, search]);
  const countsByCategory = useMemo(() => {
    const counts = new Map<ConsoleCategory, number>();
    for (const entry of props.entries) {
      counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
    }
    return counts;
  }, [props.entries]);
  const currentIndex = lastIndexAtOrBefore(filtered, props.currentMs);
  const currentKey = currentIndex === -1 ? null : entryKey(filtered[currentIndex], currentIndex);
  useFollowCurrentRow(listRef, currentKey, props.isPlaying);

  const toggleCategory = (category: ConsoleCategory) =>
    setCategories((previous) => {
      const next = new Set(previous);
      if (next.has(category)) {
        next.delete(category);
      } else {
        next.add(category);
      }
      return next;
    });

  return (
    <div className="console-panel" data-testid="console-panel">
      <div className="panel-filter-chips" role="group" aria-label="Show console levels">
        {CONSOLE_CATEGORIES.map((category) => (
          <button
            type="button"
            key={category}
            className={`panel-filter-chip panel-filter-chip--${category}`}
            data-testid={`console-filter-${category}`}
            aria-pressed={categories.has(category)}
            onClick={() => toggleCategory(category)}
          >
            {CATEGORY_LABELS[category]} <span className="chip-count">{countsByCategory.get(category) ?? 0}</span>
          </button>
        ))}
      </div>
      <input
        type="search"
        className="console-search"
        data-testid="console-search"
        placeholder="Search the console"
        aria-label="Search the console"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <ol className="stream-list console-list" ref={listRef}>
        <ConsoleRows entries={filtered} currentKey={currentKey} recordingStartMs={props.recordingStartMs} onSeek={props.onSeek} />
      </ol>
      {filtered.length === 0 && (
        <p className="muted small panel-note">{props.loading ? "Reading the console…" : props.entries.length === 0 ? "Nothing was logged in this session." : "No entries match."}</p>
      )}
      {filtered.length > CONSOLE_ROWS_RENDERED_MAX && (
        <p className="muted small panel-note">Showing the first {CONSOLE_ROWS_RENDERED_MAX} of {filtered.length}; search or filter to see the rest.</p>
      )}
    </div>
  );
}
