/** /analytics/funnels: Funnel Analysis. The query lives in the search params (shareable). */

import { useMemo, useState } from "react";
import { fetchFunnel } from "../api/analytics-client";
import type { User } from "../api/types";
import { ChartPageLayout } from "../analytics/chart-page-parts";
import { FunnelChart } from "../analytics/funnel-chart";
import { defaultFunnelDraft, funnelDraftToQuery, funnelQueryToDraft } from "../analytics/funnel-draft";
import { formatPercent, formatUsers, funnelCsv, funnelLines, stepLabel } from "../analytics/funnel-model";
import { FunnelOptions } from "../analytics/funnel-options";
import { FunnelSteps } from "../analytics/funnel-steps";
import { FunnelTable } from "../analytics/funnel-table";
import { funnelToSearchParams, searchParamsToFunnel } from "../analytics/funnel-url";
import { funnelUsersRequest } from "../analytics/microscope-request";
import { PointMenu } from "../analytics/point-menu";
import { useChartQuery } from "../analytics/use-chart-query";
import { useStreamsTarget } from "../analytics/use-user-streams";
import { UserStreamsPanel } from "../analytics/user-streams-panel";

export const FUNNELS_PATH = "/analytics/funnels";

export function FunnelPage(props: { user: User }) {
  const { project, initialQuery, state, submit, exportCsv, selected, select, closeMenu } = useChartQuery({
    path: FUNNELS_PATH,
    chart: "funnel",
    csv: funnelCsv,
    fetcher: fetchFunnel,
    readUrl: searchParamsToFunnel,
    toSearchParams: funnelToSearchParams,
  });
  const [draft, setDraft] = useState(() => (initialQuery === null ? defaultFunnelDraft() : funnelQueryToDraft(initialQuery)));
  const answer = state.answer;
  const lines = useMemo(() => (answer === null ? null : funnelLines(answer.result)), [answer]);

  const streams = useStreamsTarget(answer);
  const projectId = project.kind === "loaded" ? project.project.id : null;

  /** Opens the User Streams of a bar: who reached the step, or (droppedOff) who stopped before it; undefined where there are none. */
  const streamsOpener = (groupIndex: number, step: number, droppedOff: boolean, title: string, detail: string) => {
    const request = answer === null ? null : funnelUsersRequest(answer.query, answer.result, groupIndex, step, droppedOff);
    return request === null ? undefined : () => {
      streams.open({ source: { chart: "funnel", request }, title, detail });
      closeMenu();
    };
  };

  // A bar: the group (rowIndex) and the step (bucketIndex).
  const selectedLine = selected === null || lines === null ? undefined : lines[selected.rowIndex];
  const selectedStep = selected === null ? undefined : selectedLine?.steps[selected.bucketIndex];
  let pointMenu = null;
  if (selected !== null && selectedLine !== undefined && selectedStep !== undefined) {
    const { rowIndex, bucketIndex } = selected;
    const label = stepLabel(bucketIndex, selectedStep.event_type);
    const detail = `${label}: ${formatUsers(selectedStep.users)} (${formatPercent(selectedStep.percent_of_first)})`;
    const droppedDetail = `Dropped off before ${label}: ${formatUsers(selectedStep.dropped_off)}`;
    pointMenu = (
      <PointMenu
        title={selectedLine.name}
        detail={detail}
        onClose={closeMenu}
        onViewUserStreams={streamsOpener(rowIndex, bucketIndex, false, selectedLine.name, detail)}
        onViewDroppedOff={streamsOpener(rowIndex, bucketIndex, true, selectedLine.name, droppedDetail)}
      />
    );
  }

  return (
    <ChartPageLayout
      user={props.user}
      name="funnel"
      title="Funnel Analysis"
      what="funnel"
      project={project}
      state={state}
      onExport={exportCsv}
      onRun={() => submit(funnelDraftToQuery(draft))}
      builder={
        <>
          <FunnelSteps steps={draft.steps} onChange={(steps) => setDraft({ ...draft, steps })} />
          <FunnelOptions draft={draft} onChange={setDraft} />
        </>
      }
      hint={
        <>
          <h2>Choose the steps and press Run</h2>
          <p className="muted">Users who did step 1 in the dates, and how many of them went on to each later step, in order, within the window.</p>
        </>
      }
      results={
        lines !== null && (
          <>
            <FunnelChart lines={lines} onSelectPoint={select} pointMenu={pointMenu} />
            <FunnelTable lines={lines} />
            {streams.target !== null && projectId !== null && <UserStreamsPanel projectId={projectId} target={streams.target} onClose={streams.close} />}
          </>
        )
      }
    />
  );
}
