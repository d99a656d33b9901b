/**
 * Wires the SDK to the real browser: storage, timers, rrweb, IndexedDB, fetch (the page's own,
 * captured before the network wrappers go in), console / network / error capture, analytics
 * autocapture, remote settings and the page lifecycle (`pagehide`, hidden tab).
 */

import { AnalyticsQueue } from "./analytics-queue";
import { AnalyticsTracker } from "./analytics-tracker";
import type { AnalyticsTransportOptions } from "./analytics-transport";
import { sendAnalyticsEvents, sendAnalyticsEventsDuringUnload } from "./analytics-transport";
import { NO_SESSION_ID, PAGE_VIEWED } from "./analytics-events";
import { installAutocapture } from "./autocapture";
import { openIndexedDbBatchStore } from "./batch-store";
import type { CaptureSettings } from "./capture-settings";
import { localCaptureSettings, mergeRemoteSettings } from "./capture-settings";
import { installCaptureHooks } from "./capture-hooks";
import { ReelClient } from "./client";
import { createGzip, isGzipAvailable } from "./compression";
import type { ReelConfig } from "./config";
import type { TimerFunctions } from "./delivery-queue";
import { createRandomUuid } from "./identity";
import { pageProperties, visibleTitle } from "./page-properties";
import { PageTracker } from "./page-views";
import type { PrivacyRules } from "./privacy";
import { createPrivacyRules } from "./privacy";
import { startRrwebRecorder } from "./recorder";
import { fetchRemoteSessionReplayConfig, loadSessionReplayConfig, remoteSettingsUrl } from "./remote-settings";
import { openBrowserStorage } from "./storage";
import { createBatchSender, KeepaliveBudget, sendBatchDuringUnload } from "./transport";

/** Unsent replay batches older than this are not sent again. */
const STORED_BATCH_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1_000;
const PAGE_COUNTER_STORAGE_KEY = "reel.page_counter";
/** Activity outside rrweb (for sessions that are not recorded) is noted at most this often. */
const ACTIVITY_NOTE_INTERVAL_MS = 1_000;

export interface RunningClient {
  client: ReelClient;
  track(eventType: string, properties: Record<string, unknown>): void;
  flush(): Promise<void>;
  shutdown(): void;
}

const browserTimers: TimerFunctions = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startBrowserClient(config: ReelConfig): RunningClient {
  const nowMs = (): number => Date.now();
  const pageFetch: typeof fetch = window.fetch.bind(window);
  const storage = openBrowserStorage();
  const keepaliveBudget = new KeepaliveBudget();
  const gzip = createGzip(true);
  const transportOptions = { ingestUrl: config.ingestUrl, apiKey: config.apiKey, compressBatches: config.compressBatches, nowMs, keepaliveBudget, fetchFunction: pageFetch, gzip };
  const client = new ReelClient(config, {
    storage,
    nowMs,
    timers: browserTimers,
    startRecorder: startRrwebRecorder,
    sendBatch: createBatchSender(transportOptions),
    sendBatchDuringUnload: (batch) => sendBatchDuringUnload(batch, transportOptions),
    batchStore: config.persistBatches ? openIndexedDbBatchStore(nowMs, STORED_BATCH_MAX_AGE_MS, config.queueMaxBatches) : null,
  });
  const localSettings = localCaptureSettings(config);
  let rulesFor: CaptureSettings | null = null;
  let rules: PrivacyRules = createPrivacyRules(localSettings.privacy);
  const privacyRules = (): PrivacyRules => {
    const settings = client.currentSettings() ?? localSettings;
    if (settings !== rulesFor) {
      rulesFor = settings;
      rules = createPrivacyRules(settings.privacy);
    }
    return rules;
  };

  const analyticsTransport: AnalyticsTransportOptions = {
    url: config.analyticsUrl,
    apiKey: config.apiKey,
    nowMs,
    keepaliveBudget,
    fetchFunction: pageFetch,
    gzip: config.compressBatches && isGzipAvailable() ? gzip : null,
  };
  const analyticsQueue = new AnalyticsQueue({
    ...config,
    storage,
    timers: browserTimers,
    pageKey: createRandomUuid().slice(0, 8),
    flushIntervalMs: config.analyticsFlushIntervalMs,
    batchMaxEvents: config.analyticsBatchMaxEvents,
    queueMaxEvents: config.analyticsQueueMaxEvents,
    send: (events) => sendAnalyticsEvents(events, analyticsTransport),
    sendDuringUnload: (events) => sendAnalyticsEventsDuringUnload(events, analyticsTransport),
  });
  let pagePropertiesKey = "";
  let pagePropertiesRules: PrivacyRules | null = null;
  let cachedPageProperties: Record<string, unknown> = {};
  const pageTracker = new PageTracker(window, createRandomUuid, () => {
    const sessionId = client.currentSession(true)?.sessionId ?? NO_SESSION_ID;
    const [countedSessionId, count] = (storage.getItem(PAGE_COUNTER_STORAGE_KEY) ?? "0:0").split(":").map(Number);
    const pageCounter = countedSessionId === sessionId ? count + 1 : 1;
    storage.setItem(PAGE_COUNTER_STORAGE_KEY, `${sessionId}:${pageCounter}`);
    tracker?.track(PAGE_VIEWED, { "[Amplitude] Page Counter": pageCounter, "[Amplitude] Page View ID": pageTracker.pageViewId });
  });
  const tracker = config.autocapture
    ? new AnalyticsTracker({
        storage,
        nowMs,
        createUuid: createRandomUuid,
        deviceId: client.getDeviceId(),
        userId: () => client.getUserId(),
        sessionId: (activity) => client.currentSession(activity)?.sessionId ?? NO_SESSION_ID,
        isSessionRecorded: (sessionId) => client.isSessionRecorded(sessionId),
        pageProperties: () => {
          // the same page (URL, title, privacy rules) gives the same properties: computed once
          const rules = privacyRules();
          const key = `${window.location.href}\n${document.title}\n${pageTracker.pageViewId}`;
          if (key !== pagePropertiesKey || rules !== pagePropertiesRules) {
            pagePropertiesKey = key;
            pagePropertiesRules = rules;
            cachedPageProperties = pageProperties(window.location, visibleTitle(document.title, document.querySelector("title"), rules), pageTracker.previous);
          }
          return cachedPageProperties;
        },
        language: navigator.language,
        userAgent: navigator.userAgent,
        send: (event) => analyticsQueue.enqueue(event),
      })
    : null;
  client.onDecision = () => tracker?.releaseWaiting();

  const removeCaptureHooks = installCaptureHooks(window, config, { client, tracker, nowMs, localSettings });
  if (!config.fetchRemoteSettings) {
    client.setLatestSettings(localSettings);
  }
  client.startPage();
  if (config.fetchRemoteSettings) {
    const url = remoteSettingsUrl(config.serverUrl, config.apiKey);
    void loadSessionReplayConfig(storage, () => fetchRemoteSessionReplayConfig(url, pageFetch, config.remoteSettingsTimeoutMs)).then((remote) =>
      client.setLatestSettings(mergeRemoteSettings(localSettings, config.privacyLevel, remote)),
    );
  }
  const removeAutocapture = tracker !== null ? installAutocapture(window, { track: (type, properties) => tracker.track(type, properties), privacyRules, pageViewId: () => pageTracker.pageViewId }) : () => undefined;
  if (tracker !== null) {
    analyticsQueue.adoptUnsentEvents();
    pageTracker.start();
  }
  void client.resendStoredBatches();

  let lastActivityNoteMs = 0;
  const onActivity = (): void => {
    if (nowMs() - lastActivityNoteMs >= ACTIVITY_NOTE_INTERVAL_MS) {
      lastActivityNoteMs = nowMs();
      client.currentSession(true);
    }
  };
  const flushDuringUnload = (): void => {
    client.flushDuringUnload();
    tracker?.saveEventId();
    analyticsQueue.flushDuringUnload();
  };
  const onVisibilityChange = (): void => {
    if (document.visibilityState === "hidden") {
      flushDuringUnload();
    }
  };
  const windowListeners: Array<[string, () => void]> = [
    ["pagehide", flushDuringUnload],
    ["pointerdown", onActivity],
    ["keydown", onActivity],
    ["scroll", onActivity],
  ];
  for (const [type, listener] of windowListeners) {
    window.addEventListener(type, listener, { capture: true, passive: true });
  }
  document.addEventListener("visibilitychange", onVisibilityChange);
  const flushTimer = globalThis.setInterval(() => void client.flushOnTimer(), config.flushIntervalMs);

  return {
    client,
    track: (eventType, properties) => tracker?.track(eventType, properties),
    flush: () => Promise.all([client.flush(), analyticsQueue.flush()]).then(() => undefined),
    shutdown() {
      globalThis.clearInterval(flushTimer);
      for (const [type, listener] of windowListeners) {
        window.removeEventListener(type, listener, { capture: true });
      }
      document.removeEventListener("visibilitychange", onVisibilityChange);
      removeCaptureHooks();
      removeAutocapture();
      pageTracker.stop();
      client.stopRecording();
      flushDuringUnload();
    },
  };
}
