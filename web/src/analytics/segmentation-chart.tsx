/** The ECharts canvas: a line per row (bars for frequency); a click picks the nearest point. */

import type { ReactNode } from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { SegmentationResult } from "../api/segmentation-types";
import type { SelectedPoint } from "./chart-model";
import { chartModel, chartOption, nearestLine } from "./chart-model";
import { echarts } from "./echarts-setup";

interface Anchor {
  x: number;
  y: number;
}

export function SegmentationChart(props: { result: SegmentationResult; onSelectPoint: (point: SelectedPoint) => void; pointMenu?: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const model = useMemo(() => chartModel(props.result), [props.result]);
  const modelRef = useRef(model);
  const onSelectPointRef = useRef(props.onSelectPoint);
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useEffect(() => {
    modelRef.current = model;
    onSelectPointRef.current = props.onSelectPoint;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) {
      return;
    }
    const chart = echarts.init(container);
    chartRef.current = chart;
    const select = (point: SelectedPoint, at: Anchor) => {
      // Keep the menu (about 240 px wide) inside the chart.
      setAnchor({ x: Math.max(0, Math.min(at.x, container.clientWidth - 240)), y: at.y + 8 });
      onSelectPointRef.current(point);
    };
    // Symbols and bars.
    chart.on("click", (params) => {
      if (params.componentType === "series" && typeof params.seriesIndex === "number" && params.dataIndex >= 0) {
        select({ rowIndex: params.seriesIndex, bucketIndex: params.dataIndex }, { x: params.event?.offsetX ?? 0, y: params.event?.offsetY ?? 0 });
      }
    });
    // Anywhere else in the plot of a line chart: the nearest line at the nearest bucket.
    chart.getZr().on("click", (event) => {
      const current = modelRef.current;
      const pixel = [event.offsetX, event.offsetY];
      if (event.target != null || current.kind !== "line" || !chart.containPixel("grid", pixel)) {
        return;
      }
      const [category, value] = chart.convertFromPixel("grid", pixel) as number[];
      const bucketIndex = Math.min(Math.max(Math.round(category), 0), current.categories.length - 1);
      const rowIndex = nearestLine(current, bucketIndex, value);
      if (rowIndex !== null) {
        select({ rowIndex, bucketIndex }, { x: event.offsetX, y: event.offsetY });
      }
    });
    const resizeObserver = new ResizeObserver(() => chart.resize());
    resizeObserver.observe(container);
    return () => {
      resizeObserver.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(chartOption(model), { notMerge: true });
    setAnchor(null);
  }, [model]);

  const menuShown = anchor !== null && props.pointMenu !== undefined && props.pointMenu !== null;
  return (
    // While the menu is open, the hover tooltip (class chart-tooltip) is hidden by CSS: it would cover the menu.
    <div className="chart-frame" data-menu-open={menuShown}>
      <div ref={containerRef} className="chart-canvas" data-testid="segmentation-chart" data-kind={model.kind} data-line-count={model.lines.length} />
      {menuShown && (
        <div className="point-menu-anchor" style={{ left: anchor.x, top: anchor.y }}>
          {props.pointMenu}
        </div>
      )}
    </div>
  );
}
