/** Inclusive UTC dates, as both charts take them. */

export interface DateRange {
  startDate: string;
  endDate: string;
}

export function DateRangeFields(props: { range: DateRange; onChange: (range: DateRange) => void }) {
  const { range, onChange } = props;
  return (
    <div className="query-line">
      <label className="date-field">
        From
        <input type="date" data-testid="start-date" value={range.startDate} onChange={(event) => onChange({ ...range, startDate: event.target.value })} />
      </label>
      <label className="date-field">
        to
        <input type="date" data-testid="end-date" value={range.endDate} onChange={(event) => onChange({ ...range, endDate: event.target.value })} />
      </label>
      <span className="muted small">UTC</span>
    </div>
  );
}
