/** Journeys' form: paths from or to an event, how long, repeats collapsed or not, left-out events, dates. */

import { DateRangeFields } from "./date-range-fields";
import type { JourneysDraft } from "./journeys-model";
import { MAX_PATH_EVENTS, MIN_PATH_EVENTS } from "./journeys-model";
import { EventTypeInput, EventTypesDatalist } from "./series-editor";

export function JourneysControls(props: { draft: JourneysDraft; onChange: (draft: JourneysDraft) => void }) {
  const { draft, onChange } = props;
  return (
    <>
      <section className="query-panel" aria-label="Paths">
        <h2>Paths</h2>
        <EventTypesDatalist withActive={false} />
        <div className="query-line">
          <select aria-label="Paths start or end" data-testid="journey-anchor" value={draft.anchor} onChange={(event) => onChange({ ...draft, anchor: event.target.value === "end" ? "end" : "start" })}>
            <option value="start">Starting with</option>
            <option value="end">Ending with</option>
          </select>
          <EventTypeInput value={draft.eventType} onChange={(eventType) => onChange({ ...draft, eventType })} label="Event" testId="journey-event" />
        </div>
        <div className="query-line">
          <label className="date-field">
            Events per path
            <input
              type="number"
              className="window-input"
              data-testid="path-events"
              min={MIN_PATH_EVENTS}
              max={MAX_PATH_EVENTS}
              value={draft.pathEvents}
              onChange={(event) => onChange({ ...draft, pathEvents: event.target.valueAsNumber })}
            />
          </label>
          <label className="date-field">
            <input type="checkbox" data-testid="collapse-repeats" checked={draft.collapseRepeats} onChange={(event) => onChange({ ...draft, collapseRepeats: event.target.checked })} />
            Collapse repeated events
          </label>
        </div>
      </section>
      <section className="query-panel" aria-label="Options">
        <h2>Options</h2>
        <div className="query-line">
          <span className="muted small">Leave out</span>
          <input
            type="text"
            className="event-type-input"
            aria-label="Leave out events"
            data-testid="exclude-events"
            placeholder="Event types, comma-separated, e.g. [Amplitude] Replay Captured"
            value={draft.exclude}
            onChange={(event) => onChange({ ...draft, exclude: event.target.value })}
          />
        </div>
        <DateRangeFields range={draft} onChange={(range) => onChange({ ...draft, ...range })} />
      </section>
    </>
  );
}
