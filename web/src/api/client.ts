/** Calls to the Reel HTTP API. The login cookie travels automatically (same origin). */

import type { Project, RecordingWindowResponse, SessionAnalyticsEvent, SessionDetail, User } from "./types";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** A JSON request with the login cookie; a non-2xx answer throws an `ApiError` with the server's code and message. */
export async function requestJson<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? "http_error", error?.message ?? `${method} ${path} failed with ${response.status}`);
  }
  return parsed as T;
}

export function isNotLoggedIn(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export async function logIn(email: string, password: string): Promise<User> {
  const answer = await requestJson<{ user: User }>("POST", "/api/v1/login", { email, password });
  return answer.user;
}

export async function logOut(): Promise<void> {
  await requestJson<void>("POST", "/api/v1/logout");
}

export async function fetchCurrentUser(signal?: AbortSignal): Promise<User> {
  const answer = await requestJson<{ user: User }>("GET", "/api/v1/me", undefined, signal);
  return answer.user;
}

export async function fetchProjects(signal?: AbortSignal): Promise<Project[]> {
  const answer = await requestJson<{ projects: Project[] }>("GET", "/api/v1/projects", undefined, signal);
  return answer.projects;
}

export function fetchSessionDetail(sessionId: string, signal?: AbortSignal): Promise<SessionDetail> {
  return requestJson<SessionDetail>("GET", `/api/v1/sessions/${encodeURIComponent(sessionId)}`, undefined, signal);
}

function recordingPath(sessionId: string, query: URLSearchParams): string {
  return `/api/v1/sessions/${encodeURIComponent(sessionId)}/recording?${query.toString()}`;
}

/** The events from the last keyframe at or before `atMs` up to `max(atMs, keyframe) + windowMs`. */
export function fetchRecordingAt(sessionId: string, atMs: number, windowMs: number, signal?: AbortSignal): Promise<RecordingWindowResponse> {
  const query = new URLSearchParams({ at_ms: String(Math.round(atMs)), window_ms: String(Math.round(windowMs)) });
  return requestJson<RecordingWindowResponse>("GET", recordingPath(sessionId, query), undefined, signal);
}

/** The events with `fromMs <= timestamp < toMs`; without `fromMs`, from the very first event. */
export function fetchRecordingWindow(
  sessionId: string,
  window: { fromMs: number | null; toMs: number },
  signal?: AbortSignal,
): Promise<RecordingWindowResponse> {
  const query = new URLSearchParams();
  if (window.fromMs !== null) {
    query.set("from_ms", String(Math.round(window.fromMs)));
  }
  query.set("to_ms", String(Math.round(window.toMs)));
  return requestJson<RecordingWindowResponse>("GET", recordingPath(sessionId, query), undefined, signal);
}

/** The session's analytics events, or null when this server has no such endpoint yet (404 `not_found`). */
export async function fetchSessionAnalyticsEvents(sessionId: string, signal?: AbortSignal): Promise<SessionAnalyticsEvent[] | null> {
  try {
    const answer = await requestJson<{ events: SessionAnalyticsEvent[] }>(
      "GET",
      `/api/v1/sessions/${encodeURIComponent(sessionId)}/events`,
      undefined,
      signal,
    );
    return Array.isArray(answer?.events) ? answer.events : [];
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === "not_found") {
      return null;
    }
    throw error;
  }
}
