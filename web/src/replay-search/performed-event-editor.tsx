/** "Performed <event type> where …": an event type and its property filters, for the filter and for cohorts. */

import type { PerformedEvent } from "../api/replay-search-types";
import type { FilterDraft } from "../analytics/filter-draft";
import { emptyFilter, filtersToQuery } from "../analytics/filter-draft";
import { FilterRows } from "../analytics/filter-editor";

export interface PerformedEventDraft {
  eventType: string;
  filters: FilterDraft[];
}

export function emptyPerformedEvent(): PerformedEventDraft {
  return { eventType: "", filters: [] };
}

/** The request's event, or a sentence naming `owner` and what is missing. */
export function performedEventToRequest(draft: PerformedEventDraft, owner: string): PerformedEvent | string {
  const eventType = draft.eventType.trim();
  if (eventType === "") {
    return `${owner}: give the event type.`;
  }
  const filters = filtersToQuery(draft.filters, owner);
  return typeof filters === "string" ? filters : { event_type: eventType, filters };
}

export function PerformedEventEditor(props: { draft: PerformedEventDraft; onChange: (draft: PerformedEventDraft) => void; testIdPrefix: string }) {
  const { draft, onChange } = props;
  return (
    <div className="performed-event" data-testid={`${props.testIdPrefix}-event`}>
      <div className="query-line">
        <span className="query-keyword">performed</span>
        <input
          type="text"
          className="event-type-input"
          aria-label="Event type"
          data-testid={`${props.testIdPrefix}-event-type`}
          placeholder="Event type, e.g. Purchase"
          value={draft.eventType}
          onChange={(event) => onChange({ ...draft, eventType: event.target.value })}
        />
      </div>
      <FilterRows filters={draft.filters} onChange={(filters) => onChange({ ...draft, filters })} />
      <div className="series-actions">
        <button type="button" className="link-button" data-testid={`${props.testIdPrefix}-add-where`} onClick={() => onChange({ ...draft, filters: [...draft.filters, emptyFilter()] })}>
          + where
        </button>
      </div>
    </div>
  );
}
