/**
 * The public API of the Reel SDK. As a script tag it is the global `Reel`:
 *
 *   Reel.init({ apiKey: "…", serverUrl: "https://reel.example.com" });
 *   Reel.setUserId("alice@example.com");
 */

import type { RunningClient } from "./browser";
import { startBrowserClient } from "./browser";
import type { ReelInitOptions } from "./config";
import { resolveConfig } from "./config";

export type { ReelInitOptions } from "./config";

let running: RunningClient | null = null;

/** Starts recording. Calling it again while running does nothing (and warns). */
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

/** Attaches later batches to `userId`; null clears it. Persists across page loads. */
export function setUserId(userId: string | null): void {
  if (running === null) {
    throw new Error("reel: call init before setUserId");
  }
  running.client.setUserId(userId);
}

/** Sends everything recorded so far; resolves when the server has it or a retry is pending. */
export function flush(): Promise<void> {
  return running === null ? Promise.resolve() : running.client.flush();
}

/** The current session's id (its start in epoch ms), or null. */
export function getSessionId(): number | null {
  return running === null ? null : running.client.getSessionId();
}

/** This browser's device id, or null before init. */
export function getDeviceId(): string | null {
  return running === null ? null : running.client.getDeviceId();
}

/** Stops recording and sends what is left. `init` may be called again afterwards. */
export function shutdown(): void {
  running?.shutdown();
  running = null;
}
