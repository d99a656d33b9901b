/**
 * "Play Session" for an event: the replay page at the event's moment. `t` counts from the
 * recording's start, which only the replay's own session record knows (`GET /api/v1/sessions/{id}`).
 */

import { fetchSessionDetail } from "../api/client";
import { replayMomentPath } from "../player/replay-link";

export async function replayPathForEvent(replaySessionId: string, eventTimeMs: number, signal?: AbortSignal): Promise<string> {
  const detail = await fetchSessionDetail(replaySessionId, signal);
  return replayMomentPath(replaySessionId, eventTimeMs - detail.session.start_time_ms);
}
