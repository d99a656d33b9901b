/** User Sessions' chart: a line over the buckets for the five measures, bars per length range for the distribution. */

import { useMemo } from "react";
import type { SessionsResult } from "../api/sessions-types";
import { bucketLabel } from "./buckets";
import { ChartCanvas } from "./chart-canvas";
import { PALETTE } from "./chart-model";
import type { ChartOption } from "./echarts-setup";
import { SESSIONS_MEASURE_LABELS, formatSessionsValue, isTimeMeasure } from "./sessions-model";

const MUTED = "#6b7280";

export function sessionsChartOption(result: SessionsResult): ChartOption {
  const distribution = result.measure === "length_distribution";
  const categories = distribution ? result.distribution.map((range) => range.label) : result.buckets_ms.map((bucketMs) => bucketLabel(bucketMs, result.interval));
  const data = distribution ? result.distribution.map((range) => range.sessions) : result.values;
  const format = (value: unknown) => formatSessionsValue(distribution ? "total_sessions" : result.measure, typeof value === "number" ? value : null);
  const name = distribution ? "Sessions" : SESSIONS_MEASURE_LABELS[result.measure];
  return {
    color: PALETTE,
    animation: false,
    grid: { left: 12, right: 24, top: 16, bottom: 48, containLabel: true },
    tooltip: { trigger: "axis", confine: true, className: "chart-tooltip", valueFormatter: format },
    legend: { bottom: 0, icon: "roundRect", itemWidth: 12, itemHeight: 8 },
    xAxis: {
      type: "category",
      data: categories,
      boundaryGap: distribution,
      axisTick: { alignWithLabel: true },
      axisLabel: { color: MUTED, hideOverlap: true },
      axisLine: { lineStyle: { color: "#d1d5db" } },
    },
    yAxis: {
      type: "value",
      minInterval: distribution || result.measure === "total_sessions" ? 1 : 0,
      axisLabel: { color: MUTED, formatter: (value: number) => (isTimeMeasure(result.measure) && !distribution ? format(value) : String(value)) },
      splitLine: { lineStyle: { color: "#eef0f4" } },
    },
    series: [
      distribution
        ? { type: "bar" as const, name, data, barMaxWidth: 48 }
        : { type: "line" as const, name, data, symbolSize: 6, connectNulls: false },
    ],
  };
}

export function SessionsChart(props: { result: SessionsResult }) {
  const option = useMemo(() => sessionsChartOption(props.result), [props.result]);
  return (
    <ChartCanvas
      option={option}
      canvasAttributes={{ "data-testid": "sessions-chart", "data-kind": props.result.measure === "length_distribution" ? "bar" : "line" }}
    />
  );
}
