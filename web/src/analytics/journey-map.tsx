/** The Journey Map: the paths' transitions as an ECharts sankey, a column per step. */

import { useMemo } from "react";
import type { JourneyLink } from "../api/journeys-types";
import { ChartCanvas } from "./chart-canvas";
import { PALETTE } from "./chart-model";
import type { ChartOption } from "./echarts-setup";
import { echarts } from "./echarts-setup";
import { journeyGraph } from "./journeys-model";

/** "2. [Amplitude] Page Viewed" → "[Amplitude] Page Viewed" */
function eventOfNode(name: string): string {
  return name.replace(/^\d+\. /, "");
}

export function journeyMapOption(links: readonly JourneyLink[]): ChartOption {
  const graph = journeyGraph(links);
  const colorOf = new Map([...new Set(graph.nodes.map((node) => node.eventType))].map((eventType, index) => [eventType, PALETTE[index % PALETTE.length]]));
  return {
    animation: false,
    tooltip: {
      trigger: "item",
      confine: true,
      className: "chart-tooltip",
      // HTML: event types come from tracked sites, so they are escaped.
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const data = item?.data as { source?: string; target?: string; value?: number } | undefined;
        if (item?.dataType === "edge" && data?.source !== undefined && data.target !== undefined) {
          return `${echarts.format.encodeHTML(data.source)} → ${echarts.format.encodeHTML(data.target)}: ${String(data.value ?? 0)} users`;
        }
        return `${echarts.format.encodeHTML(item?.name ?? "")}: ${String(item?.value ?? "")} users`;
      },
    },
    series: [
      {
        type: "sankey",
        left: 8,
        right: 160,
        top: 16,
        bottom: 16,
        nodeAlign: "left",
        nodeGap: 10,
        draggable: false,
        emphasis: { focus: "adjacency" },
        data: graph.nodes.map((node) => ({ name: node.name, depth: node.depth, itemStyle: { color: colorOf.get(node.eventType) } })),
        links: graph.links,
        lineStyle: { color: "gradient", opacity: 0.35 },
        label: { color: "#111827", fontSize: 12, width: 150, overflow: "truncate", formatter: (params) => eventOfNode(params.name) },
      },
    ],
  };
}

/** `onSelectLink` gets the index of a clicked link (an edge; nodes are keyed "step. event") in `links`. */
export function JourneyMap(props: { links: readonly JourneyLink[]; onSelectLink?: (linkIndex: number) => void }) {
  const { onSelectLink } = props;
  const option = useMemo(() => journeyMapOption(props.links), [props.links]);
  const steps = new Set(props.links.flatMap((link) => [link.step, link.step + 1])).size;
  return (
    <ChartCanvas
      option={option}
      onSelectPoint={(point) => {
        if (point.edge === true) {
          onSelectLink?.(point.bucketIndex);
        }
      }}
      canvasAttributes={{ "data-testid": "journey-map", "data-link-count": props.links.length, "data-step-count": steps }}
    />
  );
}
