/** /analytics/segmentation: Event Segmentation. The query lives in the search params (shareable). */

import { useMemo, useState } from "react";
import { fetchSegmentation } from "../api/analytics-client";
import type { User } from "../api/types";
import { ChartPageLayout } from "../analytics/chart-page-parts";
import { chartModel } from "../analytics/chart-model";
import { segmentationCsv } from "../analytics/csv";
import { MeasureControls } from "../analytics/measure-controls";
import { microscopeRequest } from "../analytics/microscope-request";
import { PointMenu } from "../analytics/point-menu";
import { defaultDraft, draftToQuery, queryToDraft } from "../analytics/query-draft";
import { queryToSearchParams, searchParamsToQuery } from "../analytics/query-url";
import { SegmentationChart } from "../analytics/segmentation-chart";
import { SegmentationTable } from "../analytics/segmentation-table";
import { SeriesList } from "../analytics/series-list";
import { formatMeasure } from "../analytics/table-model";
import { useChartQuery } from "../analytics/use-chart-query";
import { useStreamsTarget } from "../analytics/use-user-streams";
import { UserStreamsPanel } from "../analytics/user-streams-panel";

export const SEGMENTATION_PATH = "/analytics/segmentation";

export function SegmentationPage(props: { user: User }) {
  const { project, initialQuery, state, submit, exportCsv, selected, select, closeMenu } = useChartQuery({
    path: SEGMENTATION_PATH,
    chart: "segmentation",
    csv: segmentationCsv,
    fetcher: fetchSegmentation,
    readUrl: searchParamsToQuery,
    toSearchParams: queryToSearchParams,
  });
  const [draft, setDraft] = useState(() => (initialQuery === null ? defaultDraft() : queryToDraft(initialQuery)));
  const answer = state.answer;
  const model = useMemo(() => (answer === null ? null : chartModel(answer.result)), [answer]);

  const streams = useStreamsTarget(answer);
  const projectId = project.kind === "loaded" ? project.project.id : null;

  /** Opens the User Streams of a row at a bucket (null: over the whole range); undefined where there are no users. */
  const streamsOpener = (rowIndex: number, bucketIndex: number | null, detail: string) => {
    const request = answer === null ? null : microscopeRequest(answer.query, answer.result, rowIndex, bucketIndex);
    const title = model?.lines[rowIndex]?.name ?? "";
    return request === null ? undefined : () => {
      streams.open({ source: { chart: "segmentation", request }, title, detail });
      closeMenu();
    };
  };
  const totalAction = (rowIndex: number) => streamsOpener(rowIndex, null, `All dates: ${formatMeasure(answer?.result.rows[rowIndex]?.total ?? null)}`);

  const selectedLine = selected === null || model === null ? undefined : model.lines[selected.rowIndex];
  let pointMenu = null;
  if (selected !== null && selectedLine !== undefined && model !== null) {
    const detail = `${model.categories[selected.bucketIndex] ?? ""}: ${formatMeasure(selectedLine.values[selected.bucketIndex] ?? null)}`;
    const viewUserStreams = streamsOpener(selected.rowIndex, selected.bucketIndex, detail);
    pointMenu = <PointMenu title={selectedLine.name} detail={detail} onClose={closeMenu} onViewUserStreams={viewUserStreams} />;
  }

  return (
    <ChartPageLayout
      user={props.user}
      name="segmentation"
      title="Event Segmentation"
      what="chart"
      project={project}
      state={state}
      onExport={exportCsv}
      onRun={() => submit(draftToQuery(draft))}
      builder={
        <>
          <SeriesList series={draft.series} onChange={(series) => setDraft({ ...draft, series })} />
          <MeasureControls draft={draft} onChange={setDraft} />
        </>
      }
      hint={
        <>
          <h2>Choose events and press Run</h2>
          <p className="muted">Each event is a series (A, B, …); filter it, group it by a property, and measure it over time.</p>
        </>
      }
      results={
        answer !== null && (
          <>
            <SegmentationChart result={answer.result} onSelectPoint={select} pointMenu={pointMenu} />
            <SegmentationTable result={answer.result} totalAction={totalAction} />
            {streams.target !== null && projectId !== null && <UserStreamsPanel projectId={projectId} target={streams.target} onClose={streams.close} />}
          </>
        )
      }
    />
  );
}
