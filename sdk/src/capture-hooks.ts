/**
 * Console, network and runtime-error capture, wired to both outputs: the recording (console
 * plugin events, `fetch-request` and `reel.error` custom events, when the session's settings
 * allow them; `reel.request_started` and `reel.window_open` hints always) and analytics
 * (`[Amplitude] Network Request`, `[Reel] Runtime Error`).
 */

import type { AnalyticsTracker } from "./analytics-tracker";
import {
  NETWORK_REQUEST,
  networkRequestProperties,
  networkRequestRecordingPayload,
  RUNTIME_ERROR,
  runtimeErrorProperties,
} from "./analytics-events";
import type { CaptureSettings } from "./capture-settings";
import type { ReelClient } from "./client";
import type { ReelConfig } from "./config";
import type { RecordedEvent } from "./events";
import { CONSOLE_PLUGIN_NAME, installConsoleCapture } from "./console-capture";
import { installNetworkCapture } from "./network-capture";
import { ERROR_EVENT_TAG, listenForRuntimeErrors } from "./runtime-errors";

export const NETWORK_EVENT_TAG = "fetch-request";
/** Reactions the DOM does not show (docs/analytics-api.md): a request started, a window opened. */
export const REQUEST_STARTED_TAG = "reel.request_started";
export const WINDOW_OPEN_TAG = "reel.window_open";
const EVENT_TYPE_CUSTOM = 5;
const EVENT_TYPE_PLUGIN = 6;

export interface CaptureHookTargets {
  client: ReelClient;
  tracker: AnalyticsTracker | null;
  nowMs: () => number;
  localSettings: CaptureSettings;
}

export function installCaptureHooks(target: Window & typeof globalThis, config: ReelConfig, targets: CaptureHookTargets): () => void {
  const { client, tracker, nowMs } = targets;
  const customEvent = (tag: string, payload: unknown): RecordedEvent => ({ type: EVENT_TYPE_CUSTOM, timestamp: nowMs(), data: { tag, payload } });
  const allowsConsoleLevel = (level: string) => (settings: CaptureSettings) => settings.consoleEnabled && settings.consoleLevels.includes(level);
  const allowsNetwork = (settings: CaptureSettings): boolean => settings.networkEnabled;

  const removeConsoleCapture = installConsoleCapture(
    target.console,
    (level) => client.wantsExtra(allowsConsoleLevel(level)),
    (entry) =>
      client.recordExtra(
        { type: EVENT_TYPE_PLUGIN, timestamp: nowMs(), data: { plugin: CONSOLE_PLUGIN_NAME, payload: entry } },
        allowsConsoleLevel(entry.level),
      ),
  );
  const removeNetworkCapture = installNetworkCapture(target, {
    nowMs,
    isEnabled: () => (client.currentSettings() ?? targets.localSettings).networkEnabled,
    isIgnored: (absoluteUrl) => absoluteUrl.startsWith(`${config.serverUrl}/`),
    headerAllowlist: config.networkHeaderAllowlist,
    bodyUrlAllowlist: config.networkBodyUrlAllowlist,
    bodyMaxBytes: config.networkBodyMaxBytes,
    captureQuery: config.networkCaptureQuery,
    report: (record) => {
      client.recordExtra(customEvent(NETWORK_EVENT_TAG, networkRequestRecordingPayload(record)), allowsNetwork);
      tracker?.track(NETWORK_REQUEST, networkRequestProperties(record), false);
    },
    started: (method) => client.recordExtra(customEvent(REQUEST_STARTED_TAG, { method }), undefined, false),
  });
  const originalOpen = target.open;
  target.open = function openWithHint(this: Window, ...values: Parameters<Window["open"]>): Window | null {
    client.recordExtra(customEvent(WINDOW_OPEN_TAG, {}), undefined, false);
    return originalOpen.apply(this, values);
  };
  const stopListeningForErrors = listenForRuntimeErrors(target, (payload) => {
    client.recordExtra(customEvent(ERROR_EVENT_TAG, payload));
    tracker?.track(RUNTIME_ERROR, runtimeErrorProperties(payload), false);
  });
  return () => {
    target.open = originalOpen;
    removeConsoleCapture();
    removeNetworkCapture();
    stopListeningForErrors();
  };
}
