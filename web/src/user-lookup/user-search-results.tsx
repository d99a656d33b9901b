/** The users a search found; a click opens one's profile. */

import type { UserMatch } from "../api/user-lookup-types";
import { formatDateTime } from "../format";
import type { LoadState } from "./use-user-lookup";

const MATCHED_ON_LABELS: Record<string, string> = { user_id: "user ID", device_id: "device ID", user_property: "user property" };

function MatchedOn(props: { match: UserMatch }) {
  const { matched_on: matchedOn } = props.match;
  if (matchedOn === null || matchedOn === undefined || matchedOn === "") {
    return null;
  }
  const label = MATCHED_ON_LABELS[matchedOn] ?? matchedOn;
  return <span className="user-match-on small">matched {label}</span>;
}

export function UserSearchResults(props: { state: LoadState<UserMatch[]>; selectedKey: string | null; onOpen: (userKey: string) => void }) {
  const { state } = props;
  if (state.kind === "idle") {
    return <p className="muted small user-search-hint">Search by user ID, device ID or a user property to open a user's profile and event stream.</p>;
  }
  if (state.kind === "loading") {
    return <p className="muted small">Searching…</p>;
  }
  if (state.kind === "failed") {
    return (
      <p className="error-text small" role="alert" data-testid="user-search-error">
        {state.message}
      </p>
    );
  }
  if (state.value.length === 0) {
    return (
      <p className="muted small" data-testid="user-search-empty">
        No users match.
      </p>
    );
  }
  return (
    <div>
      <p className="muted small user-match-count" data-testid="user-match-count">
        {state.value.length === 1 ? "1 user" : `${state.value.length} users`}
      </p>
      <ul className="user-match-list" data-testid="user-matches">
        {state.value.map((match) => (
          <li key={match.user_key}>
            <button
              type="button"
              className="user-match"
              data-testid="user-match"
              data-user-key={match.user_key}
              aria-current={match.user_key === props.selectedKey ? "true" : undefined}
              onClick={() => props.onOpen(match.user_key)}
            >
              <span className="user-match-name">{match.user_id ?? match.user_key}</span>
              <span className="muted small user-match-device">device {match.device_id ?? "—"}</span>
              <span className="user-match-meta">
                {match.last_seen_ms !== null && match.last_seen_ms !== undefined && <span className="muted small">last seen {formatDateTime(match.last_seen_ms)}</span>}
                <MatchedOn match={match} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
