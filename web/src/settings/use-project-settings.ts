/** Loads the current project's settings and saves the form's changes (`PATCH`), keeping the server's answer. */

import { useCallback, useEffect, useRef, useState } from "react";
import { fetchProjectWithSettings, updateProjectSettings } from "../api/project-settings-client";
import type { ProjectUpdate, ProjectWithSettings } from "../api/project-settings-types";
import { reportLoadError, useCurrentProject } from "../analytics/use-segmentation";

export type SettingsLoadState = { kind: "loading" } | { kind: "none" } | { kind: "failed"; message: string } | { kind: "loaded"; project: ProjectWithSettings };

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; atMs: number } | { kind: "failed"; message: string };

export function useProjectSettings() {
  const current = useCurrentProject();
  const [load, setLoad] = useState<SettingsLoadState>({ kind: "loading" });
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const saveAbort = useRef<AbortController | null>(null);
  const projectId = current.kind === "loaded" ? current.project.id : null;

  useEffect(() => {
    if (current.kind === "none" || current.kind === "failed") {
      setLoad(current.kind === "none" ? { kind: "none" } : { kind: "failed", message: current.message });
      return undefined;
    }
    if (projectId === null) {
      return undefined;
    }
    const abort = new AbortController();
    fetchProjectWithSettings(projectId, abort.signal)
      .then((project) => setLoad({ kind: "loaded", project }))
      .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setLoad({ kind: "failed", message })));
    return () => abort.abort();
  }, [current, projectId]);

  useEffect(() => () => saveAbort.current?.abort(), []);

  const submit = useCallback(
    (update: ProjectUpdate) => {
      if (projectId === null) {
        return;
      }
      saveAbort.current?.abort();
      const abort = new AbortController();
      saveAbort.current = abort;
      setSave({ kind: "saving" });
      updateProjectSettings(projectId, update, abort.signal)
        .then((project) => {
          setLoad({ kind: "loaded", project });
          setSave({ kind: "saved", atMs: Date.now() });
        })
        .catch((error: unknown) => reportLoadError(error, abort.signal, (message) => setSave({ kind: "failed", message })));
    },
    [projectId],
  );

  /** A sentence of the form's own (e.g. a sample rate out of range), shown like the server's. */
  const fail = useCallback((message: string) => setSave({ kind: "failed", message }), []);
  const clearStatus = useCallback(() => setSave((previous) => (previous.kind === "saving" ? previous : { kind: "idle" })), []);

  return { load, save, submit, fail, clearStatus };
}
