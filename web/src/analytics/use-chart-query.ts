/**
 * A chart page's query: run from the URL on open; "Run" writes the query into the URL and runs it;
 * "Export CSV" downloads the answer; a clicked point is kept until the next answer.
 */

import { useCallback, useEffect, useState } from "react";
import { navigate } from "../navigation";
import type { SelectedPoint } from "./chart-model";
import type { ChartName } from "./csv";
import { csvFileName } from "./csv";
import { downloadText } from "./download";
import { useChartRun, useCurrentProject } from "./use-segmentation";

interface DateRangeQuery {
  start_date: string;
  end_date: string;
}

export interface ChartQueryOptions<Query, Result> {
  /** The page's path, e.g. "/analytics/funnels". */
  path: string;
  /** Names the CSV file: `<chart>-<start>-to-<end>.csv`. */
  chart: ChartName;
  csv: (result: Result) => string;
  fetcher: (projectId: number, query: Query, signal: AbortSignal) => Promise<Result>;
  /** The query in the search params, or null. */
  readUrl: (params: URLSearchParams) => Query | null;
  toSearchParams: (query: Query) => URLSearchParams;
}

export function useChartQuery<Query extends DateRangeQuery, Result>(options: ChartQueryOptions<Query, Result>) {
  const { path, fetcher, readUrl, toSearchParams } = options;
  const project = useCurrentProject();
  // Read once: later URL changes are this page's own.
  const [initialQuery] = useState(() => readUrl(new URLSearchParams(window.location.search)));
  const { state, run, fail } = useChartRun(project.kind === "loaded" ? project.project.id : null, fetcher);
  const [selected, setSelected] = useState<SelectedPoint | null>(null);

  useEffect(() => {
    if (initialQuery !== null) {
      run(initialQuery);
    }
  }, [initialQuery, run]);

  useEffect(() => setSelected(null), [state.answer]);

  /** The form's request, or the sentence saying what it lacks. */
  const submit = (converted: { query: Query } | { error: string }) => {
    if ("error" in converted) {
      fail(converted.error);
      return;
    }
    navigate(`${path}?${toSearchParams(converted.query).toString()}`, { replace: true });
    run(converted.query);
  };

  const exportCsv = () => {
    const answer = state.answer;
    if (answer !== null) {
      downloadText(csvFileName(answer.query.start_date, answer.query.end_date, options.chart), options.csv(answer.result), "text/csv;charset=utf-8");
    }
  };

  const closeMenu = useCallback(() => setSelected(null), []);
  return { project, initialQuery, state, submit, exportCsv, selected, select: setSelected, closeMenu };
}
