/** The numbers under the chart: rows × buckets plus the total, or users per "times" for frequency. */

import type { SegmentationResult } from "../api/segmentation-types";
import { bucketLabel } from "./buckets";
import { bucketKeys, formatMeasure, frequencyTable, isFrequency, measureLines } from "./table-model";

function LineHeadings(props: { series: string; label: string; group: string }) {
  return (
    <>
      <th scope="row" className="sticky-column">
        <span className="series-letter series-letter-small">{props.series === "formula" ? "ƒ" : props.series}</span> {props.label}
      </th>
      <td data-testid="group-cell">{props.group === "" ? <span className="muted">—</span> : props.group}</td>
    </>
  );
}

function MeasureTable(props: { result: SegmentationResult }) {
  const { result } = props;
  const keys = bucketKeys(result);
  return (
    <table className="session-table data-table" data-testid="segmentation-table" data-kind="measure">
      <thead>
        <tr>
          <th className="sticky-column">Event</th>
          <th>Group</th>
          {result.buckets_ms.map((bucketMs, index) => (
            <th key={keys[index]} className="numeric" data-bucket={keys[index]} title={keys[index]}>
              {bucketLabel(bucketMs, result.interval)}
            </th>
          ))}
          <th className="numeric total-cell">Total</th>
        </tr>
      </thead>
      <tbody>
        {measureLines(result).map((line, rowIndex) => (
          <tr key={rowIndex} data-testid="segmentation-row" data-series={line.series} data-label={line.label} data-group={line.group}>
            <LineHeadings {...line} />
            {line.values.map((value, index) => (
              <td key={keys[index]} className="numeric" data-testid="bucket-cell" data-bucket={keys[index]}>
                {formatMeasure(value)}
              </td>
            ))}
            <td className="numeric total-cell" data-testid="total-cell">
              {formatMeasure(line.total)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FrequencyTableView(props: { result: SegmentationResult }) {
  const table = frequencyTable(props.result);
  return (
    <table className="session-table data-table" data-testid="segmentation-table" data-kind="frequency">
      <thead>
        <tr>
          <th className="sticky-column">Event</th>
          <th>Group</th>
          {table.times.map((times) => (
            <th key={times} className="numeric" data-times={times}>
              {times === 1 ? "1 time" : `${times} times`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.lines.map((line, rowIndex) => (
          <tr key={rowIndex} data-testid="segmentation-row" data-series={line.series} data-label={line.label} data-group={line.group}>
            <LineHeadings {...line} />
            {line.users.map((users, index) => (
              <td key={table.times[index]} className="numeric" data-testid="times-cell" data-times={table.times[index]}>
                {users}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SegmentationTable(props: { result: SegmentationResult }) {
  const empty = props.result.rows.length === 0 && props.result.frequency.length === 0;
  return (
    <div className="table-frame">
      {empty ? (
        <p className="muted table-empty" data-testid="segmentation-empty">
          Nothing matched in this range.
        </p>
      ) : isFrequency(props.result) ? (
        <FrequencyTableView result={props.result} />
      ) : (
        <MeasureTable result={props.result} />
      )}
    </div>
  );
}
