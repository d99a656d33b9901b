/** The series of a chart (A, B, … up to ten). */

import type { SeriesDraft } from "./query-draft";
import { MAX_SERIES, emptySeries, seriesLetter } from "./query-draft";
import { removeAt, replaceAt } from "./list-edit";
import { EventTypesDatalist, SeriesEditor } from "./series-editor";

export function SeriesList(props: { series: SeriesDraft[]; onChange: (series: SeriesDraft[]) => void }) {
  const { series, onChange } = props;
  return (
    <section className="query-panel" aria-label="Events">
      <h2>Events</h2>
      <EventTypesDatalist />
      {series.map((item, index) => (
        <SeriesEditor
          key={index}
          letter={seriesLetter(index)}
          series={item}
          onChange={(changed) => onChange(replaceAt(series, index, changed))}
          onRemove={series.length > 1 ? () => onChange(removeAt(series, index)) : null}
        />
      ))}
      {series.length < MAX_SERIES && (
        <button type="button" className="button-secondary" data-testid="add-series" onClick={() => onChange([...series, emptySeries()])}>
          + Add event
        </button>
      )}
    </section>
  );
}
