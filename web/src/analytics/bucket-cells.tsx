/** A table row's bucket columns and its total, shared by the segmentation and User Sessions tables. */

import type { Interval } from "../api/segmentation-types";
import { bucketLabel } from "./buckets";
import { bucketKeys } from "./table-model";

/** One heading per bucket (named by its UTC key), then "Total". */
export function BucketHeadings(props: { buckets_ms: readonly number[]; interval: Interval }) {
  const keys = bucketKeys(props);
  return (
    <>
      {props.buckets_ms.map((bucketMs, index) => (
        <th key={keys[index]} className="numeric" data-bucket={keys[index]} title={keys[index]}>
          {bucketLabel(bucketMs, props.interval)}
        </th>
      ))}
      <th className="numeric total-cell">Total</th>
    </>
  );
}

/** A cell per bucket key (`data-testid="bucket-cell"`), then the total (`total-cell`; a button with `onTotal`). */
export function BucketValueCells(props: {
  keys: readonly string[];
  values: readonly (number | null)[];
  total: number | null;
  format: (value: number | null) => string;
  onTotal?: () => void;
}) {
  return (
    <>
      {props.keys.map((key, index) => (
        <td key={key} className="numeric" data-testid="bucket-cell" data-bucket={key}>
          {props.format(props.values[index] ?? null)}
        </td>
      ))}
      <td className="numeric total-cell" data-testid="total-cell">
        {props.onTotal === undefined ? (
          props.format(props.total)
        ) : (
          <button type="button" className="total-users" data-testid="total-users" title="View User Streams over the whole range" onClick={props.onTotal}>
            {props.format(props.total)}
          </button>
        )}
      </td>
    </>
  );
}
