/** /replays/{id}: session details next to the player. */

import { useEffect, useState } from "react";
import { ApiError, fetchSession, isNotLoggedIn } from "../api/client";
import type { Session, User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { formatDateTime, formatDuration, isWebUrl } from "../format";
import { Link, navigate } from "../navigation";
import { ReplayPlayer } from "../player/replay-player";

type PageState = { kind: "loading" } | { kind: "loaded"; session: Session } | { kind: "not-found" } | { kind: "failed"; message: string };

function SessionDetails(props: { session: Session }) {
  const { session } = props;
  return (
    <aside className="side-panel session-details" data-testid="session-details">
      <h2>Session</h2>
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
    </aside>
  );
}

export function ReplayPage(props: { user: User; sessionId: string }) {
  const [state, setState] = useState<PageState>({ kind: "loading" });

  useEffect(() => {
    const abort = new AbortController();
    fetchSession(props.sessionId, abort.signal)
      .then((session) => setState({ kind: "loaded", session }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) {
          return;
        }
        if (isNotLoggedIn(error)) {
          navigate("/login", { replace: true });
        } else if (error instanceof ApiError && error.status === 404) {
          setState({ kind: "not-found" });
        } else {
          setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => abort.abort();
  }, [props.sessionId]);

  return (
    <AppShell user={props.user}>
      <div className="page-heading">
        <div>
          <Link href="/" className="back-link">
            ← Session Replays
          </Link>
          <h1>Replay</h1>
        </div>
      </div>
      {state.kind === "loading" && <p className="muted">Loading session…</p>}
      {state.kind === "not-found" && <p className="error-text">This session does not exist.</p>}
      {state.kind === "failed" && <p className="error-text">Could not load the session: {state.message}</p>}
      {state.kind === "loaded" && (
        <div className="replay-layout">
          <ReplayPlayer session={state.session} />
          <SessionDetails session={state.session} />
        </div>
      )}
    </AppShell>
  );
}
