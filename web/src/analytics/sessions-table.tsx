/** User Sessions' numbers: the measure per bucket plus the total, or sessions per length range. */

import type { SessionsResult } from "../api/sessions-types";
import { BucketHeadings, BucketValueCells } from "./bucket-cells";
import { SESSIONS_MEASURE_LABELS, formatSessionsValue } from "./sessions-model";
import { bucketKeys, formatMeasure } from "./table-model";

function DistributionTable(props: { result: SessionsResult }) {
  return (
    <table className="session-table data-table" data-testid="sessions-table" data-kind="distribution">
      <thead>
        <tr>
          <th className="sticky-column">Session length</th>
          <th className="numeric">Sessions</th>
        </tr>
      </thead>
      <tbody>
        {props.result.distribution.map((range) => (
          <tr key={range.label} data-testid="distribution-row" data-label={range.label}>
            <th scope="row" className="sticky-column">
              {range.label}
            </th>
            <td className="numeric" data-testid="sessions-cell">
              {formatMeasure(range.sessions)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ValuesTable(props: { result: SessionsResult }) {
  const { result } = props;
  return (
    <table className="session-table data-table" data-testid="sessions-table" data-kind="values">
      <thead>
        <tr>
          <th className="sticky-column">Measure</th>
          <BucketHeadings buckets_ms={result.buckets_ms} interval={result.interval} />
        </tr>
      </thead>
      <tbody>
        <tr data-testid="sessions-row">
          <th scope="row" className="sticky-column">
            {SESSIONS_MEASURE_LABELS[result.measure]}
          </th>
          <BucketValueCells keys={bucketKeys(result)} values={result.values} total={result.total} format={(value) => formatSessionsValue(result.measure, value)} />
        </tr>
      </tbody>
    </table>
  );
}

export function SessionsTable(props: { result: SessionsResult }) {
  return <div className="table-frame">{props.result.measure === "length_distribution" ? <DistributionTable result={props.result} /> : <ValuesTable result={props.result} />}</div>;
}
