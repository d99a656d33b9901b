/** Where the event stream and the URL bar get their facts from, and how the panel says so. */

import { useMemo } from "react";
import type { SessionAnalyticsEvent } from "../api/types";
import { analyticsPageLocation } from "./analytics-stream-items";
import { lastIndexAtOrBefore } from "./event-stream";
import type { ReplayEngineSnapshot } from "./replay-engine";
import type { SessionAnalyticsEventsState } from "./use-session-analytics-events";
import type { RecordingSummaryState } from "./use-recording-summary";

export function streamSourceNote(analyticsStatus: SessionAnalyticsEventsState["status"], summaryStatus: RecordingSummaryState["status"]): string | null {
  const scanning = summaryStatus === "waiting" || summaryStatus === "scanning" ? " Still reading the recording…" : "";
  switch (analyticsStatus) {
    case "loaded":
      return `Analytics events of this session, with console errors and custom events from the recording.${scanning}`;
    case "unavailable":
      return `Derived from the recording: this server does not offer the session's analytics events.${scanning}`;
    case "failed":
      return `Derived from the recording: the session's analytics events could not be loaded.${scanning}`;
    default:
      return scanning === "" ? null : scanning.trim();
  }
}

/**
 * The URL at the playhead: the last page load in the recording (rrweb Meta event), or a later
 * analytics page view (single-page apps change URLs without a page load).
 */
export function useCurrentPageUrl(analyticsEvents: SessionAnalyticsEvent[] | null, state: ReplayEngineSnapshot): string | null {
  const pageViews = useMemo(() => {
    const views: { timeMs: number; href: string }[] = [];
    for (const event of analyticsEvents ?? []) {
      const href = analyticsPageLocation(event);
      if (href !== null && typeof event.time === "number") {
        views.push({ timeMs: event.time, href });
      }
    }
    return views.sort((left, right) => left.timeMs - right.timeMs);
  }, [analyticsEvents]);
  const index = lastIndexAtOrBefore(pageViews, state.currentMs);
  if (index !== -1 && (state.currentUrlSinceMs === null || pageViews[index].timeMs > state.currentUrlSinceMs)) {
    return pageViews[index].href;
  }
  return state.currentUrl;
}
