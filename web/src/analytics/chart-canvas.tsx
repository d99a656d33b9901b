/** An ECharts canvas that resizes with its frame; a click on a bar or symbol (or, with `pointAt`, anywhere in the plot) selects a point and anchors the point menu there. */

import type { ReactNode } from "react";
import { useEffect, useRef, useState } from "react";
import type { SelectedPoint } from "./chart-model";
import type { ChartInstance, ChartOption } from "./echarts-setup";
import { echarts } from "./echarts-setup";

interface Anchor {
  x: number;
  y: number;
}

export interface ChartCanvasProps {
  option: ChartOption;
  onSelectPoint?: (point: SelectedPoint) => void;
  /** For a click in the plot that hits no bar or symbol: the point there, or null. */
  pointAt?: (chart: ChartInstance, pixel: [number, number]) => SelectedPoint | null;
  pointMenu?: ReactNode;
  /** `data-testid` and other `data-*` attributes of the canvas element. */
  canvasAttributes: Record<`data-${string}`, string | number>;
}

export function ChartCanvas(props: ChartCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const handlersRef = useRef({ onSelectPoint: props.onSelectPoint, pointAt: props.pointAt });
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useEffect(() => {
    handlersRef.current = { onSelectPoint: props.onSelectPoint, pointAt: props.pointAt };
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
      handlersRef.current.onSelectPoint?.(point);
    };
    // Symbols and bars.
    chart.on("click", (params) => {
      if (params.componentType === "series" && typeof params.seriesIndex === "number" && params.dataIndex >= 0) {
        const point: SelectedPoint = { rowIndex: params.seriesIndex, bucketIndex: params.dataIndex };
        if (params.dataType === "edge") {
          point.edge = true;
        }
        select(point, { x: params.event?.offsetX ?? 0, y: params.event?.offsetY ?? 0 });
      }
    });
    // Anywhere else in the plot, when the chart knows what is there.
    chart.getZr().on("click", (event) => {
      const pointAt = handlersRef.current.pointAt;
      const point = event.target != null || pointAt === undefined ? null : pointAt(chart, [event.offsetX, event.offsetY]);
      if (point !== null) {
        select(point, { x: event.offsetX, y: event.offsetY });
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
    chartRef.current?.setOption(props.option, { notMerge: true });
    setAnchor(null);
  }, [props.option]);

  const menuShown = anchor !== null && props.pointMenu !== undefined && props.pointMenu !== null;
  return (
    // While the menu is open, the hover tooltip (class chart-tooltip) is hidden by CSS: it would cover the menu.
    <div className="chart-frame" data-menu-open={menuShown}>
      <div ref={containerRef} className="chart-canvas" {...props.canvasAttributes} />
      {menuShown && (
        <div className="point-menu-anchor" style={{ left: anchor.x, top: anchor.y }}>
          {props.pointMenu}
        </div>
      )}
    </div>
  );
}
