/** Pure helpers for the player: viewport size, fitting it in the container, timeline markers. */

import type { RecordedEvent } from "../api/types";

const EVENT_TYPE_FULL_SNAPSHOT = 2;
const EVENT_TYPE_META = 4;
const EVENT_TYPE_CUSTOM = 5;

export interface ViewportSize {
  width: number;
  height: number;
}

export interface ViewportPlacement {
  scale: number;
  left: number;
  top: number;
}

/** Scales the recorded viewport to fit inside the container, centred. */
export function fitViewport(viewport: ViewportSize, container: ViewportSize): ViewportPlacement {
  if (viewport.width <= 0 || viewport.height <= 0 || container.width <= 0 || container.height <= 0) {
    return { scale: 1, left: 0, top: 0 };
  }
  const scale = Math.min(container.width / viewport.width, container.height / viewport.height);
  return {
    scale,
    left: (container.width - viewport.width * scale) / 2,
    top: (container.height - viewport.height * scale) / 2,
  };
}

/** The viewport size of the first page load in `events` (rrweb's Meta event), if any. */
export function firstViewportSize(events: RecordedEvent[]): ViewportSize | null {
  for (const event of events) {
    if (event.type === EVENT_TYPE_META) {
      const data = event.data as { width?: unknown; height?: unknown };
      if (typeof data.width === "number" && typeof data.height === "number") {
        return { width: data.width, height: data.height };
      }
    }
  }
  return null;
}

/** rrweb's Replayer needs at least two events, and a full snapshot to show anything. */
export function canStartReplay(events: RecordedEvent[]): boolean {
  return events.length >= 2 && events.some((event) => event.type === EVENT_TYPE_FULL_SNAPSHOT);
}

export interface ErrorMarker {
  timestampMs: number;
  message: string;
}

/** The `reel.error` custom events in `events`. */
export function findErrorMarkers(events: RecordedEvent[]): ErrorMarker[] {
  const markers: ErrorMarker[] = [];
  for (const event of events) {
    if (event.type !== EVENT_TYPE_CUSTOM) {
      continue;
    }
    const data = event.data as { tag?: unknown; payload?: { message?: unknown } } | null;
    if (data?.tag === "reel.error") {
      const message = typeof data.payload?.message === "string" ? data.payload.message : "error";
      markers.push({ timestampMs: event.timestamp, message });
    }
  }
  return markers;
}

/** The fraction 0..1 of a click at `clientX` along an element spanning `left`..`left + width`. */
export function fractionAlong(clientX: number, left: number, width: number): number {
  if (width <= 0) {
    return 0;
  }
  return Math.min(1, Math.max(0, (clientX - left) / width));
}
