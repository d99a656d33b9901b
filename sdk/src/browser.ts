/** Wires a ReelClient to the real browser: storage, timers, rrweb, fetch, page lifecycle events. */

import { ReelClient } from "./client";
import type { ReelConfig } from "./config";
import type { TimerFunctions } from "./delivery-queue";
import { startRrwebRecorder } from "./recorder";
import { listenForRuntimeErrors } from "./runtime-errors";
import { openBrowserStorage } from "./storage";
import { createBatchSender, KeepaliveBudget, sendBatchDuringUnload } from "./transport";

export interface RunningClient {
  client: ReelClient;
  shutdown(): void;
}

const browserTimers: TimerFunctions = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startBrowserClient(config: ReelConfig): RunningClient {
  const nowMs = (): number => Date.now();
  const transportOptions = {
    ingestUrl: config.ingestUrl,
    apiKey: config.apiKey,
    compressBatches: config.compressBatches,
    nowMs,
    keepaliveBudget: new KeepaliveBudget(),
  };
  const client = new ReelClient(config, {
    storage: openBrowserStorage(),
    nowMs,
    timers: browserTimers,
    startRecorder: (emit) => startRrwebRecorder({ maskAllInputs: config.maskAllInputs, emit }),
    sendBatch: createBatchSender(transportOptions),
    sendBatchDuringUnload: (batch) => sendBatchDuringUnload(batch, transportOptions),
  });

  const onPageHide = (): void => client.flushDuringUnload();
  const onVisibilityChange = (): void => {
    if (document.visibilityState === "hidden") {
      client.flushDuringUnload();
    }
  };
  window.addEventListener("pagehide", onPageHide);
  document.addEventListener("visibilitychange", onVisibilityChange);
  const stopListeningForErrors = listenForRuntimeErrors(window, (payload) => client.reportRuntimeError(payload));
  const flushTimer = globalThis.setInterval(() => {
    void client.flushOnTimer();
  }, config.flushIntervalMs);

  client.startRecording();

  return {
    client,
    shutdown() {
      globalThis.clearInterval(flushTimer);
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibilityChange);
      stopListeningForErrors();
      client.stopRecording();
      client.flushDuringUnload();
    },
  };
}
