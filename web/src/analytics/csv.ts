/** CSV (RFC 4180: CRLF lines, fields with commas, quotes or line breaks quoted) of the chart's table. */

import type { SegmentationResult } from "../api/segmentation-types";
import { bucketKeys, groupText, isFrequency, measureLines } from "./table-model";

export type CsvCell = string | number | null;

/**
 * One field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, unless it is a plain number: event labels and groups come from tracked sites.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || (typeof cell === "number" && !Number.isFinite(cell))) {
    return "";
  }
  let text = String(cell);
  if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text) && !Number.isFinite(Number(text))) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * `series,label,group,<bucket keys…>,total`, one line per row; for the frequency measure
 * `series,label,group,times,users`, one line per bar.
 */
export function segmentationCsv(result: SegmentationResult): string {
  if (isFrequency(result)) {
    const rows: CsvCell[][] = [["series", "label", "group", "times", "users"]];
    for (const entry of result.frequency) {
      const group = groupText(entry.group ?? []);
      rows.push(...entry.histogram.map((bar) => [entry.series, entry.label, group, bar.times, bar.users]));
    }
    return toCsv(rows);
  }
  const header: CsvCell[] = ["series", "label", "group", ...bucketKeys(result), "total"];
  return toCsv([header, ...measureLines(result).map((line) => [line.series, line.label, line.group, ...line.values, line.total])]);
}

export type ChartName = "segmentation" | "funnel" | "sessions" | "journeys";

/** "segmentation-2026-10-29-to-2026-11-27.csv" ("funnel-…" with that chart). */
export function csvFileName(startDate: string, endDate: string, chart: ChartName = "segmentation"): string {
  return `${chart}-${startDate}-to-${endDate}.csv`;
}
