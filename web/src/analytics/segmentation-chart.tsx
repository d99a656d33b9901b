/** The segmentation chart: a line per row (bars for frequency); a click anywhere in a line plot picks the nearest point. */

import type { ReactNode } from "react";
import { useCallback, useMemo } from "react";
import type { SegmentationResult } from "../api/segmentation-types";
import { ChartCanvas } from "./chart-canvas";
import type { SelectedPoint } from "./chart-model";
import { chartModel, chartOption, nearestLine } from "./chart-model";
import type { ChartInstance } from "./echarts-setup";

export function SegmentationChart(props: { result: SegmentationResult; onSelectPoint: (point: SelectedPoint) => void; pointMenu?: ReactNode }) {
  const model = useMemo(() => chartModel(props.result), [props.result]);
  const option = useMemo(() => chartOption(model), [model]);
  // The nearest line at the nearest bucket.
  const pointAt = useCallback(
    (chart: ChartInstance, pixel: [number, number]): SelectedPoint | null => {
      if (model.kind !== "line" || !chart.containPixel("grid", pixel)) {
        return null;
      }
      const [category, value] = chart.convertFromPixel("grid", pixel) as number[];
      const bucketIndex = Math.min(Math.max(Math.round(category), 0), model.categories.length - 1);
      const rowIndex = nearestLine(model, bucketIndex, value);
      return rowIndex === null ? null : { rowIndex, bucketIndex };
    },
    [model],
  );
  return (
    <ChartCanvas
      option={option}
      onSelectPoint={props.onSelectPoint}
      pointAt={pointAt}
      pointMenu={props.pointMenu}
      canvasAttributes={{ "data-testid": "segmentation-chart", "data-kind": model.kind, "data-line-count": model.lines.length }}
    />
  );
}
