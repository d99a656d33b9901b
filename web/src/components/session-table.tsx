/** The table of recorded sessions; each row opens its replay. */

import type { Session } from "../api/types";
import { formatDateTime, formatDuration, formatUrlForDisplay } from "../format";
import { Link, navigate } from "../navigation";

export function replayPath(session: Session): string {
  return `/replays/${encodeURIComponent(session.id)}`;
}

function FrustrationBadges(props: { session: Session }) {
  const counts = props.session.signal_counts;
  const badges = [
    { count: counts?.rage_clicks ?? 0, label: "rage", title: "rage clicks" },
    { count: counts?.dead_clicks ?? 0, label: "dead", title: "dead clicks" },
    { count: counts?.error_clicks ?? 0, label: "error click", title: "error clicks" },
    { count: counts?.thrashed_cursors ?? 0, label: "thrash", title: "thrashed cursor" },
  ].filter((badge) => badge.count > 0);
  if (badges.length === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <>
      {badges.map((badge) => (
        <span key={badge.label} className="signal-badge" title={`${badge.count} ${badge.title}`}>
          {badge.count} {badge.label}
        </span>
      ))}
    </>
  );
}

function SessionRow(props: { session: Session }) {
  const { session } = props;
  const path = replayPath(session);
  const who = session.user_id ?? session.device_id;
  return (
    <tr
      data-testid="session-row"
      data-session-id={session.id}
      className="clickable-row"
      onClick={(event) => {
        if (!(event.target instanceof HTMLElement) || event.target.closest("a") === null) {
          navigate(path);
        }
      }}
    >
      <td>
        <Link href={path} className="row-link" data-testid="session-link">
          {formatDateTime(session.start_time_ms)}
        </Link>
      </td>
      <td className="truncate" title={who}>
        {session.user_id !== null ? who : <span className="muted">{who}</span>}
      </td>
      <td className="numeric">{formatDuration(session.duration_ms)}</td>
      <td className="numeric">{session.page_count}</td>
      <td className="truncate" title={session.first_url ?? ""}>
        {formatUrlForDisplay(session.first_url, window.location.origin)}
      </td>
      <td className="numeric">{session.click_count}</td>
      <td className="numeric">
        {session.error_count > 0 ? <span className="error-badge">{session.error_count}</span> : <span className="muted">0</span>}
      </td>
      <td data-testid="frustration-cell">
        <FrustrationBadges session={session} />
      </td>
    </tr>
  );
}

export function SessionTable(props: { sessions: Session[] }) {
  return (
    <table className="session-table" data-testid="session-table">
      <thead>
        <tr>
          <th>Start time</th>
          <th>User</th>
          <th className="numeric">Duration</th>
          <th className="numeric">Pages</th>
          <th>First URL</th>
          <th className="numeric">Clicks</th>
          <th className="numeric">Errors</th>
          <th>Frustration</th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </tbody>
    </table>
  );
}
