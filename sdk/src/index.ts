/**
 * The public API of the Reel SDK. As a script tag it is the global `Reel`:
 *
 *   Reel.init({ apiKey: "…", serverUrl: "https://reel.example.com" });
 *   Reel.setUserId("alice@example.com");
 *   Reel.optOut(); // stop recording this session (analytics events continue)
 */

import type { RunningClient } from "./browser";
import { startBrowserClient } from "./browser";
import type { ReelInitOptions } from "./config";
import { resolveConfig } from "./config";

export type { ReelInitOptions } from "./config";

let running: RunningClient | null = null;

function requireRunning(caller: string): RunningClient {
  if (running === null) {
    throw new Error(`reel: call init before ${caller}`);
  }
  return running;
}

/** Starts the SDK. Calling it again while running does nothing (and warns). */
export function init(options: ReelInitOptions): void {
  if (running !== null) {
    console.warn("reel: init was called more than once; the first configuration stays");
    return;
  }
  if (typeof window === "undefined" || typeof document === "undefined") {
    return; // server-side rendering: nothing to record
  }
  running = startBrowserClient(resolveConfig(options));
}

/** Attaches later batches and events to `userId`; null clears it. Persists across page loads. */
export function setUserId(userId: string | null): void {
  requireRunning("setUserId").client.setUserId(userId);
}

/** Sends an analytics event of your own, with the same fields and page properties as autocaptured ones. */
export function track(eventType: string, properties: Record<string, unknown> = {}): void {
  requireRunning("track").track(String(eventType), properties);
}

/**
 * Records the current session (the rest of it, on every page) whatever the sample rate. It does
 * not override capture switched off in code (`recordReplays: false`) or in the project settings.
 */
export function optIn(): void {
  requireRunning("optIn").client.optIn();
}

/** Stops recording the current session, for the rest of it. Analytics events continue. */
export function optOut(): void {
  requireRunning("optOut").client.optOut();
}

/** Sends everything recorded so far; resolves when the server has it or a retry is pending. */
export function flush(): Promise<void> {
  return running === null ? Promise.resolve() : running.flush();
}

/** The current session's id (its start in epoch ms), or null. */
export function getSessionId(): number | null {
  return running === null ? null : running.client.getSessionId();
}

/** This browser's device id, or null before init. */
export function getDeviceId(): string | null {
  return running === null ? null : running.client.getDeviceId();
}

/** Whether the current session is being recorded (null while its remote settings are on their way, or before init). */
export function isRecording(): boolean | null {
  const sessionId = getSessionId();
  return running === null || sessionId === null ? null : (running.client.isSessionRecorded(sessionId) ?? null);
}

/** Stops recording and sends what is left. `init` may be called again afterwards. */
export function shutdown(): void {
  running?.shutdown();
  running = null;
}
