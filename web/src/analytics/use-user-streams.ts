/** Loads the Microscope's users for one chart point; a change of source or filter aborts the last load. */

import { useCallback, useEffect, useState } from "react";
import { fetchMicroscopeUsers } from "../api/analytics-client";
import type { MicroscopeResult, UserStreamsSource } from "../api/microscope-types";
import { reportLoadError } from "./use-segmentation";

export type UserStreamsState = { kind: "loading" } | { kind: "loaded"; result: MicroscopeResult } | { kind: "failed"; message: string };

/** The source's request with the drawer's "Streams with session replays" filter. */
export function withReplaysFilter(source: UserStreamsSource, withReplaysOnly: boolean): UserStreamsSource {
  return { ...source, request: { ...source.request, with_replays_only: withReplaysOnly } } as UserStreamsSource;
}

export function useUserStreams(projectId: number, source: UserStreamsSource, withReplaysOnly: boolean): UserStreamsState {
  const [state, setState] = useState<UserStreamsState>({ kind: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: "loading" });
    fetchMicroscopeUsers(projectId, withReplaysFilter(source, withReplaysOnly), abort.signal)
      .then((result) => setState({ kind: "loaded", result }))
      .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setState({ kind: "failed", message })));
    return () => abort.abort();
  }, [projectId, source, withReplaysOnly]);
  return state;
}

/** What the drawer shows: the users of `source` (segmentation, funnel or journeys), under a title and detail. */
export interface UserStreamsTarget {
  source: UserStreamsSource;
  title: string;
  detail: string;
}

/** The page's open drawer, if any; a new answer (`answer`) closes it. */
export function useStreamsTarget(answer: unknown) {
  const [target, setTarget] = useState<UserStreamsTarget | null>(null);
  const close = useCallback(() => setTarget(null), []);
  useEffect(close, [answer, close]);
  return { target, open: setTarget, close };
}
