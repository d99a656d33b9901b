/** The numbers under the chart: rows × buckets plus the total, or users per "times" for frequency. */

import type { SegmentationResult } from "../api/segmentation-types";
import { BucketHeadings, BucketValueCells } from "./bucket-cells";
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

/** For a row: what its total opens (the row's User Streams over the range), or undefined. */
export type TotalAction = (rowIndex: number) => (() => void) | undefined;

function MeasureTable(props: { result: SegmentationResult; totalAction?: TotalAction }) {
  const { result } = props;
  const keys = bucketKeys(result);
  return (
    <table className="session-table data-table" data-testid="segmentation-table" data-kind="measure">
      <thead>
        <tr>
          <th className="sticky-column">Event</th>
          <th>Group</th>
          <BucketHeadings buckets_ms={result.buckets_ms} interval={result.interval} />
        </tr>
      </thead>
      <tbody>
        {measureLines(result).map((line, rowIndex) => (
          <tr key={rowIndex} data-testid="segmentation-row" data-series={line.series} data-label={line.label} data-group={line.group}>
            <LineHeadings {...line} />
            <BucketValueCells keys={keys} values={line.values} total={line.total} format={formatMeasure} onTotal={props.totalAction?.(rowIndex)} />
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

export function SegmentationTable(props: { result: SegmentationResult; totalAction?: TotalAction }) {
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
        <MeasureTable result={props.result} totalAction={props.totalAction} />
      )}
    </div>
  );
}
