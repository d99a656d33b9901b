/** Runs a replay search whenever its request changes; the last rows stay on screen (dimmed) while the next page loads. */

import { useEffect, useState } from "react";
import { isNotLoggedIn } from "../api/client";
import type { ReplaySearchAnswer, ReplaySearchRequest } from "../api/replay-search-types";
import { searchSessions } from "../api/replay-search-client";
import { navigate } from "../navigation";

export interface ReplaySearchState {
  answer: ReplaySearchAnswer | null;
  /** True from the render that changes the request until its answer (or refusal) arrives. */
  loading: boolean;
  problem: string | null;
}

interface SettledSearch {
  key: string | null;
  answer: ReplaySearchAnswer | null;
  problem: string | null;
}

/** `requestKey` changes when the request must run again (a new request, or Refresh). */
export function useReplaySearch(request: ReplaySearchRequest, requestKey: string): ReplaySearchState {
  const [settled, setSettled] = useState<SettledSearch>({ key: null, answer: null, problem: null });

  useEffect(() => {
    const abort = new AbortController();
    searchSessions(request, abort.signal)
      .then((answer) => setSettled({ key: requestKey, answer, problem: null }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) {
          return;
        }
        if (isNotLoggedIn(error)) {
          navigate("/login", { replace: true });
          return;
        }
        setSettled({ key: requestKey, answer: null, problem: error instanceof Error ? error.message : String(error) });
      });
    return () => abort.abort();
    // `requestKey` stands for `request`
  }, [requestKey]);

  return { answer: settled.answer, loading: settled.key !== requestKey, problem: settled.problem };
}
