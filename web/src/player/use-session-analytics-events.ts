/** The session's analytics events; null while loading, when the server lacks the endpoint, or on failure. */

import { useEffect, useState } from "react";
import { fetchSessionAnalyticsEvents } from "../api/client";
import type { SessionAnalyticsEvent } from "../api/types";

export interface SessionAnalyticsEventsState {
  events: SessionAnalyticsEvent[] | null;
  status: "loading" | "loaded" | "unavailable" | "failed";
}

export function useSessionAnalyticsEvents(sessionId: string): SessionAnalyticsEventsState {
  const [state, setState] = useState<SessionAnalyticsEventsState>({ events: null, status: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    fetchSessionAnalyticsEvents(sessionId, abort.signal)
      .then((events) => setState(events === null ? { events: null, status: "unavailable" } : { events, status: "loaded" }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          console.warn("reel: could not load the session's analytics events", error);
          setState({ events: null, status: "failed" });
        }
      });
    return () => abort.abort();
  }, [sessionId]);
  return state;
}
