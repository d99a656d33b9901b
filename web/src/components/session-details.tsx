/** Who, when and how much: the session's facts from the session API. */

import type { Session } from "../api/types";
import { formatDateTime, formatDuration, isWebUrl } from "../format";

export function SessionDetails(props: { session: Session }) {
  const { session } = props;
  return (
    <div className="session-details" data-testid="session-details">
      <dl className="detail-list">
        <dt>User</dt>
        <dd data-testid="session-user">{session.user_id ?? <span className="muted">anonymous</span>}</dd>
        <dt>Device</dt>
        <dd className="mono small">{session.device_id}</dd>
        <dt>Started</dt>
        <dd data-testid="session-start">{formatDateTime(session.start_time_ms)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(session.duration_ms)}</dd>
        <dt>First URL</dt>
        <dd className="break-all" data-testid="session-url">
          {isWebUrl(session.first_url) ? (
            <a href={session.first_url} target="_blank" rel="noreferrer noopener">
              {session.first_url}
            </a>
          ) : (
            (session.first_url ?? "—")
          )}
        </dd>
        <dt>Pages</dt>
        <dd>{session.page_count}</dd>
        <dt>Clicks</dt>
        <dd>{session.click_count}</dd>
        <dt>Errors</dt>
        <dd>{session.error_count}</dd>
        <dt>Events</dt>
        <dd>{session.event_count}</dd>
      </dl>
    </div>
  );
}
