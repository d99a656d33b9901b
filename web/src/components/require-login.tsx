/** Renders its children only for a logged-in user; otherwise goes to /login. */

import type { ReactNode } from "react";
import { useEffect, useState } from "react";
import { fetchCurrentUser, isNotLoggedIn } from "../api/client";
import type { User } from "../api/types";
import { navigate } from "../navigation";

type LoginState = { kind: "checking" } | { kind: "logged-in"; user: User } | { kind: "failed"; message: string };

export function RequireLogin(props: { children: (user: User) => ReactNode }) {
  const [state, setState] = useState<LoginState>({ kind: "checking" });

  useEffect(() => {
    const abort = new AbortController();
    fetchCurrentUser(abort.signal)
      .then((user) => setState({ kind: "logged-in", user }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) {
          return;
        }
        if (isNotLoggedIn(error)) {
          const returnTo = window.location.pathname + window.location.search;
          navigate(returnTo === "/" ? "/login" : `/login?return_to=${encodeURIComponent(returnTo)}`, { replace: true });
          return;
        }
        setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      });
    return () => abort.abort();
  }, []);

  if (state.kind === "checking") {
    return <div className="centered-message muted">Loading…</div>;
  }
  if (state.kind === "failed") {
    return (
      <div className="centered-message">
        <h1>Reel could not reach its server</h1>
        <p className="muted">{state.message}</p>
      </div>
    );
  }
  return <>{props.children(state.user)}</>;
}
