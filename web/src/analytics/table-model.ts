/** The answer flattened into lines, shared by the table, the chart and the CSV. */

import type { GroupValue, Interval, SegmentationResult } from "../api/segmentation-types";
import { bucketKey } from "./buckets";

export interface MeasureLine {
  series: string;
  label: string;
  /** The group values joined by " / ", "" without group-by. */
  group: string;
  values: (number | null)[];
  total: number | null;
}

export interface FrequencyTable {
  /** 1 … the most "times" of any histogram (or, past 60, only those that occur), ascending. */
  times: number[];
  /** Users per entry of `times` (0 where a histogram has none). */
  lines: (Omit<MeasureLine, "values" | "total"> & { users: number[] })[];
}

export function groupText(group: readonly GroupValue[]): string {
  return group.map((value) => (value === null ? "(none)" : String(value))).join(" / ");
}

/** "A: [Amplitude] Page Viewed · Chrome" */
export function lineName(line: { series: string; label: string; group: string }): string {
  const head = line.series === "formula" ? line.label : `${line.series}: ${line.label}`;
  return line.group === "" ? head : `${head} · ${line.group}`;
}

export function isFrequency(result: SegmentationResult): boolean {
  return result.rows.length === 0 && result.frequency.length > 0;
}

export function bucketKeys(result: { buckets_ms: readonly number[]; interval: Interval }): string[] {
  return result.buckets_ms.map((bucketMs) => bucketKey(bucketMs, result.interval));
}

export function measureLines(result: SegmentationResult): MeasureLine[] {
  return result.rows.map((row) => ({
    series: row.series,
    label: row.label,
    group: groupText(row.group ?? []),
    values: result.buckets_ms.map((_, index) => row.values[index] ?? null),
    total: row.total ?? null,
  }));
}

const MAX_CONTIGUOUS_TIMES = 60;

export function frequencyTable(result: SegmentationResult): FrequencyTable {
  const present = [...new Set(result.frequency.flatMap((entry) => entry.histogram.map((bar) => bar.times)))].sort((a, b) => a - b);
  const most = present.at(-1) ?? 0;
  // 1, 2, 3, … without holes while that stays readable; otherwise only the counts that occur.
  const times = most <= MAX_CONTIGUOUS_TIMES && present.every((count) => Number.isInteger(count) && count >= 1) ? Array.from({ length: most }, (_, index) => index + 1) : present;
  const lines = result.frequency.map((entry) => {
    const usersByTimes = new Map(entry.histogram.map((bar) => [bar.times, bar.users]));
    return { series: entry.series, label: entry.label, group: groupText(entry.group ?? []), users: times.map((count) => usersByTimes.get(count) ?? 0) };
  });
  return { times, lines };
}

const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** Up to two decimals; "—" where the measure has no value. */
export function formatMeasure(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "—" : NUMBER_FORMAT.format(value);
}
