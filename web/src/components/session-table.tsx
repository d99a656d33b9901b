/** The table of recorded sessions across projects; each row opens its replay, headers sort. */

import type { ReplaySortField, SearchedSession, SortDirection } from "../api/replay-search-types";
import type { Session } from "../api/types";
import { formatDateTime, formatDuration } from "../format";
import { Link, navigate } from "../navigation";
import { CountryCode } from "../replay-search/country-code";

export function replayPath(session: Session): string {
  return `/replays/${encodeURIComponent(session.id)}`;
}

function FrustrationBadges(props: { session: SearchedSession }) {
  const counts = props.session.signal_counts;
  const badges = [
    { count: counts?.rage_clicks ?? 0, label: "rage", title: "rage clicks" },
    { count: counts?.dead_clicks ?? 0, label: "dead", title: "dead clicks" },
    { count: counts?.error_clicks ?? 0, label: "error click", title: "error clicks" },
    { count: counts?.thrashed_cursors ?? 0, label: "thrash", title: "thrashed cursor" },
  ].filter((badge) => badge.count > 0);
  if (badges.length === 0) {
    const total = props.session.frustration_count ?? 0;
    return total > 0 ? <span className="signal-badge">{total}</span> : <span className="muted">—</span>;
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

function SessionRow(props: { session: SearchedSession; projectName: string }) {
  const { session } = props;
  const path = replayPath(session);
  const who = session.user_id ?? session.device_id;
  return (
    <tr
      data-testid="session-row"
      data-session-id={session.id}
      data-device-id={session.device_id}
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
      <td className="truncate" title={who} data-testid="user-cell">
        {session.user_id !== null ? who : <span className="muted">{who}</span>}
      </td>
      <td className="numeric" data-testid="duration-cell">
        {formatDuration(session.duration_ms)}
      </td>
      <td data-testid="country-cell">
        <CountryCode code={session.country ?? null} />
      </td>
      <td className="numeric">{session.click_count}</td>
      <td className="numeric">{session.error_count > 0 ? <span className="error-badge">{session.error_count}</span> : <span className="muted">0</span>}</td>
      <td data-testid="frustration-cell">
        <FrustrationBadges session={session} />
      </td>
      <td className="truncate" title={props.projectName} data-testid="project-cell">
        {props.projectName}
      </td>
    </tr>
  );
}

export interface TableSort {
  sort: ReplaySortField;
  direction: SortDirection;
}

const COLUMNS: { label: string; sort: ReplaySortField | null; numeric?: boolean }[] = [
  { label: "Start time", sort: "start_time" },
  { label: "User", sort: "user" },
  { label: "Duration", sort: "duration", numeric: true },
  { label: "Country", sort: null },
  { label: "Clicks", sort: "clicks", numeric: true },
  { label: "Errors", sort: "errors", numeric: true },
  { label: "Frustration", sort: "frustration" },
  { label: "Project", sort: null },
];

function SortableHeader(props: { column: (typeof COLUMNS)[number]; current: TableSort; onSort: (sort: TableSort) => void }) {
  const { column, current } = props;
  const field = column.sort;
  const className = column.numeric === true ? "numeric" : undefined;
  if (field === null) {
    return <th className={className}>{column.label}</th>;
  }
  const active = current.sort === field;
  // A new column starts with its most useful end: A→Z for users, largest first otherwise.
  const next: SortDirection = active ? (current.direction === "desc" ? "asc" : "desc") : field === "user" ? "asc" : "desc";
  return (
    <th className={className} aria-sort={active ? (current.direction === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className={active ? "sort-button sort-button-active" : "sort-button"} data-testid={`sort-${field}`} onClick={() => props.onSort({ sort: field, direction: next })}>
        {column.label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (current.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

export function SessionTable(props: { sessions: SearchedSession[]; projectNames: ReadonlyMap<number, string>; sort: TableSort; onSort: (sort: TableSort) => void }) {
  return (
    <table className="session-table" data-testid="session-table">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <SortableHeader key={column.label} column={column} current={props.sort} onSort={props.onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((session) => (
          <SessionRow key={session.id} session={session} projectName={props.projectNames.get(session.project_id) ?? `Project ${session.project_id}`} />
        ))}
      </tbody>
    </table>
  );
}
