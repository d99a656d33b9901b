/** What to measure, in which buckets, over which dates. */

import type { Interval, MeasureKind } from "../api/segmentation-types";
import { DateRangeFields } from "./date-range-fields";
import { PropertyPicker } from "./property-picker";
import type { QueryDraft } from "./query-draft";
import { isPropertyMeasure } from "./query-draft";
import { INTERVALS, MEASURE_KINDS } from "./query-url";

const MEASURE_LABELS: Record<MeasureKind, string> = {
  uniques: "Uniques",
  totals: "Event totals",
  active_percent: "% active",
  average: "Average per user",
  frequency: "Frequency",
  property_sum: "Property sum",
  property_average: "Property average",
  property_distinct_count: "Distinct property values",
  formula: "Formula",
};

const INTERVAL_LABELS: Record<Interval, string> = { hour: "Hourly", day: "Daily", week: "Weekly", month: "Monthly" };

export function MeasureControls(props: { draft: QueryDraft; onChange: (draft: QueryDraft) => void }) {
  const { draft, onChange } = props;
  return (
    <section className="query-panel" aria-label="Measured as">
      <h2>Measured as</h2>
      <div className="query-line">
        <select aria-label="Measure" data-testid="measure" value={draft.measure} onChange={(event) => onChange({ ...draft, measure: event.target.value as MeasureKind })}>
          {MEASURE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {MEASURE_LABELS[kind]}
            </option>
          ))}
        </select>
        {isPropertyMeasure(draft.measure) && (
          <PropertyPicker
            property={draft.measureProperty}
            onChange={(measureProperty) => onChange({ ...draft, measureProperty })}
            testIdPrefix="measure-property"
            label="Measured property"
          />
        )}
        {draft.measure === "formula" && (
          <input
            type="text"
            className="formula-input"
            aria-label="Formula"
            data-testid="formula"
            placeholder="UNIQUES(A) / UNIQUES(B) * 100"
            value={draft.formula}
            onChange={(event) => onChange({ ...draft, formula: event.target.value })}
          />
        )}
      </div>
      <div className="query-line">
        <IntervalSelect interval={draft.interval} onChange={(interval) => onChange({ ...draft, interval })} />
      </div>
      <DateRangeFields range={draft} onChange={(range) => onChange({ ...draft, ...range })} />
    </section>
  );
}

/** Hourly, daily, weekly or monthly buckets (segmentation and User Sessions). */
export function IntervalSelect(props: { interval: Interval; onChange: (interval: Interval) => void }) {
  return (
    <select aria-label="Interval" data-testid="interval" value={props.interval} onChange={(event) => props.onChange(event.target.value as Interval)}>
      {INTERVALS.map((interval) => (
        <option key={interval} value={interval}>
          {INTERVAL_LABELS[interval]}
        </option>
      ))}
    </select>
  );
}
