/**
 * Builds analytics events: the fields every event carries (§3.1 of the spec), page enrichment,
 * and `[Amplitude] Session Replay ID` when the event's session is recorded. An event whose
 * session has no recording decision yet (the remote settings are still on their way) waits,
 * in order, until it has one.
 */

import type { AnalyticsEvent } from "./analytics-events";
import { NO_SESSION_ID, SESSION_REPLAY_ID_PROPERTY, sessionReplayId } from "./analytics-events";
import type { KeyValueStorage } from "./storage";
import { LIBRARY_NAME } from "./version";

export const LAST_EVENT_ID_STORAGE_KEY = "reel.last_event_id";
/** The event id counter is written to storage every this many events, and at unload. */
const EVENT_ID_WRITE_EVERY = 10;
/** Events waiting for their session's decision; past this, they go without a replay id. */
const WAITING_EVENTS_MAX = 200;

export interface AnalyticsTrackerDependencies {
  storage: KeyValueStorage;
  nowMs: () => number;
  createUuid: () => string;
  deviceId: string;
  userId: () => string | null;
  /** The live session's id (`activity` starts or extends one), or NO_SESSION_ID. */
  sessionId: (activity: boolean) => number;
  /** Whether the session is recorded; undefined while its decision is pending. */
  isSessionRecorded: (sessionId: number) => boolean | undefined;
  pageProperties: () => Record<string, unknown>;
  language: string;
  userAgent: string;
  send: (event: AnalyticsEvent) => void;
}

export class AnalyticsTracker {
  readonly #dependencies: AnalyticsTrackerDependencies;
  readonly #waiting: AnalyticsEvent[] = [];
  #lastEventId: number;

  constructor(dependencies: AnalyticsTrackerDependencies) {
    this.#dependencies = dependencies;
    const stored = Number(dependencies.storage.getItem(LAST_EVENT_ID_STORAGE_KEY));
    this.#lastEventId = Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
  }

  /** Builds and sends one event. `activity`: a person did this (it keeps the session alive). */
  track(eventType: string, properties: Record<string, unknown>, activity = true): AnalyticsEvent {
    const dependencies = this.#dependencies;
    const sessionId = dependencies.sessionId(activity);
    this.#lastEventId += 1;
    if (this.#lastEventId % EVENT_ID_WRITE_EVERY === 0) {
      this.saveEventId();
    }
    const userId = dependencies.userId();
    const event: AnalyticsEvent = {
      event_type: eventType,
      device_id: dependencies.deviceId,
      ...(userId !== null ? { user_id: userId } : {}),
      session_id: sessionId,
      time: dependencies.nowMs(),
      insert_id: dependencies.createUuid(),
      event_id: this.#lastEventId,
      library: LIBRARY_NAME,
      platform: "Web",
      language: dependencies.language,
      ip: "$remote",
      user_agent: dependencies.userAgent,
      event_properties: { ...properties, ...dependencies.pageProperties() },
    };
    const undecided = sessionId !== NO_SESSION_ID && dependencies.isSessionRecorded(sessionId) === undefined;
    if (this.#waiting.length > 0 || undecided) {
      this.#waiting.push(event);
      if (this.#waiting.length > WAITING_EVENTS_MAX) {
        this.releaseWaiting(true);
      }
    } else {
      this.#release(event);
    }
    return event;
  }

  /** Writes the event id counter, so the next page continues it (called at unload). */
  saveEventId(): void {
    this.#dependencies.storage.setItem(LAST_EVENT_ID_STORAGE_KEY, String(this.#lastEventId));
  }

  /** Sends the waiting events whose sessions are decided now (all of them when `force`). */
  releaseWaiting(force = false): void {
    while (this.#waiting.length > 0) {
      const sessionId = this.#waiting[0].session_id;
      if (!force && sessionId !== NO_SESSION_ID && this.#dependencies.isSessionRecorded(sessionId) === undefined) {
        return;
      }
      this.#release(this.#waiting.shift() as AnalyticsEvent);
    }
  }

  #release(event: AnalyticsEvent): void {
    if (event.session_id !== NO_SESSION_ID && this.#dependencies.isSessionRecorded(event.session_id) === true) {
      event.event_properties[SESSION_REPLAY_ID_PROPERTY] = sessionReplayId(event.device_id, event.session_id);
    }
    this.#dependencies.send(event);
  }
}
