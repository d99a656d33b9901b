/** /replays/{id}?t=<seconds>: the player, opening at `t` when given. */

import { useEffect, useState } from "react";
import { ApiError, fetchSessionDetail, isNotLoggedIn } from "../api/client";
import type { SessionDetail, User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { Link, navigate } from "../navigation";
import { ReplayPlayer } from "../player/replay-player";
import { startOffsetFromQuery } from "../player/replay-link";

type PageState = { kind: "loading" } | { kind: "loaded"; detail: SessionDetail } | { kind: "not-found" } | { kind: "failed"; message: string };

export function ReplayPage(props: { user: User; sessionId: string }) {
  const [state, setState] = useState<PageState>({ kind: "loading" });
  const [startOffsetMs] = useState(() => startOffsetFromQuery(window.location.search));

  useEffect(() => {
    const abort = new AbortController();
    fetchSessionDetail(props.sessionId, abort.signal)
      .then((detail) => setState({ kind: "loaded", detail }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) {
          return;
        }
        if (isNotLoggedIn(error)) {
          const returnTo = window.location.pathname + window.location.search;
          navigate(`/login?return_to=${encodeURIComponent(returnTo)}`, { replace: true });
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
          <Link href="/replays" className="back-link">
            ← Session Replays
          </Link>
          <h1>Replay</h1>
        </div>
      </div>
      {state.kind === "loading" && <p className="muted">Loading session…</p>}
      {state.kind === "not-found" && <p className="error-text">This session does not exist.</p>}
      {state.kind === "failed" && <p className="error-text">Could not load the session: {state.message}</p>}
      {state.kind === "loaded" && <ReplayPlayer detail={state.detail} startOffsetMs={startOffsetMs} />}
    </AppShell>
  );
}
