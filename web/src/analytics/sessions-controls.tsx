/** User Sessions' form: the measure, the buckets and the dates. */

import type { SessionsMeasure } from "../api/sessions-types";
import { DateRangeFields } from "./date-range-fields";
import { IntervalSelect } from "./measure-controls";
import type { SessionsDraft } from "./sessions-model";
import { SESSIONS_MEASURES, SESSIONS_MEASURE_LABELS } from "./sessions-model";

export function SessionsControls(props: { draft: SessionsDraft; onChange: (draft: SessionsDraft) => void }) {
  const { draft, onChange } = props;
  return (
    <section className="query-panel" aria-label="Measured as">
      <h2>Measured as</h2>
      <div className="query-line">
        <select aria-label="Measure" data-testid="measure" value={draft.measure} onChange={(event) => onChange({ ...draft, measure: event.target.value as SessionsMeasure })}>
          {SESSIONS_MEASURES.map((measure) => (
            <option key={measure} value={measure}>
              {SESSIONS_MEASURE_LABELS[measure]}
            </option>
          ))}
        </select>
        {draft.measure !== "length_distribution" && <IntervalSelect interval={draft.interval} onChange={(interval) => onChange({ ...draft, interval })} />}
      </div>
      <DateRangeFields range={draft} onChange={(range) => onChange({ ...draft, ...range })} />
      <p className="muted small">A session is one user&apos;s events with one session id, from its first event to its last; it counts where it starts.</p>
    </section>
  );
}
