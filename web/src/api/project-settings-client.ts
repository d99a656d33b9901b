/** Reads and changes a project's replay settings and retention. */

import { requestJson } from "./client";
import type { ProjectUpdate, ProjectWithSettings } from "./project-settings-types";

function projectPath(projectId: number): string {
  return `/api/v1/projects/${encodeURIComponent(String(projectId))}`;
}

export async function fetchProjectWithSettings(projectId: number, signal?: AbortSignal): Promise<ProjectWithSettings> {
  const answer = await requestJson<{ project: ProjectWithSettings }>("GET", projectPath(projectId), undefined, signal);
  return answer.project;
}

/** A 400 carries the server's sentence naming the refused field. */
export async function updateProjectSettings(projectId: number, update: ProjectUpdate, signal?: AbortSignal): Promise<ProjectWithSettings> {
  const answer = await requestJson<{ project: ProjectWithSettings }>("PATCH", projectPath(projectId), update, signal);
  return answer.project;
}
