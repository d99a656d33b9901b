/** The numbers under the chart: a row per group and step (all users first). */

import type { FunnelLine } from "./funnel-model";
import { formatConvertTime, formatPercent, stepLabel } from "./funnel-model";
import { formatMeasure } from "./table-model";

export function FunnelTable(props: { lines: readonly FunnelLine[] }) {
  const { lines } = props;
  const nobody = (lines[0]?.steps[0]?.users ?? 0) === 0;
  return (
    <div className="table-frame">
      {nobody && (
        <p className="muted table-empty" data-testid="funnel-empty">
          Nobody did the first step in this range.
        </p>
      )}
      <table className="session-table data-table" data-testid="funnel-table">
        <thead>
          <tr>
            <th className="sticky-column">Group</th>
            <th>Step</th>
            <th className="numeric">Users</th>
            <th className="numeric">% of first</th>
            <th className="numeric">% of previous</th>
            <th className="numeric">Dropped off</th>
            <th className="numeric">Median time to convert</th>
          </tr>
        </thead>
        {lines.map((line, lineIndex) => (
          <tbody key={lineIndex} className="funnel-group">
            {line.steps.map((step, index) => (
              <tr key={index} data-testid="funnel-row" data-group={line.group} data-step={index + 1} data-event-type={step.event_type}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={line.steps.length} className="sticky-column funnel-group-name">
                    {line.name}
                  </th>
                )}
                <td>{stepLabel(index, step.event_type)}</td>
                <td className="numeric" data-testid="users-cell">
                  {formatMeasure(step.users)}
                </td>
                <td className="numeric" data-testid="percent-first-cell">
                  {formatPercent(step.percent_of_first)}
                </td>
                <td className="numeric" data-testid="percent-previous-cell">
                  {index === 0 ? <span className="muted">—</span> : formatPercent(step.percent_of_previous)}
                </td>
                <td className="numeric" data-testid="dropped-cell">
                  {index === 0 ? <span className="muted">—</span> : formatMeasure(step.dropped_off)}
                </td>
                <td className="numeric" data-testid="median-cell">
                  {index === 0 ? <span className="muted">—</span> : formatConvertTime(step.median_time_to_convert_ms)}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
