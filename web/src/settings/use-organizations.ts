/** The logged-in user's organizations with their projects, re-read after every change. */

import { useCallback, useEffect, useState } from "react";
import { fetchOrganizations } from "../api/organizations-client";
import type { Organization } from "../api/organizations-types";
import { reportLoadError } from "../analytics/use-segmentation";

export type OrganizationsLoadState = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "loaded"; organizations: Organization[] };

export function useOrganizations() {
  const [load, setLoad] = useState<OrganizationsLoadState>({ kind: "loading" });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    fetchOrganizations(abort.signal)
      .then((organizations) => setLoad({ kind: "loaded", organizations }))
      .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setLoad({ kind: "failed", message })));
    return () => abort.abort();
  }, [version]);

  /** Reads the list again (the shown one stays until the answer arrives). */
  const reload = useCallback(() => setVersion((previous) => previous + 1), []);
  return { load, reload };
}
