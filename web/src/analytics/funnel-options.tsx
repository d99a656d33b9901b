/** The funnel's group-by (one property of the first step's event), conversion window and dates. */

import { DateRangeFields } from "./date-range-fields";
import type { FunnelDraft, WindowUnit } from "./funnel-draft";
import { WINDOW_UNIT_MS } from "./funnel-draft";
import { PropertyPicker } from "./property-picker";

const UNIT_LABELS: Record<WindowUnit, string> = { minutes: "minutes", hours: "hours", days: "days" };

export function FunnelOptions(props: { draft: FunnelDraft; onChange: (draft: FunnelDraft) => void }) {
  const { draft, onChange } = props;
  return (
    <section className="query-panel funnel-options" aria-label="Options">
      <h2>Options</h2>
      {draft.groupBy === null ? (
        <div className="query-line">
          <button type="button" className="link-button" data-testid="add-group-by" onClick={() => onChange({ ...draft, groupBy: { scope: "event", name: "" } })}>
            + Group by
          </button>
          <span className="muted small">a property of step 1's event</span>
        </div>
      ) : (
        <div className="query-line" data-testid="group-by-row">
          <span className="query-keyword">group by</span>
          <PropertyPicker property={draft.groupBy} onChange={(groupBy) => onChange({ ...draft, groupBy })} testIdPrefix="group-by" label="Group-by property" />
          <button type="button" className="button-quiet" aria-label="Remove group-by" data-testid="remove-group-by" onClick={() => onChange({ ...draft, groupBy: null })}>
            ×
          </button>
        </div>
      )}
      <div className="query-line">
        <label className="date-field" htmlFor="conversion-window">
          Completed within
        </label>
        <input
          id="conversion-window"
          type="number"
          className="window-input"
          min="1"
          step="any"
          data-testid="window-value"
          value={draft.windowValue}
          onChange={(event) => onChange({ ...draft, windowValue: event.target.value })}
        />
        <select aria-label="Conversion window unit" data-testid="window-unit" value={draft.windowUnit} onChange={(event) => onChange({ ...draft, windowUnit: event.target.value as WindowUnit })}>
          {(Object.keys(WINDOW_UNIT_MS) as WindowUnit[]).map((unit) => (
            <option key={unit} value={unit}>
              {UNIT_LABELS[unit]}
            </option>
          ))}
        </select>
        <span className="muted small">of step 1</span>
      </div>
      <DateRangeFields range={draft} onChange={(range) => onChange({ ...draft, ...range })} />
      <p className="muted small funnel-note">Users enter with step 1 in these dates; later steps may fall after them.</p>
    </section>
  );
}
