/** The conversion chart: a bar per step as a percent of step 1, a series per group (all users first). */

import type { ReactNode } from "react";
import { useMemo } from "react";
import { ChartCanvas } from "./chart-canvas";
import type { SelectedPoint } from "./chart-model";
import { PALETTE } from "./chart-model";
import type { ChartOption } from "./echarts-setup";
import { echarts } from "./echarts-setup";
import type { FunnelLine } from "./funnel-model";
import { formatPercent, formatUsers, stepLabel } from "./funnel-model";

/** Past this many series the bars get too thin for labels; the tooltip still has the numbers. */
const MAX_LABELLED_SERIES = 4;
const MUTED = "#6b7280";

export function funnelChartOption(lines: readonly FunnelLine[]): ChartOption {
  const categories = (lines[0]?.steps ?? []).map((step, index) => stepLabel(index, step.event_type));
  const stepAt = (seriesIndex: number, dataIndex: number) => lines[seriesIndex]?.steps[dataIndex];
  const describe = (seriesIndex: number, dataIndex: number) => {
    const step = stepAt(seriesIndex, dataIndex);
    return step === undefined ? "" : `${formatUsers(step.users)} (${formatPercent(step.percent_of_first)})`;
  };
  return {
    color: PALETTE,
    animation: false,
    grid: { left: 12, right: 24, top: 44, bottom: 48, containLabel: true },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      confine: true,
      className: "chart-tooltip",
      // HTML: names and event types come from tracked sites, so they are escaped.
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const title = echarts.format.encodeHTML(categories[items[0]?.dataIndex ?? 0] ?? "");
        const rows = items.map((item) => `${item.marker as string} ${echarts.format.encodeHTML(item.seriesName ?? "")}: ${describe(item.seriesIndex ?? 0, item.dataIndex)}`);
        return [`<strong>${title}</strong>`, ...rows].join("<br/>");
      },
    },
    legend: { type: "scroll", bottom: 0, icon: "roundRect", itemWidth: 12, itemHeight: 8 },
    xAxis: {
      type: "category",
      data: categories,
      axisTick: { alignWithLabel: true },
      axisLabel: { color: MUTED, interval: 0, overflow: "truncate", width: 160 },
      axisLine: { lineStyle: { color: "#d1d5db" } },
    },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { color: MUTED, formatter: "{value}%" }, splitLine: { lineStyle: { color: "#eef0f4" } } },
    series: lines.map((line, seriesIndex) => ({
      type: "bar" as const,
      name: line.name,
      data: line.steps.map((step) => step.percent_of_first),
      barMaxWidth: 72,
      label: {
        show: lines.length <= MAX_LABELLED_SERIES,
        position: "top" as const,
        color: "#374151",
        fontSize: 12,
        lineHeight: 15,
        formatter: (params: { dataIndex: number }) => {
          const step = stepAt(seriesIndex, params.dataIndex);
          return step === undefined ? "" : `${formatUsers(step.users)}\n${formatPercent(step.percent_of_first)}`;
        },
      },
    })),
  };
}

/** `onSelectPoint` gets the group (rowIndex, in the answer's order) and the step (bucketIndex) of a clicked bar. */
export function FunnelChart(props: { lines: readonly FunnelLine[]; onSelectPoint: (point: SelectedPoint) => void; pointMenu?: ReactNode }) {
  const option = useMemo(() => funnelChartOption(props.lines), [props.lines]);
  return (
    <ChartCanvas
      option={option}
      onSelectPoint={props.onSelectPoint}
      pointMenu={props.pointMenu}
      canvasAttributes={{ "data-testid": "funnel-chart", "data-series-count": props.lines.length, "data-step-count": props.lines[0]?.steps.length ?? 0 }}
    />
  );
}
