/** Loads the Microscope's users for one chart point; a change of request or filter aborts the last load. */

import { useEffect, useState } from "react";
import { fetchSegmentationUsers } from "../api/analytics-client";
import type { MicroscopeRequest, MicroscopeResult } from "../api/microscope-types";
import { reportLoadError } from "./use-segmentation";

export type UserStreamsState = { kind: "loading" } | { kind: "loaded"; result: MicroscopeResult } | { kind: "failed"; message: string };

export function useUserStreams(projectId: number, request: MicroscopeRequest, withReplaysOnly: boolean): UserStreamsState {
  const [state, setState] = useState<UserStreamsState>({ kind: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: "loading" });
    fetchSegmentationUsers(projectId, { ...request, with_replays_only: withReplaysOnly }, abort.signal)
      .then((result) => setState({ kind: "loaded", result }))
      .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setState({ kind: "failed", message })));
    return () => abort.abort();
  }, [projectId, request, withReplaysOnly]);
  return state;
}
