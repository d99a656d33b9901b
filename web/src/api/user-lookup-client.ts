/** Calls to User Lookup: search users, then open one's profile and event stream. */

import { requestJson } from "./client";
import type { UserMatch, UserProfileAnswer, UserSearchRequest } from "./user-lookup-types";

function usersPath(projectId: number, endpoint: "search" | "profile", query: URLSearchParams): string {
  return `/api/v1/projects/${encodeURIComponent(String(projectId))}/users/${endpoint}?${query.toString()}`;
}

/** At most 50 users; a 400 names what is wrong (e.g. `property` missing). */
export async function searchUsers(projectId: number, request: UserSearchRequest, signal?: AbortSignal): Promise<UserMatch[]> {
  const query = new URLSearchParams({ query: request.query, by: request.by });
  if (request.by === "user_property") {
    query.set("property", request.property ?? "");
  }
  const answer = await requestJson<{ users: UserMatch[] }>("GET", usersPath(projectId, "search", query), undefined, signal);
  return Array.isArray(answer?.users) ? answer.users : [];
}

export function fetchUserProfile(projectId: number, userKey: string, signal?: AbortSignal): Promise<UserProfileAnswer> {
  return requestJson<UserProfileAnswer>("GET", usersPath(projectId, "profile", new URLSearchParams({ user_key: userKey })), undefined, signal);
}
