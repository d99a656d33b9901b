/** One series (A, B, …): the event, its filters and up to two group-by properties. */

import type { PropertyRef } from "../api/segmentation-types";
import { FilterEditor } from "./filter-editor";
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

export function EventTypesDatalist() {
  return (
    <datalist id={EVENT_TYPES_LIST_ID}>
      {COMMON_EVENT_TYPES.map((eventType) => (
        <option key={eventType} value={eventType}>
          {eventType === "_active" ? "Any active event" : undefined}
        </option>
      ))}
    </datalist>
  );
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, position) => (position === index ? item : existing));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

export function SeriesEditor(props: { letter: string; series: SeriesDraft; onChange: (series: SeriesDraft) => void; onRemove: (() => void) | null }) {
  const { series, onChange } = props;
  const setGroupBy = (groupBy: PropertyRef[]) => onChange({ ...series, groupBy });
  return (
    <div className="series-card" data-testid="series-editor" data-series={props.letter}>
      <div className="query-line">
        <span className="series-letter">{props.letter}</span>
        <input
          type="text"
          className="event-type-input"
          aria-label={`Series ${props.letter} event`}
          data-testid="series-event-type"
          placeholder="Choose an event, e.g. [Amplitude] Page Viewed"
          list={EVENT_TYPES_LIST_ID}
          value={series.eventType}
          onChange={(event) => onChange({ ...series, eventType: event.target.value })}
        />
        {props.onRemove !== null && (
          <button type="button" className="button-quiet" aria-label={`Remove series ${props.letter}`} data-testid="remove-series" onClick={props.onRemove}>
            ×
          </button>
        )}
      </div>
      {series.filters.map((filter, index) => (
        <FilterEditor
          key={index}
          filter={filter}
          onChange={(changed) => onChange({ ...series, filters: replaceAt(series.filters, index, changed) })}
          onRemove={() => onChange({ ...series, filters: removeAt(series.filters, index) })}
        />
      ))}
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
