/** The funnel answer as the table, the chart and the CSV read it. */

import type { FunnelResult, FunnelStepResult } from "../api/funnel-types";
import type { CsvCell } from "./csv";
import { toCsv } from "./csv";
import { formatMeasure, groupText } from "./table-model";

export interface FunnelLine {
  /** The group-by value ("" for all users). */
  group: string;
  /** What the legend and the table call it: "All users" or the value. */
  name: string;
  steps: FunnelStepResult[];
}

export const ALL_USERS = "All users";

export function funnelLines(result: FunnelResult): FunnelLine[] {
  return result.groups.map((entry) => {
    const group = groupText(entry.group);
    return { group, name: entry.group.length === 0 ? ALL_USERS : group, steps: entry.steps };
  });
}

/** "2. Add to Cart" */
export function stepLabel(index: number, eventType: string): string {
  return `${index + 1}. ${eventType}`;
}

/** "60%", "66.67%" */
export function formatPercent(value: number): string {
  return `${formatMeasure(value)}%`;
}

/** "1 user", "3 users" */
export function formatUsers(users: number): string {
  return `${formatMeasure(users)} ${users === 1 ? "user" : "users"}`;
}

/** The two largest units: "45s", "20m", "2m 30s", "1h 5m", "2d", "3d 4h"; "—" when nobody converted. */
export function formatConvertTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) {
    return "—";
  }
  const seconds = Math.max(0, Math.round(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(seconds / 86_400), "d"],
    [Math.floor(seconds / 3_600) % 24, "h"],
    [Math.floor(seconds / 60) % 60, "m"],
    [seconds % 60, "s"],
  ];
  const first = parts.findIndex(([amount]) => amount > 0);
  if (first === -1) {
    return "0s";
  }
  return parts
    .slice(first, first + 2)
    .filter(([amount], index) => index === 0 || amount > 0)
    .map(([amount, unit]) => `${amount}${unit}`)
    .join(" ");
}

export const FUNNEL_CSV_HEADER = ["group", "step", "event_type", "users", "percent_of_first", "percent_of_previous", "dropped_off", "median_time_to_convert_ms"];

/** The header, then a line per group and step (steps numbered from 1; group "" for all users). */
export function funnelCsvRows(result: FunnelResult): CsvCell[][] {
  const rows: CsvCell[][] = [FUNNEL_CSV_HEADER];
  for (const line of funnelLines(result)) {
    line.steps.forEach((step, index) => {
      rows.push([line.group, index + 1, step.event_type, step.users, step.percent_of_first, step.percent_of_previous, step.dropped_off, step.median_time_to_convert_ms]);
    });
  }
  return rows;
}

export function funnelCsv(result: FunnelResult): string {
  return toCsv(funnelCsvRows(result));
}
