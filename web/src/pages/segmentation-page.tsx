/** /analytics/segmentation: Event Segmentation. The query lives in the search params (shareable). */

import { useCallback, useEffect, useMemo, useState } from "react";
import type { User } from "../api/types";
import { chartModel } from "../analytics/chart-model";
import type { SelectedPoint } from "../analytics/chart-model";
import { csvFileName, segmentationCsv } from "../analytics/csv";
import { downloadText } from "../analytics/download";
import { MeasureControls } from "../analytics/measure-controls";
import { PointMenu } from "../analytics/point-menu";
import { BuiltinFieldsDatalist } from "../analytics/property-picker";
import { defaultDraft, draftToQuery, queryToDraft } from "../analytics/query-draft";
import { queryToSearchParams, searchParamsToQuery } from "../analytics/query-url";
import { SegmentationChart } from "../analytics/segmentation-chart";
import { SegmentationTable } from "../analytics/segmentation-table";
import { SeriesList } from "../analytics/series-list";
import { formatMeasure } from "../analytics/table-model";
import { useCurrentProject, useSegmentationRun } from "../analytics/use-segmentation";
import { AppShell } from "../components/app-shell";
import { navigate } from "../navigation";

export const SEGMENTATION_PATH = "/analytics/segmentation";

export function SegmentationPage(props: { user: User }) {
  const project = useCurrentProject();
  const projectId = project.kind === "loaded" ? project.project.id : null;
  const initialQuery = useMemo(() => searchParamsToQuery(new URLSearchParams(window.location.search)), []);
  const [draft, setDraft] = useState(() => (initialQuery === null ? defaultDraft() : queryToDraft(initialQuery)));
  const { state, run, fail } = useSegmentationRun(projectId);
  const [selected, setSelected] = useState<SelectedPoint | null>(null);
  const answer = state.answer;
  const model = useMemo(() => (answer === null ? null : chartModel(answer.result)), [answer]);

  useEffect(() => {
    if (initialQuery !== null) {
      run(initialQuery);
    }
  }, [initialQuery, run]);

  useEffect(() => setSelected(null), [answer]);

  const handleRun = () => {
    const converted = draftToQuery(draft);
    if ("error" in converted) {
      fail(converted.error);
      return;
    }
    navigate(`${SEGMENTATION_PATH}?${queryToSearchParams(converted.query).toString()}`, { replace: true });
    run(converted.query);
  };

  const exportCsv = () => {
    if (answer !== null) {
      downloadText(csvFileName(answer.query.start_date, answer.query.end_date), segmentationCsv(answer.result), "text/csv;charset=utf-8");
    }
  };

  const closeMenu = useCallback(() => setSelected(null), []);
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
    <AppShell user={props.user}>
      <div className="segmentation-page" data-testid="segmentation-page">
        <div className="page-heading">
          <h1>Event Segmentation</h1>
          <div className="heading-actions">
            <button type="button" className="button-secondary" data-testid="export-csv" disabled={answer === null || state.running} onClick={exportCsv}>
              Export CSV
            </button>
            <button type="button" className="button-run" data-testid="run-query" disabled={projectId === null || state.running} onClick={handleRun}>
              {state.running ? "Running…" : "Run"}
            </button>
          </div>
        </div>
        {project.kind === "failed" && <p className="error-text">Could not load the project: {project.message}</p>}
        {project.kind === "none" && <p className="muted">No project exists yet.</p>}
        <BuiltinFieldsDatalist />
        <div className="query-builder">
          <SeriesList series={draft.series} onChange={(series) => setDraft({ ...draft, series })} />
          <MeasureControls draft={draft} onChange={setDraft} />
        </div>
        {state.error !== null && (
          <div className="error-box" role="alert" data-testid="segmentation-error">
            <strong>Could not run the chart.</strong> {state.error}
          </div>
        )}
        {answer === null && state.error === null && !state.running && (
          <div className="empty-state" data-testid="segmentation-hint">
            <h2>Choose events and press Run</h2>
            <p className="muted">Each event is a series (A, B, …); filter it, group it by a property, and measure it over time.</p>
          </div>
        )}
        {answer !== null && (
          <div className={state.running ? "chart-results chart-results-stale" : "chart-results"} data-testid="segmentation-results" aria-busy={state.running}>
            <SegmentationChart result={answer.result} onSelectPoint={setSelected} pointMenu={pointMenu} />
            <SegmentationTable result={answer.result} />
          </div>
        )}
      </div>
    </AppShell>
  );
}
