/**
 * Markers on the timeline for errors, rage clicks, dead clicks (and other frustration signals) and
 * page navigations, taken from the event stream so that both always agree.
 */

import type { StreamItem } from "./stream-item";

export type TimelineMarkerKind = "error" | "rage-click" | "dead-click" | "frustration" | "navigation";

export interface TimelineMarker {
  key: string;
  kind: TimelineMarkerKind;
  timeMs: number;
  label: string;
  detail: string | null;
}

/** A bound on drawn markers; past it, markers closer than one pixel-ish would only pile up anyway. */
export const TIMELINE_MARKERS_MAX = 600;

export const TIMELINE_MARKER_LABELS: Record<TimelineMarkerKind, string> = {
  error: "Error",
  "rage-click": "Rage click",
  "dead-click": "Dead click",
  frustration: "Frustration",
  navigation: "Page view",
};

function markerKind(item: StreamItem): TimelineMarkerKind | null {
  switch (item.kind) {
    case "error":
      return "error";
    case "page":
      return "navigation";
    case "frustration":
      if (item.frustrationKind === "rage_click") return "rage-click";
      if (item.frustrationKind === "dead_click") return "dead-click";
      return "frustration";
    default:
      return null;
  }
}

/** Errors and frustration first: when there are too many markers, navigations are dropped first. */
const KIND_PRIORITY: Record<TimelineMarkerKind, number> = { error: 0, "rage-click": 0, "dead-click": 0, frustration: 1, navigation: 2 };

export function timelineMarkers(items: StreamItem[]): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const item of items) {
    const kind = markerKind(item);
    if (kind !== null) {
      const kindLabel = TIMELINE_MARKER_LABELS[kind];
      const label = item.title.toLowerCase().startsWith(kindLabel.toLowerCase()) ? item.title : `${kindLabel}: ${item.title}`;
      markers.push({ key: item.key, kind, timeMs: item.timeMs, label, detail: item.detail });
    }
  }
  if (markers.length <= TIMELINE_MARKERS_MAX) {
    return markers;
  }
  const kept = [...markers].sort((left, right) => KIND_PRIORITY[left.kind] - KIND_PRIORITY[right.kind]).slice(0, TIMELINE_MARKERS_MAX);
  return kept.sort((left, right) => left.timeMs - right.timeMs);
}
