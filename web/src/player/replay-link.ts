/**
 * Links to a moment of a replay: `/replays/{id}?t=<seconds from the recording's start>`. Opening
 * one without a login goes through /login and comes back (RequireLogin keeps the query string).
 */

export function replayMomentPath(sessionId: string, offsetMs: number): string {
  const seconds = Math.max(0, Math.floor(offsetMs / 1_000));
  return `/replays/${encodeURIComponent(sessionId)}?t=${seconds}`;
}

export function replayMomentUrl(origin: string, sessionId: string, offsetMs: number): string {
  return `${origin}${replayMomentPath(sessionId, offsetMs)}`;
}

/** The `t` of a query string as milliseconds from the recording's start, or null without a usable one. */
export function startOffsetFromQuery(search: string): number | null {
  const value = new URLSearchParams(search).get("t");
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) {
    return null;
  }
  const seconds = Number(value);
  return Number.isFinite(seconds) ? Math.round(seconds * 1_000) : null;
}
