/** /analytics/sessions: User Sessions. The query lives in the search params (shareable). */

import { useState } from "react";
import { fetchSessionsChart } from "../api/analytics-client";
import type { User } from "../api/types";
import { ChartPageLayout } from "../analytics/chart-page-parts";
import { SessionsChart } from "../analytics/sessions-chart";
import { SessionsControls } from "../analytics/sessions-controls";
import { defaultSessionsDraft, searchParamsToSessions, sessionsCsv, sessionsDraftToQuery, sessionsQueryToDraft, sessionsToSearchParams } from "../analytics/sessions-model";
import { SessionsTable } from "../analytics/sessions-table";
import { useChartQuery } from "../analytics/use-chart-query";

export const USER_SESSIONS_PATH = "/analytics/sessions";

export function UserSessionsPage(props: { user: User }) {
  const { project, initialQuery, state, submit, exportCsv } = useChartQuery({
    path: USER_SESSIONS_PATH,
    chart: "sessions",
    csv: sessionsCsv,
    fetcher: fetchSessionsChart,
    readUrl: searchParamsToSessions,
    toSearchParams: sessionsToSearchParams,
  });
  const [draft, setDraft] = useState(() => (initialQuery === null ? defaultSessionsDraft() : sessionsQueryToDraft(initialQuery)));
  const answer = state.answer;

  return (
    <ChartPageLayout
      user={props.user}
      name="sessions"
      title="User Sessions"
      what="sessions chart"
      project={project}
      state={state}
      onExport={exportCsv}
      onRun={() => submit(sessionsDraftToQuery(draft))}
      builder={<SessionsControls draft={draft} onChange={setDraft} />}
      hint={
        <>
          <h2>Choose a measure and press Run</h2>
          <p className="muted">How many sessions users had, how long they lasted and how many events they held.</p>
        </>
      }
      results={
        answer !== null && (
          <>
            <SessionsChart result={answer.result} />
            <SessionsTable result={answer.result} />
          </>
        )
      }
    />
  );
}
