/**
 * The current project, for the pages that show one project (charts, User
 * Lookup, settings, the SDK panel): chosen in the header when the user may
 * access several, kept in localStorage, the first project by default.
 */

import { useEffect, useState } from "react";
import { fetchProjects } from "../api/client";
import type { Project } from "../api/types";

const CURRENT_PROJECT_STORAGE_KEY = "reel.current_project_id";

export function storedCurrentProjectId(): number | null {
  try {
    const text = window.localStorage.getItem(CURRENT_PROJECT_STORAGE_KEY);
    const id = text === null ? Number.NaN : Number(text);
    return Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/** The stored project if the user may still access it, else the first. */
export function pickCurrentProject(projects: readonly Project[], storedId: number | null): Project | undefined {
  return projects.find((project) => project.id === storedId) ?? projects[0];
}

function projectLabel(project: Project): string {
  return project.organization_name ? `${project.organization_name} / ${project.name}` : project.name;
}

export function ProjectSwitcher() {
  const [projects, setProjects] = useState<Project[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    fetchProjects(abort.signal)
      .then(setProjects)
      .catch(() => setProjects([]));
    return () => abort.abort();
  }, []);
  if (projects.length < 2) {
    return null;
  }
  const current = pickCurrentProject(projects, storedCurrentProjectId());
  const choose = (id: string) => {
    window.localStorage.setItem(CURRENT_PROJECT_STORAGE_KEY, id);
    // Every page reads the current project when it loads.
    window.location.reload();
  };
  return (
    <label className="project-switcher small" title="The project charts, User Lookup and settings show">
      <select
        aria-label="Current project"
        data-testid="current-project"
        value={current?.id ?? ""}
        onChange={(event) => choose(event.target.value)}
      >
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {projectLabel(project)}
          </option>
        ))}
      </select>
    </label>
  );
}
