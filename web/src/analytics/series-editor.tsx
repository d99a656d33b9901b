/** One series (A, B, …): the event, its filters and up to two group-by properties. */

import type { PropertyRef } from "../api/segmentation-types";
import { FilterRows } from "./filter-editor";
import { removeAt, replaceAt } from "./list-edit";
import { PropertyPicker } from "./property-picker";
import type { SeriesDraft } from "./query-draft";
import { MAX_GROUP_BY, emptyFilter } from "./query-draft";

export const COMMON_EVENT_TYPES = [
  "_active",
  "[Amplitude] Page Viewed",
  "[Amplitude] Element Clicked",
  "[Amplitude] Replay Captured",
  "[Amplitude] Rage Click",
  "[Amplitude] Dead Click",
  "[Amplitude] Error Click",
  "[Reel] Runtime Error",
] as const;

export const EVENT_TYPES_LIST_ID = "segmentation-event-types";

/** Render once per page. `_active` (any event) only where the chart understands it: segmentation, not funnels. */
export function EventTypesDatalist(props: { withActive?: boolean }) {
  const eventTypes = props.withActive === false ? COMMON_EVENT_TYPES.filter((eventType) => eventType !== "_active") : COMMON_EVENT_TYPES;
  return (
    <datalist id={EVENT_TYPES_LIST_ID}>
      {eventTypes.map((eventType) => (
        <option key={eventType} value={eventType}>
          {eventType === "_active" ? "Any active event" : undefined}
        </option>
      ))}
    </datalist>
  );
}

/** The event of a series or a funnel step, with the common event types offered. */
export function EventTypeInput(props: { value: string; onChange: (value: string) => void; label: string; testId: string }) {
  return (
    <input
      type="text"
      className="event-type-input"
      aria-label={props.label}
      data-testid={props.testId}
      placeholder="Choose an event, e.g. [Amplitude] Page Viewed"
      list={EVENT_TYPES_LIST_ID}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

export function SeriesEditor(props: { letter: string; series: SeriesDraft; onChange: (series: SeriesDraft) => void; onRemove: (() => void) | null }) {
  const { series, onChange } = props;
  const setGroupBy = (groupBy: PropertyRef[]) => onChange({ ...series, groupBy });
  return (
    <div className="series-card" data-testid="series-editor" data-series={props.letter}>
      <div className="query-line">
        <span className="series-letter">{props.letter}</span>
        <EventTypeInput
          value={series.eventType}
          onChange={(eventType) => onChange({ ...series, eventType })}
          label={`Series ${props.letter} event`}
          testId="series-event-type"
        />
        {props.onRemove !== null && (
          <button type="button" className="button-quiet" aria-label={`Remove series ${props.letter}`} data-testid="remove-series" onClick={props.onRemove}>
            ×
          </button>
        )}
      </div>
      <FilterRows filters={series.filters} onChange={(filters) => onChange({ ...series, filters })} />
      {series.groupBy.map((property, index) => (
        <div className="query-line" key={index} data-testid="group-by-row">
          <span className="query-keyword">group by</span>
          <PropertyPicker property={property} onChange={(changed) => setGroupBy(replaceAt(series.groupBy, index, changed))} testIdPrefix="group-by" label="Group-by property" />
          <button type="button" className="button-quiet" aria-label="Remove group-by" data-testid="remove-group-by" onClick={() => setGroupBy(removeAt(series.groupBy, index))}>
            ×
          </button>
        </div>
      ))}
      <div className="series-actions">
        <button type="button" className="link-button" data-testid="add-filter" onClick={() => onChange({ ...series, filters: [...series.filters, emptyFilter()] })}>
          + Filter
        </button>
        {series.groupBy.length < MAX_GROUP_BY && (
          <button type="button" className="link-button" data-testid="add-group-by" onClick={() => setGroupBy([...series.groupBy, { scope: "event", name: "" }])}>
            + Group by
          </button>
        )}
      </div>
    </div>
  );
}
