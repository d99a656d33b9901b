/**
 * Turns a session's analytics events (`GET /api/v1/sessions/{id}/events`, Amplitude event types)
 * into event-stream items. The server's `display_name` is the title when it has one.
 */

import type { SessionAnalyticsEvent } from "../api/types";
import { isRecord, stringOrNull } from "./rrweb-event-types";
import type { StreamItem, StreamItemKind } from "./stream-item";

/** Bookkeeping events that say nothing about what the person did. */
const IGNORED_EVENT_TYPES = new Set([
  "session_start",
  "session_end",
  "$identify",
  "$groupidentify",
  "[Amplitude] Viewport Content Updated",
  "[Amplitude] Web Vitals",
  "[Amplitude] Replay Captured",
]);

const KIND_BY_EVENT_TYPE: Record<string, StreamItemKind> = {
  "[Amplitude] Page Viewed": "page",
  "[Amplitude] Element Clicked": "click",
  "[Amplitude] Element Changed": "click",
  "[Amplitude] Form Started": "click",
  "[Amplitude] Form Submitted": "click",
  "[Amplitude] File Downloaded": "click",
  "[Amplitude] Rage Click": "frustration",
  "[Amplitude] Dead Click": "frustration",
  "[Amplitude] Error Click": "frustration",
  "[Amplitude] Thrashed Cursor": "frustration",
  "[Amplitude] Network Request": "network",
  "[Reel] Runtime Error": "error",
};

const FRUSTRATION_KIND_BY_EVENT_TYPE: Record<string, string> = {
  "[Amplitude] Rage Click": "rage_click",
  "[Amplitude] Dead Click": "dead_click",
  "[Amplitude] Error Click": "error_click",
  "[Amplitude] Thrashed Cursor": "thrashed_cursor",
};

const CUSTOM_DETAIL_CHARS_MAX = 300;

function property(event: SessionAnalyticsEvent, name: string): string | null {
  const properties = isRecord(event.event_properties) ? event.event_properties : {};
  const value = properties[name];
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return stringOrNull(value);
}

/** A title for events the server gave no display name. */
function fallbackTitle(event: SessionAnalyticsEvent, kind: StreamItemKind): string {
  switch (kind) {
    case "page":
      return `Viewed ${property(event, "[Amplitude] Page Title") ?? property(event, "[Amplitude] Page Path") ?? "a page"}`;
    case "click": {
      const text = property(event, "[Amplitude] Element Text");
      const action = event.event_type.replace("[Amplitude] ", "");
      return text === null ? action : `${action}: '${text}'`;
    }
    case "network":
      return `${property(event, "[Amplitude] Request Method") ?? "GET"} ${property(event, "[Amplitude] URL") ?? ""} → ${property(event, "[Amplitude] Status Code") ?? "?"}`;
    case "error":
      return property(event, "Message") ?? "Runtime error";
    default:
      return event.event_type.replace("[Amplitude] ", "");
  }
}

function detailOf(event: SessionAnalyticsEvent, kind: StreamItemKind): string | null {
  if (kind === "page") {
    return property(event, "[Amplitude] Page Location") ?? property(event, "[Amplitude] Page URL");
  }
  if (kind === "error") {
    return property(event, "Stack");
  }
  if (kind !== "custom") {
    return null;
  }
  // a custom event's own properties, without the ones every event carries
  const properties = isRecord(event.event_properties) ? event.event_properties : {};
  const own = Object.fromEntries(Object.entries(properties).filter(([name]) => !name.startsWith("[Amplitude]")));
  return Object.keys(own).length === 0 ? null : JSON.stringify(own).slice(0, CUSTOM_DETAIL_CHARS_MAX);
}

/** The page URL an analytics page view reports (for the current-URL bar), if any. */
export function analyticsPageLocation(event: SessionAnalyticsEvent): string | null {
  return event.event_type === "[Amplitude] Page Viewed" ? (property(event, "[Amplitude] Page Location") ?? property(event, "[Amplitude] Page URL")) : null;
}

export function analyticsStreamItems(events: SessionAnalyticsEvent[]): StreamItem[] {
  const items: StreamItem[] = [];
  events.forEach((event, index) => {
    if (IGNORED_EVENT_TYPES.has(event.event_type) || typeof event.time !== "number") {
      return;
    }
    const kind = KIND_BY_EVENT_TYPE[event.event_type] ?? "custom";
    const displayName = stringOrNull(event.display_name);
    items.push({
      key: `analytics-${event.insert_id ?? index}`,
      kind,
      timeMs: event.time,
      title: displayName !== null && displayName !== "" ? displayName : fallbackTitle(event, kind),
      detail: detailOf(event, kind),
      frustrationKind: FRUSTRATION_KIND_BY_EVENT_TYPE[event.event_type] ?? null,
      origin: "analytics",
    });
  });
  return items;
}
