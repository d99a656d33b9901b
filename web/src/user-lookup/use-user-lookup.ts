/** Loads the users matching a search and the profile of the chosen one; a newer request aborts the last. */

import { useEffect, useState } from "react";
import { fetchUserProfile, searchUsers } from "../api/user-lookup-client";
import type { UserMatch, UserProfileAnswer, UserSearchRequest } from "../api/user-lookup-types";
import { reportLoadError } from "../analytics/use-segmentation";

export type LoadState<Value> = { kind: "idle" } | { kind: "loading" } | { kind: "loaded"; value: Value } | { kind: "failed"; message: string };

function useLoad<Value>(load: ((signal: AbortSignal) => Promise<Value>) | null, key: string): LoadState<Value> {
  const [state, setState] = useState<LoadState<Value>>({ kind: "idle" });
  useEffect(() => {
    if (load === null) {
      setState({ kind: "idle" });
      return undefined;
    }
    const abort = new AbortController();
    setState({ kind: "loading" });
    load(abort.signal)
      .then((value) => setState({ kind: "loaded", value }))
      .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setState({ kind: "failed", message })));
    return () => abort.abort();
    // `key` names the request; `load` is a new closure on every render.
  }, [key]);
  return state;
}

export function useUserSearch(projectId: number | null, search: UserSearchRequest | null): LoadState<UserMatch[]> {
  const ready = projectId !== null && search !== null;
  const key = ready ? JSON.stringify([projectId, search.query, search.by, search.property ?? ""]) : "";
  return useLoad(ready ? (signal) => searchUsers(projectId, search, signal) : null, key);
}

export function useUserProfile(projectId: number | null, userKey: string | null): LoadState<UserProfileAnswer> {
  const ready = projectId !== null && userKey !== null;
  const key = ready ? JSON.stringify([projectId, userKey]) : "";
  return useLoad(ready ? (signal) => fetchUserProfile(projectId, userKey, signal) : null, key);
}
