/** The project's API key and the two lines that add the SDK to a site. */

import { useEffect, useState } from "react";
import { fetchProjects } from "../api/client";
import type { Project } from "../api/types";
import { pickCurrentProject, storedCurrentProjectId } from "./project-switcher";

export function buildSdkSnippet(origin: string, apiKey: string): string {
  return [
    `<script src="${origin}/sdk/reel.js"></script>`,
    "<script>",
    `  Reel.init({ apiKey: "${apiKey}", serverUrl: "${origin}" });`,
    "</script>",
  ].join("\n");
}

export function SdkSetupPanel() {
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    fetchProjects(abort.signal)
      .then(setProjects)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) {
          setLoadError(error instanceof Error ? error.message : String(error));
        }
      });
    return () => abort.abort();
  }, []);

  const project = projects === null ? null : (pickCurrentProject(projects, storedCurrentProjectId()) ?? null);
  const snippet = project === null ? "" : buildSdkSnippet(window.location.origin, project.api_key);
  const copySnippet = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1_500);
    } catch {
      setCopied(false);
    }
  };

  return (
    <aside className="side-panel" data-testid="sdk-setup">
      <h2>Add the SDK</h2>
      {loadError !== null && <p className="error-text">Could not load the project: {loadError}</p>}
      {projects !== null && project === null && <p className="muted">No project exists yet.</p>}
      {project !== null && (
        <>
          <p className="muted">
            Project <strong>{project.name}</strong>. Paste this before <code>&lt;/head&gt;</code> on every page:
          </p>
          <pre className="code-block" data-testid="sdk-snippet">
            {snippet}
          </pre>
          <button type="button" className="button-secondary" onClick={() => void copySnippet()}>
            {copied ? "Copied" : "Copy snippet"}
          </button>
          <dl className="key-list">
            <dt>API key</dt>
            <dd>
              <code data-testid="api-key">{project.api_key}</code>
            </dd>
          </dl>
          <p className="muted small">
            The key can only send recordings; it cannot read anything. Call <code>Reel.setUserId(id)</code> after sign-in
            to name the user.
          </p>
        </>
      )}
      <p className="muted small">
        Want data now? Browse the <a href="/demo/">demo shop</a>; it records itself.
      </p>
    </aside>
  );
}
