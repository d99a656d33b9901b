/** /replays: the Session Replays list of every project the user may read; the state lives in the URL. */

import { useMemo, useState } from "react";
import type { ReplayFilter } from "../api/replay-search-types";
import type { User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { SessionFilterBar } from "../components/session-filters";
import { SessionTable } from "../components/session-table";
import { navigate, useLocationSearch } from "../navigation";
import { DateRangeChooser, ProjectChooser } from "../replay-search/replay-list-controls";
import type { ReplayListState } from "../replay-search/replay-list-url";
import { REPLAYS_PER_PAGE, replayListToRequest, replayListToSearchParams, searchParamsToReplayList } from "../replay-search/replay-list-url";
import { ReplayPager } from "../replay-search/replay-pager";
import { useCohorts } from "../replay-search/use-cohorts";
import { useProjects } from "../replay-search/use-projects";
import { useReplaySearch } from "../replay-search/use-replay-search";
import "../replay-search/replay-search.css";

export const SESSION_LIST_PATH = "/replays";

export function SessionListPage(props: { user: User }) {
  const search = useLocationSearch();
  const state = useMemo(() => searchParamsToReplayList(new URLSearchParams(search)), [search]);
  const [refreshCount, setRefreshCount] = useState(0);
  const request = useMemo(() => replayListToRequest(state), [state]);
  const requestKey = `${JSON.stringify(request)}#${refreshCount}`;
  const result = useReplaySearch(request, requestKey);
  const { projects, names } = useProjects();
  const cohorts = useCohorts(projects);

  /** Any change but paging starts again at the first page. */
  const change = (changes: Partial<ReplayListState>) => {
    const next = { ...state, offset: 0, ...changes };
    const query = replayListToSearchParams(next).toString();
    navigate(query === "" ? SESSION_LIST_PATH : `${SESSION_LIST_PATH}?${query}`);
  };
  const sessions = result.answer?.sessions ?? [];

  return (
    <AppShell user={props.user}>
      <div className="page-heading">
        <h1>Session Replays</h1>
        <button type="button" className="button-secondary" data-testid="refresh" onClick={() => setRefreshCount((count) => count + 1)}>
          Refresh
        </button>
      </div>
      <div className="replay-list-controls">
        <DateRangeChooser state={state} onChange={change} />
        <ProjectChooser projects={projects} projectIds={state.projectIds} onChange={(projectIds) => change({ projectIds })} />
      </div>
      <SessionFilterBar
        filters={state.filters}
        onChange={(filters: ReplayFilter[]) => change({ filters })}
        cohorts={{ cohorts: cohorts.cohorts, projects, problem: cohorts.problem, reload: cohorts.reload }}
      />
      <div data-testid="replay-results" data-state={result.loading ? "loading" : result.problem !== null ? "failed" : "loaded"}>
        {result.problem !== null && (
          <p className="error-box" role="alert" data-testid="search-problem">
            Could not load sessions: {result.problem}
          </p>
        )}
        {result.answer === null && result.loading && <p className="muted">Loading sessions…</p>}
        {result.answer !== null && sessions.length === 0 && (
          <div className="empty-state" data-testid="no-sessions">
            <h2>{state.filters.length > 0 ? "No sessions match these filters" : "No sessions in these days"}</h2>
            <p className="muted">{state.filters.length > 0 ? "Remove a filter or choose more days." : "Add the SDK to your site, or click around the demo shop, then refresh."}</p>
          </div>
        )}
        {sessions.length > 0 && (
          <div className={result.loading ? "table-frame replay-list-stale" : "table-frame"} data-testid="session-list" data-loading={result.loading ? "true" : "false"}>
            <SessionTable sessions={sessions} projectNames={names} sort={{ sort: state.sort, direction: state.direction }} onSort={(sort) => change(sort)} />
          </div>
        )}
        {result.answer !== null && (
          <ReplayPager offset={state.offset} shown={sessions.length} hasMore={result.answer.has_more} pageSize={REPLAYS_PER_PAGE} onOffset={(offset) => change({ offset })} />
        )}
      </div>
    </AppShell>
  );
}
