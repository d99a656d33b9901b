/** /analytics/segmentation: Event Segmentation. The query lives in the search params (shareable). */

import { useMemo, useState } from "react";
import { fetchSegmentation } from "../api/client";
import type { User } from "../api/types";
import { ChartPageLayout } from "../analytics/chart-page-parts";
import { chartModel } from "../analytics/chart-model";
import { segmentationCsv } from "../analytics/csv";
import { MeasureControls } from "../analytics/measure-controls";
import { PointMenu } from "../analytics/point-menu";
import { defaultDraft, draftToQuery, queryToDraft } from "../analytics/query-draft";
import { queryToSearchParams, searchParamsToQuery } from "../analytics/query-url";
import { SegmentationChart } from "../analytics/segmentation-chart";
import { SegmentationTable } from "../analytics/segmentation-table";
import { SeriesList } from "../analytics/series-list";
import { formatMeasure } from "../analytics/table-model";
import { useChartQuery } from "../analytics/use-chart-query";

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

  const selectedLine = selected === null || model === null ? undefined : model.lines[selected.rowIndex];
  const pointMenu =
    selected !== null && selectedLine !== undefined && model !== null ? (
      <PointMenu
        title={selectedLine.name}
        detail={`${model.categories[selected.bucketIndex] ?? ""}: ${formatMeasure(selectedLine.values[selected.bucketIndex] ?? null)}`}
        onClose={closeMenu}
      />
    ) : null;

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
            <SegmentationTable result={answer.result} />
          </>
        )
      }
    />
  );
}
