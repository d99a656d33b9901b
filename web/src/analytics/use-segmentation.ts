/** The current project (chosen in the header, else the first) and one chart query at a time (segmentation, funnels). */

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchProjects, isNotLoggedIn } from "../api/client";
import type { Project } from "../api/types";
import { pickCurrentProject, storedCurrentProjectId } from "../components/project-switcher";
import { navigate } from "../navigation";

export type ProjectState = { kind: "loading" } | { kind: "loaded"; project: Project } | { kind: "none" } | { kind: "failed"; message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failed load: nothing once aborted, /login for a 401, else `show` with its message. */
export function reportLoadError(error: unknown, signal: AbortSignal, show: (message: string) => void): void {
  if (signal.aborted) {
    return;
  }
  if (isNotLoggedIn(error)) {
    navigate("/login", { replace: true });
    return;
  }
  show(messageOf(error));
}

export function useCurrentProject(): ProjectState {
  const [state, setState] = useState<ProjectState>({ kind: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    fetchProjects(abort.signal)
      .then((projects) => {
        const project = pickCurrentProject(projects, storedCurrentProjectId());
        setState(project === undefined ? { kind: "none" } : { kind: "loaded", project });
      })
      .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setState({ kind: "failed", message })));
    return () => abort.abort();
  }, []);
  return state;
}

export interface RunState<Query, Result> {
  running: boolean;
  /** The last answer and the query it answers; cleared by an error. */
  answer: { query: Query; result: Result } | null;
  error: string | null;
}

type Fetcher<Query, Result> = (projectId: number, query: Query, signal: AbortSignal) => Promise<Result>;

/** One chart query at a time: `run` aborts the query still running, if any; `fail` shows a message of the page's own. */
export function useChartRun<Query, Result>(projectId: number | null, fetcher: Fetcher<Query, Result>) {
  const [state, setState] = useState<RunState<Query, Result>>({ running: false, answer: null, error: null });
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const run = useCallback(
    (query: Query) => {
      if (projectId === null) {
        return;
      }
      abortRef.current?.abort();
      const abort = new AbortController();
      abortRef.current = abort;
      setState((previous) => ({ ...previous, running: true, error: null }));
      fetcher(projectId, query, abort.signal)
        .then((result) => setState({ running: false, answer: { query, result }, error: null }))
        .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setState({ running: false, answer: null, error: message })));
    },
    [projectId, fetcher],
  );

  const fail = useCallback((message: string) => {
    abortRef.current?.abort();
    setState({ running: false, answer: null, error: message });
  }, []);

  return { state, run, fail };
}
