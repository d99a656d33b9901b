/** What the chart draws: a line per row over the buckets, or a bar per histogram for frequency. */

import type { SegmentationResult } from "../api/segmentation-types";
import { bucketLabel } from "./buckets";
import type { ChartOption } from "./echarts-setup";
import { formatMeasure, frequencyTable, isFrequency, lineName, measureLines } from "./table-model";

export interface ChartModel {
  kind: "line" | "bar";
  /** X axis: bucket labels, or "1 time", "2 times", … for frequency. */
  categories: string[];
  /** In the order of the answer's rows (or frequency entries): a line's index is its row index. */
  lines: { name: string; values: (number | null)[] }[];
}

/** Where a chart click lands: a row of the answer and a bucket (or a "times" column for frequency). */
export interface SelectedPoint {
  rowIndex: number;
  bucketIndex: number;
  /** A graph's link (a sankey edge, `bucketIndex` its index) rather than a node. */
  edge?: boolean;
}

export const PALETTE = ["#4f46e5", "#0891b2", "#ea580c", "#16a34a", "#db2777", "#ca8a04", "#7c3aed", "#0d9488", "#dc2626", "#2563eb"];

export function chartModel(result: SegmentationResult): ChartModel {
  if (isFrequency(result)) {
    const table = frequencyTable(result);
    return {
      kind: "bar",
      categories: table.times.map((times) => (times === 1 ? "1 time" : `${times} times`)),
      lines: table.lines.map((line) => ({ name: lineName(line), values: line.users })),
    };
  }
  return {
    kind: "line",
    categories: result.buckets_ms.map((bucketMs) => bucketLabel(bucketMs, result.interval)),
    lines: measureLines(result).map((line) => ({ name: lineName(line), values: line.values })),
  };
}

/** Counts (uniques, totals, users) get whole-number ticks only. */
function allWholeNumbers(model: ChartModel): boolean {
  return model.lines.every((line) => line.values.every((value) => value === null || Number.isInteger(value)));
}

export function chartOption(model: ChartModel): ChartOption {
  return {
    color: PALETTE,
    animation: false,
    grid: { left: 12, right: 24, top: 16, bottom: 48, containLabel: true },
    tooltip: { trigger: "axis", confine: true, className: "chart-tooltip", valueFormatter: (value) => formatMeasure(typeof value === "number" ? value : null) },
    legend: { type: "scroll", bottom: 0, icon: "roundRect", itemWidth: 12, itemHeight: 8 },
    xAxis: {
      type: "category",
      data: model.categories,
      boundaryGap: model.kind === "bar",
      axisTick: { alignWithLabel: true },
      axisLabel: { color: "#6b7280", hideOverlap: true },
      axisLine: { lineStyle: { color: "#d1d5db" } },
    },
    yAxis: { type: "value", minInterval: allWholeNumbers(model) ? 1 : 0, axisLabel: { color: "#6b7280" }, splitLine: { lineStyle: { color: "#eef0f4" } } },
    series: model.lines.map((line) =>
      model.kind === "bar"
        ? { type: "bar" as const, name: line.name, data: line.values, barMaxWidth: 32 }
        : { type: "line" as const, name: line.name, data: line.values, symbolSize: 6, connectNulls: false, emphasis: { focus: "series" as const } },
    ),
  };
}

/** The line nearest to `value` at a category: a click anywhere in the plot picks a point. */
export function nearestLine(model: ChartModel, categoryIndex: number, value: number): number | null {
  let best: number | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  model.lines.forEach((line, index) => {
    const lineValue = line.values[categoryIndex];
    if (lineValue === null || lineValue === undefined) {
      return;
    }
    const distance = Math.abs(lineValue - value);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
