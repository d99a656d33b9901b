/** /analytics/journeys: Journeys (Pathfinder and Journey Map). The query lives in the search params (shareable). */

import { useState } from "react";
import { fetchJourneys } from "../api/analytics-client";
import type { User } from "../api/types";
import { ChartPageLayout } from "../analytics/chart-page-parts";
import { JourneyMap } from "../analytics/journey-map";
import { JourneysControls } from "../analytics/journeys-controls";
import { formatUsers } from "../analytics/funnel-model";
import { defaultJourneysDraft, journeyNodeKey, journeysCsv, journeysDraftToQuery, journeysQueryToDraft, journeysToSearchParams, searchParamsToJourneys } from "../analytics/journeys-model";
import "../analytics/journeys.css";
import { journeyLinkRequest, journeyPathRequest } from "../analytics/microscope-request";
import { PathfinderList } from "../analytics/pathfinder-list";
import { formatMeasure } from "../analytics/table-model";
import { useChartQuery } from "../analytics/use-chart-query";
import { useStreamsTarget } from "../analytics/use-user-streams";
import { UserStreamsPanel } from "../analytics/user-streams-panel";

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
  const streams = useStreamsTarget(answer);
  const projectId = project.kind === "loaded" ? project.project.id : null;
  const title = answer === null ? "" : (answer.query.end_event ?? answer.query.start_event ?? "");

  const viewPath = (pathIndex: number) => {
    const path = answer?.result.paths[pathIndex];
    if (answer !== null && path !== undefined) {
      streams.open({ source: { chart: "journeys", request: journeyPathRequest(answer.query, path.events) }, title, detail: `${path.events.join(" → ")}: ${formatUsers(path.users)}` });
    }
  };
  const viewLink = (linkIndex: number) => {
    const link = answer?.result.links[linkIndex];
    if (answer !== null && link !== undefined) {
      const detail = `${journeyNodeKey(link.step, link.from)} → ${journeyNodeKey(link.step + 1, link.to)}: ${formatUsers(link.users)}`;
      streams.open({ source: { chart: "journeys", request: journeyLinkRequest(answer.query, link) }, title, detail });
    }
  };

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
            <PathfinderList result={answer.result} onViewPath={viewPath} />
            <h2>Journey Map</h2>
            {answer.result.links.length > 0 && <JourneyMap links={answer.result.links} onSelectLink={viewLink} />}
            {streams.target !== null && projectId !== null && <UserStreamsPanel projectId={projectId} target={streams.target} onClose={streams.close} />}
          </>
        )
      }
    />
  );
}
