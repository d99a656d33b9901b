/** /analytics/journeys: Journeys (Pathfinder and Journey Map). The query lives in the search params (shareable). */

import { useState } from "react";
import { fetchJourneys } from "../api/analytics-client";
import type { User } from "../api/types";
import { ChartPageLayout } from "../analytics/chart-page-parts";
import { JourneyMap } from "../analytics/journey-map";
import { JourneysControls } from "../analytics/journeys-controls";
import { defaultJourneysDraft, journeysCsv, journeysDraftToQuery, journeysQueryToDraft, journeysToSearchParams, searchParamsToJourneys } from "../analytics/journeys-model";
import "../analytics/journeys.css";
import { PathfinderList } from "../analytics/pathfinder-list";
import { formatMeasure } from "../analytics/table-model";
import { useChartQuery } from "../analytics/use-chart-query";

export const JOURNEYS_PATH = "/analytics/journeys";

export function JourneysPage(props: { user: User }) {
  const { project, initialQuery, state, submit, exportCsv } = useChartQuery({
    path: JOURNEYS_PATH,
    chart: "journeys",
    csv: journeysCsv,
    fetcher: fetchJourneys,
    readUrl: searchParamsToJourneys,
    toSearchParams: journeysToSearchParams,
  });
  const [draft, setDraft] = useState(() => (initialQuery === null ? defaultJourneysDraft() : journeysQueryToDraft(initialQuery)));
  const answer = state.answer;

  return (
    <ChartPageLayout
      user={props.user}
      name="journeys"
      title="Journeys"
      what="journeys"
      project={project}
      state={state}
      onExport={exportCsv}
      onRun={() => submit(journeysDraftToQuery(draft))}
      builder={<JourneysControls draft={draft} onChange={setDraft} />}
      hint={
        <>
          <h2>Choose an event and press Run</h2>
          <p className="muted">The most common paths users took within a session after (or before) that event.</p>
        </>
      }
      results={
        answer !== null && (
          <>
            <p className="journeys-summary muted" data-testid="journeys-users">
              {formatMeasure(answer.result.users)} {answer.result.users === 1 ? "user" : "users"} {answer.query.end_event !== undefined ? "reached" : "did"} {answer.query.end_event ?? answer.query.start_event}
            </p>
            <h2>Pathfinder</h2>
            <PathfinderList result={answer.result} />
            <h2>Journey Map</h2>
            {answer.result.links.length > 0 && <JourneyMap links={answer.result.links} />}
          </>
        )
      }
    />
  );
}
