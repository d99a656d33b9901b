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
import { PointMenu } from "../analytics/point-menu";
import { useChartQuery } from "../analytics/use-chart-query";

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

  // A bar: the group (rowIndex) and the step (bucketIndex).
  const selectedLine = selected === null || lines === null ? undefined : lines[selected.rowIndex];
  const selectedStep = selected === null ? undefined : selectedLine?.steps[selected.bucketIndex];
  const pointMenu =
    selected !== null && selectedLine !== undefined && selectedStep !== undefined ? (
      <PointMenu
        title={selectedLine.name}
        detail={`${stepLabel(selected.bucketIndex, selectedStep.event_type)}: ${formatUsers(selectedStep.users)} (${formatPercent(selectedStep.percent_of_first)})`}
        onClose={closeMenu}
      />
    ) : null;

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
          </>
        )
      }
    />
  );
}
