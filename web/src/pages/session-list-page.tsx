/** /: the Session Replays list, newest first, with "Load more". */

import { useCallback, useEffect, useState } from "react";
import { fetchSessionPage, isNotLoggedIn } from "../api/client";
import type { Session, SessionFilters, User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { SdkSetupPanel } from "../components/sdk-setup-panel";
import { NO_FILTERS, SessionFilterBar } from "../components/session-filters";
import { SessionTable } from "../components/session-table";
import { navigate } from "../navigation";

const SESSIONS_PER_PAGE = 50;

type ListState =
  | { kind: "loading" }
  | { kind: "loaded"; sessions: Session[]; nextCursor: string | null; loadingMore: boolean }
  | { kind: "failed"; message: string };

export function SessionListPage(props: { user: User }) {
  const [state, setState] = useState<ListState>({ kind: "loading" });
  const [filters, setFilters] = useState<SessionFilters>(NO_FILTERS);

  const handleError = useCallback((error: unknown) => {
    if (isNotLoggedIn(error)) {
      navigate("/login", { replace: true });
      return;
    }
    setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
  }, []);

  const loadFirstPage = useCallback(
    (signal?: AbortSignal) => {
      fetchSessionPage({ limit: SESSIONS_PER_PAGE, cursor: null, filters }, signal)
        .then((page) => setState({ kind: "loaded", sessions: page.sessions, nextCursor: page.next_cursor, loadingMore: false }))
        .catch((error: unknown) => {
          if (!signal?.aborted) {
            handleError(error);
          }
        });
    },
    [handleError, filters],
  );

  useEffect(() => {
    const abort = new AbortController();
    loadFirstPage(abort.signal);
    return () => abort.abort();
  }, [loadFirstPage]);

  const loadMore = () => {
    if (state.kind !== "loaded" || state.nextCursor === null || state.loadingMore) {
      return;
    }
    setState({ ...state, loadingMore: true });
    fetchSessionPage({ limit: SESSIONS_PER_PAGE, cursor: state.nextCursor, filters })
      .then((page) =>
        setState({
          kind: "loaded",
          sessions: [...state.sessions, ...page.sessions.filter((session) => !state.sessions.some((known) => known.id === session.id))],
          nextCursor: page.next_cursor,
          loadingMore: false,
        }),
      )
      .catch(handleError);
  };

  return (
    <AppShell user={props.user}>
      <div className="list-layout">
        <section className="main-column">
          <div className="page-heading">
            <h1>Session Replays</h1>
            <button type="button" className="button-secondary" data-testid="refresh" onClick={() => loadFirstPage()}>
              Refresh
            </button>
          </div>
          <SessionFilterBar filters={filters} onChange={setFilters} />
          {state.kind === "loading" && <p className="muted">Loading sessions…</p>}
          {state.kind === "failed" && <p className="error-text">Could not load sessions: {state.message}</p>}
          {state.kind === "loaded" && state.sessions.length === 0 && (
            <div className="empty-state" data-testid="no-sessions">
              <h2>{filters.hasRageClicks || filters.hasDeadClicks || filters.hasErrors ? "No sessions match these filters" : "No sessions yet"}</h2>
              <p className="muted">Add the SDK to your site, or click around the demo shop, then refresh.</p>
            </div>
          )}
          {state.kind === "loaded" && state.sessions.length > 0 && (
            <>
              <div className="table-frame">
                <SessionTable sessions={state.sessions} />
              </div>
              {state.nextCursor !== null && (
                <button type="button" className="button-secondary load-more" data-testid="load-more" disabled={state.loadingMore} onClick={loadMore}>
                  {state.loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )}
        </section>
        <SdkSetupPanel />
      </div>
    </AppShell>
  );
}
