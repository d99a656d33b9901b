/** Names for the chart's UTC buckets: a sortable key (table, CSV) and a short axis label. */

import type { Interval } from "../api/segmentation-types";

/** "2026-11-27 14:00" (hour), "2026-11-27" (day, and the Sunday a week starts on), "2026-11" (month). */
export function bucketKey(bucketMs: number, interval: Interval): string {
  const iso = new Date(bucketMs).toISOString();
  switch (interval) {
    case "hour":
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    case "day":
    case "week":
      return iso.slice(0, 10);
    case "month":
      return iso.slice(0, 7);
  }
}

const SHORT_DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const SHORT_MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "Nov 27, 14:00" (hour), "Nov 27" (day), "Week of Nov 22" (week), "Nov 2026" (month). */
export function bucketLabel(bucketMs: number, interval: Interval): string {
  switch (interval) {
    case "hour":
      return `${SHORT_DAY.format(bucketMs)}, ${new Date(bucketMs).toISOString().slice(11, 16)}`;
    case "day":
      return SHORT_DAY.format(bucketMs);
    case "week":
      return `Week of ${SHORT_DAY.format(bucketMs)}`;
    case "month":
      return SHORT_MONTH.format(bucketMs);
  }
}
