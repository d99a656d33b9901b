/**
 * Reading the project's settings: `GET {serverUrl}/config/{apiKey}?config_group=browser`, as
 * Amplitude's SDKs do (shared/specs/amplitude-compat.md §4). One attempt with a timeout; the last
 * good answer is cached in localStorage and used when the server cannot answer. An answer that is
 * not JSON or has no `configs.sessionReplay` counts as no answer.
 */

import { sessionReplayConfigOf } from "./capture-settings";
import type { KeyValueStorage } from "./storage";

export const REMOTE_SETTINGS_STORAGE_KEY = "reel.remote_settings";

export function remoteSettingsUrl(serverUrl: string, apiKey: string): string {
  return `${serverUrl}/config/${encodeURIComponent(apiKey)}?config_group=browser`;
}

/** The `configs.sessionReplay` object the server answered with, or null. */
export async function fetchRemoteSessionReplayConfig(
  url: string,
  fetchFunction: typeof fetch,
  timeoutMs: number,
): Promise<Record<string, unknown> | null> {
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), timeoutMs);
  try {
    const response = await fetchFunction(url, { signal: controller?.signal, credentials: "omit" });
    return response.ok ? sessionReplayConfigOf(await response.json()) : null;
  } catch {
    return null; // network error, timeout, or not JSON
  } finally {
    clearTimeout(timer);
  }
}

export function loadCachedSessionReplayConfig(storage: KeyValueStorage): Record<string, unknown> | null {
  try {
    return sessionReplayConfigOf({ configs: { sessionReplay: JSON.parse(storage.getItem(REMOTE_SETTINGS_STORAGE_KEY) ?? "null") } });
  } catch {
    return null;
  }
}

/** The fresh remote config (cached for later pages), else the cached one, else null. */
export async function loadSessionReplayConfig(
  storage: KeyValueStorage,
  fetchConfig: () => Promise<Record<string, unknown> | null>,
): Promise<Record<string, unknown> | null> {
  const fresh = await fetchConfig();
  if (fresh !== null) {
    storage.setItem(REMOTE_SETTINGS_STORAGE_KEY, JSON.stringify(fresh));
    return fresh;
  }
  return loadCachedSessionReplayConfig(storage);
}
