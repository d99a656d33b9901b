/** One request of a small settings form at a time: sending, the server's refusal, or done. */

import { useCallback, useEffect, useRef, useState } from "react";
import { reportLoadError } from "../analytics/use-segmentation";

export type SubmissionState = { kind: "idle" } | { kind: "sending" } | { kind: "failed"; message: string };

export function useFormSubmission<Result>(onDone: (result: Result) => void) {
  const [state, setState] = useState<SubmissionState>({ kind: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const submit = useCallback(
    (send: (signal: AbortSignal) => Promise<Result>) => {
      abortRef.current?.abort();
      const abort = new AbortController();
      abortRef.current = abort;
      setState({ kind: "sending" });
      send(abort.signal)
        .then((result) => {
          setState({ kind: "idle" });
          onDone(result);
        })
        .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setState({ kind: "failed", message })));
    },
    [onDone],
  );

  const clear = useCallback(() => setState((previous) => (previous.kind === "failed" ? { kind: "idle" } : previous)), []);
  return { state, submit, clear };
}
