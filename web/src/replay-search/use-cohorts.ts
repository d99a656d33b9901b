/** The cohorts of every listed project (GET /api/v1/projects/{id}/cohorts), reloadable after one is created. */

import { useCallback, useEffect, useMemo, useState } from "react";
import type { Cohort } from "../api/replay-search-types";
import { fetchCohorts } from "../api/replay-search-client";
import type { Project } from "../api/types";

export interface CohortsState {
  cohorts: Cohort[];
  /** A sentence when some project's cohorts could not be read. */
  problem: string | null;
  names: ReadonlyMap<number, string>;
  reload: () => void;
}

export function useCohorts(projects: readonly Project[]): CohortsState {
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (projects.length === 0) {
      return;
    }
    const abort = new AbortController();
    Promise.allSettled(projects.map((project) => fetchCohorts(project.id, abort.signal))).then((answers) => {
      if (abort.signal.aborted) {
        return;
      }
      setCohorts(answers.flatMap((answer) => (answer.status === "fulfilled" ? answer.value : [])));
      const refusal = answers.find((answer) => answer.status === "rejected");
      setProblem(refusal === undefined ? null : `Could not load cohorts: ${String((refusal as PromiseRejectedResult).reason?.message ?? refusal)}`);
    });
    return () => abort.abort();
  }, [projects, generation]);

  const names = useMemo(() => new Map(cohorts.map((cohort) => [cohort.id, cohort.name])), [cohorts]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { cohorts, problem, names, reload };
}
