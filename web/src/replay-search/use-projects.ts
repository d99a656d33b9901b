/** The projects the logged-in user may read (GET /api/v1/projects), and their names by id. */

import { useEffect, useMemo, useState } from "react";
import { fetchProjects } from "../api/client";
import type { Project } from "../api/types";

const NO_PROJECTS: Project[] = [];

export function useProjects(): { projects: Project[]; names: ReadonlyMap<number, string> } {
  const [projects, setProjects] = useState<Project[]>(NO_PROJECTS);
  useEffect(() => {
    const abort = new AbortController();
    fetchProjects(abort.signal)
      .then(setProjects)
      .catch(() => {
        // the list still shows, with project ids for names
      });
    return () => abort.abort();
  }, []);
  const names = useMemo(() => new Map(projects.map((project) => [project.id, project.name])), [projects]);
  return { projects, names };
}
