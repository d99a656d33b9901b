/** Calls for the Session Replays list: the search and the cohorts (docs/replay-search-api.md). */

import { requestJson } from "./client";
import type { Cohort, CohortDefinition, ReplaySearchAnswer, ReplaySearchRequest } from "./replay-search-types";

/** One page of replays; a 400 names the field the server refused. */
export function searchSessions(request: ReplaySearchRequest, signal?: AbortSignal): Promise<ReplaySearchAnswer> {
  return requestJson<ReplaySearchAnswer>("POST", "/api/v1/sessions/search", request, signal);
}

function cohortsPath(projectId: number): string {
  return `/api/v1/projects/${encodeURIComponent(String(projectId))}/cohorts`;
}

export async function fetchCohorts(projectId: number, signal?: AbortSignal): Promise<Cohort[]> {
  const answer = await requestJson<{ cohorts: Cohort[] }>("GET", cohortsPath(projectId), undefined, signal);
  return answer.cohorts;
}

export async function createCohort(projectId: number, name: string, definition: CohortDefinition): Promise<Cohort> {
  const answer = await requestJson<{ cohort: Cohort }>("POST", cohortsPath(projectId), { name, definition });
  return answer.cohort;
}
