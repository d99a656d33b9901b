/**
 * The recording decision of one session: whether it is recorded and with which settings. It is
 * made once, when the session starts (or when the remote settings arrive for a session that
 * started before them), and stored so that every page of the session follows it.
 */

import type { CaptureSettings } from "./capture-settings";
import type { KeyValueStorage } from "./storage";
import { isSessionInSample } from "./xxhash32";

export const SESSION_DECISION_STORAGE_KEY = "reel.session_decision";

/** What the app asked for this session through `Reel.optIn()` / `Reel.optOut()`. */
export type RecordingOverride = "in" | "out" | null;

export interface SessionDecision {
  sessionId: number;
  record: boolean;
  override: RecordingOverride;
  settings: CaptureSettings;
}

/**
 * Recorded when capture is enabled (locally and remotely) and the session is in the sample, or
 * the app opted it in. Opting in never overrides capture switched off; opting out always wins.
 */
export function decideSession(sessionId: number, settings: CaptureSettings, override: RecordingOverride): SessionDecision {
  const record =
    settings.captureEnabled && override !== "out" && (override === "in" || isSessionInSample(sessionId, settings.sampleRate));
  return { sessionId, record, override, settings };
}

export function loadSessionDecision(storage: KeyValueStorage, sessionId: number): SessionDecision | null {
  try {
    const parsed = JSON.parse(storage.getItem(SESSION_DECISION_STORAGE_KEY) ?? "null") as SessionDecision | null;
    if (parsed !== null && parsed.sessionId === sessionId && typeof parsed.record === "boolean" && parsed.settings) {
      return parsed;
    }
  } catch {
    // unreadable: decide again
  }
  return null;
}

export function storeSessionDecision(storage: KeyValueStorage, decision: SessionDecision): void {
  storage.setItem(SESSION_DECISION_STORAGE_KEY, JSON.stringify(decision));
}
