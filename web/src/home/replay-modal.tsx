/** The replay player in a modal dialog (the replay page's player); Escape or the close button closes it. */

import { useEffect, useRef, useState } from "react";
import { fetchSessionDetail } from "../api/client";
import type { SessionDetail } from "../api/types";
import { Link } from "../navigation";
import { ReplayPlayer } from "../player/replay-player";

type ModalState = { kind: "loading" } | { kind: "loaded"; detail: SessionDetail } | { kind: "failed"; message: string };

export function ReplayModal(props: { sessionId: string; title: string; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const [state, setState] = useState<ModalState>({ kind: "loading" });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) {
      dialog.showModal();
    }
    // No close() on cleanup: its close event would end the next mount too; unmounting removes the dialog.
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    fetchSessionDetail(props.sessionId, abort.signal)
      .then((detail) => setState({ kind: "loaded", detail }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => abort.abort();
  }, [props.sessionId]);

  return (
    // The native dialog closes itself on Escape; its close event tells the page.
    <dialog ref={dialogRef} className="replay-modal" aria-label={`Replay of ${props.title}`} data-testid="replay-modal" onClose={props.onClose}>
      <div className="replay-modal-heading">
        <div>
          <h2>{props.title}</h2>
          <Link href={`/replays/${encodeURIComponent(props.sessionId)}`} className="small" data-testid="open-replay-page">
            Open on its own page
          </Link>
        </div>
        <button type="button" className="button-quiet replay-modal-close" aria-label="Close replay" data-testid="close-replay-modal" onClick={() => dialogRef.current?.close()}>
          ✕
        </button>
      </div>
      {state.kind === "loading" && <p className="muted">Loading session…</p>}
      {state.kind === "failed" && <p className="error-text">Could not load the session: {state.message}</p>}
      {state.kind === "loaded" && <ReplayPlayer detail={state.detail} startOffsetMs={null} />}
    </dialog>
  );
}
