/** ECharts with only what the chart pages draw (keeps the bundle small). */

import { BarChart, LineChart, SankeyChart } from "echarts/charts";
import type { BarSeriesOption, LineSeriesOption, SankeySeriesOption } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import * as echarts from "echarts/core";
import type { ComposeOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, SankeyChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<LineSeriesOption | BarSeriesOption | SankeySeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

export type ChartInstance = ReturnType<typeof echarts.init>;

export { echarts };
