/** Home: the 100 most recent sessions of the past 7 days, each playable in a modal player. */

import { useMemo, useState } from "react";
import type { ReplaySearchRequest, SearchedSession } from "../api/replay-search-types";
import { formatDateTime, formatDuration } from "../format";
import { Link } from "../navigation";
import { CountryCode } from "../replay-search/country-code";
import { lastDaysRange } from "../replay-search/date-presets";
import { useReplaySearch } from "../replay-search/use-replay-search";
import { ReplayModal } from "./replay-modal";

export const RECENT_SESSIONS_MAX = 100;
const RECENT_DAYS = 7;

export function recentSessionsRequest(nowMs: number = Date.now()): ReplaySearchRequest {
  const range = lastDaysRange(RECENT_DAYS, nowMs);
  return { start_date: range.startDate, end_date: range.endDate, filters: [], sort: "start_time", direction: "desc", limit: RECENT_SESSIONS_MAX, offset: 0 };
}

function RecentSessionRow(props: { session: SearchedSession; onPlay: () => void }) {
  const { session } = props;
  return (
    <tr data-testid="recent-session-row" data-session-id={session.id}>
      <td>{formatDateTime(session.start_time_ms)}</td>
      <td className="truncate" title={session.user_id ?? session.device_id}>
        {session.user_id ?? <span className="muted">{session.device_id}</span>}
      </td>
      <td className="numeric">{formatDuration(session.duration_ms)}</td>
      <td>
        <CountryCode code={session.country ?? null} />
      </td>
      <td className="play-cell">
        <button type="button" className="recent-play-button" data-testid="play-recent-session" aria-label={`Play the session of ${session.user_id ?? session.device_id}`} onClick={props.onPlay}>
          ▶ Play
        </button>
      </td>
    </tr>
  );
}

export function RecentSessionsWidget() {
  const [refreshCount, setRefreshCount] = useState(0);
  const request = useMemo(() => recentSessionsRequest(), [refreshCount]);
  const result = useReplaySearch(request, `${JSON.stringify(request)}#${refreshCount}`);
  const [playing, setPlaying] = useState<SearchedSession | null>(null);
  const sessions = result.answer?.sessions ?? [];

  return (
    <section className="side-panel recent-sessions" data-testid="recent-sessions" data-state={result.loading ? "loading" : result.problem !== null ? "failed" : "loaded"}>
      <div className="recent-sessions-heading">
        <div>
          <h2>Recent sessions</h2>
          <div className="muted small">The {RECENT_SESSIONS_MAX} newest of the past {RECENT_DAYS} days</div>
        </div>
        <div className="heading-actions">
          <button type="button" className="button-quiet" data-testid="refresh-recent-sessions" onClick={() => setRefreshCount((count) => count + 1)}>
            Refresh
          </button>
          <Link href="/replays?range=last_7_days" className="button-secondary view-all-link">
            View all
          </Link>
        </div>
      </div>
      {result.problem !== null && <p className="error-text">Could not load sessions: {result.problem}</p>}
      {result.answer === null && result.loading && <p className="muted">Loading sessions…</p>}
      {result.answer !== null && sessions.length === 0 && (
        <p className="muted" data-testid="no-recent-sessions">
          No sessions in the past {RECENT_DAYS} days. Add the SDK to your site, or click around the demo shop.
        </p>
      )}
      {sessions.length > 0 && (
        <div className="recent-sessions-scroller">
          <table className="session-table recent-sessions-table">
            <thead>
              <tr>
                <th>Start time</th>
                <th>User</th>
                <th className="numeric">Length</th>
                <th>Country</th>
                <th aria-label="Play" />
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <RecentSessionRow key={session.id} session={session} onPlay={() => setPlaying(session)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {playing !== null && (
        <ReplayModal
          sessionId={playing.id}
          title={`${playing.user_id ?? playing.device_id} · ${formatDateTime(playing.start_time_ms)}`}
          onClose={() => setPlaying(null)}
        />
      )}
    </section>
  );
}
