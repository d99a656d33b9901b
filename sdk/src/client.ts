/**
 * ReelClient ties the pieces together: rrweb events flow into the current session's event group;
 * full groups and periodic flushes become batches (one sequence number each); batches go to the
 * delivery queue; when the page is hidden or unloads, what is left goes out through keepalive
 * requests or beacons. Every browser dependency is injected so tests run without a browser.
 */

import type { Batch } from "./batch";
import { EventGroupBuilder, splitEventsIntoGroups } from "./batch";
import type { ReelConfig } from "./config";
import { normalizeUserId } from "./config";
import type { BatchSender, TimerFunctions } from "./delivery-queue";
import { DeliveryQueue } from "./delivery-queue";
import type { RecordedEvent } from "./events";
import { EVENT_TYPE_FULL_SNAPSHOT, EVENT_TYPE_META, eventByteLength, isUserActivityEvent } from "./events";
import { loadOrCreateDeviceId, loadUserId, storeUserId } from "./identity";
import type { Recorder } from "./recorder";
import type { RuntimeErrorPayload } from "./runtime-errors";
import { ERROR_EVENT_TAG } from "./runtime-errors";
import { SessionTracker } from "./session";
import type { KeyValueStorage } from "./storage";

/** Errors that happen before rrweb starts recording wait here, at most this many. */
const PENDING_ERRORS_MAX = 20;

export interface ClientDependencies {
  storage: KeyValueStorage;
  nowMs: () => number;
  timers: TimerFunctions;
  startRecorder: (emit: (event: RecordedEvent) => void) => Recorder;
  sendBatch: BatchSender;
  /** Sends synchronously while the page goes away; false when the batch could not be handed over. */
  sendBatchDuringUnload: (batch: Batch) => boolean;
  createUuid?: () => string;
  random?: () => number;
}

export class ReelClient {
  readonly queue: DeliveryQueue;
  private readonly config: ReelConfig;
  private readonly dependencies: ClientDependencies;
  private readonly sessions: SessionTracker;
  private readonly deviceId: string;
  private userId: string | null;
  private readonly groupBuilder: EventGroupBuilder;
  /** The session the events in `groupBuilder` belong to. */
  private groupSessionId: number | null = null;
  private recorder: Recorder | null = null;
  private isTakingFullSnapshot = false;
  private hasFullSnapshot = false;
  private pendingErrors: RuntimeErrorPayload[] = [];

  constructor(config: ReelConfig, dependencies: ClientDependencies) {
    this.config = config;
    this.dependencies = dependencies;
    this.sessions = new SessionTracker(dependencies.storage, config.sessionIdleTimeoutMs);
    this.deviceId = loadOrCreateDeviceId(dependencies.storage, dependencies.createUuid);
    this.userId = config.userId ?? loadUserId(dependencies.storage);
    if (config.userId !== null) {
      storeUserId(dependencies.storage, config.userId);
    }
    this.groupBuilder = new EventGroupBuilder({ maxBytes: config.batchMaxBytes, maxEvents: config.batchMaxEvents });
    this.queue = new DeliveryQueue({
      send: dependencies.sendBatch,
      policy: config,
      queueMaxBatches: config.queueMaxBatches,
      timers: dependencies.timers,
      random: dependencies.random,
    });
  }

  startRecording(): void {
    if (this.recorder === null) {
      this.recorder = this.dependencies.startRecorder((event) => this.handleRecordedEvent(event));
    }
  }

  stopRecording(): void {
    this.recorder?.stop();
    this.recorder = null;
  }

  getDeviceId(): string {
    return this.deviceId;
  }

  /** The live session's id, or null when none is live (before the first event or after the idle timeout). */
  getSessionId(): number | null {
    return this.sessions.activeSession(this.dependencies.nowMs())?.sessionId ?? null;
  }

  setUserId(userId: unknown): void {
    const normalized = normalizeUserId(userId);
    if (normalized === this.userId) {
      return;
    }
    this.sealGroup(); // events so far were recorded for the previous user
    this.userId = normalized;
    storeUserId(this.dependencies.storage, normalized);
  }

  /** Entry point of every rrweb event. */
  handleRecordedEvent(event: RecordedEvent): void {
    const nowMs = this.dependencies.nowMs();
    const isActivity = isUserActivityEvent(event);
    let session = this.sessions.activeSession(nowMs);
    let eventToStore = event;
    if (session === null) {
      if (!isActivity) {
        return; // nobody is using the page: nothing worth replaying until someone comes back
      }
      session = this.sessions.startNewSession(nowMs);
      if (event.type !== EVENT_TYPE_META && !this.isTakingFullSnapshot) {
        // a session must begin with a full snapshot; the activity follows it in time
        this.takeFullSnapshotForNewSession();
        eventToStore = { ...event, timestamp: Math.max(event.timestamp, nowMs) };
      }
    } else if (isActivity) {
      session = this.sessions.recordActivity(session, nowMs);
    }
    if (this.groupSessionId !== null && this.groupSessionId !== session.sessionId) {
      this.sealGroup();
    }
    this.groupSessionId = session.sessionId;
    const closedGroup = this.groupBuilder.add(eventToStore, eventByteLength(eventToStore));
    if (closedGroup !== null) {
      this.enqueueGroup(session.sessionId, closedGroup);
      void this.queue.drain();
    }
    if (event.type === EVENT_TYPE_FULL_SNAPSHOT && !this.hasFullSnapshot) {
      this.hasFullSnapshot = true;
      // rrweb accepts custom events only once its first snapshot call has returned
      this.dependencies.timers.setTimeout(() => this.reportPendingErrors(), 0);
    }
  }

  reportRuntimeError(payload: RuntimeErrorPayload): void {
    if (this.recorder === null || !this.hasFullSnapshot) {
      if (this.pendingErrors.length < PENDING_ERRORS_MAX) {
        this.pendingErrors.push(payload);
      }
      return;
    }
    try {
      this.recorder.addCustomEvent(ERROR_EVENT_TAG, payload);
    } catch {
      if (this.pendingErrors.length < PENDING_ERRORS_MAX) {
        this.pendingErrors.push(payload);
      }
    }
  }

  /** Periodic flush: turns buffered events into a batch and sends what is due. */
  flushOnTimer(): Promise<void> {
    this.sealGroup();
    return this.queue.drain();
  }

  /** Explicit flush: also retries a batch that waits for its backoff. */
  flush(): Promise<void> {
    this.sealGroup();
    return this.queue.drainNow();
  }

  /** The page is being hidden or unloaded: hand everything to the browser now. */
  flushDuringUnload(): void {
    if (this.groupSessionId !== null && this.groupBuilder.eventCount > 0) {
      const limits = { maxBytes: this.config.unloadBatchMaxBytes, maxEvents: this.config.batchMaxEvents };
      for (const group of splitEventsIntoGroups(this.groupBuilder.takeAll(), limits)) {
        this.enqueueGroup(this.groupSessionId, group);
      }
    }
    for (const batch of this.queue.pendingBatches()) {
      if (this.dependencies.sendBatchDuringUnload(batch)) {
        this.queue.remove(batch);
      }
    }
  }

  private takeFullSnapshotForNewSession(): void {
    if (this.recorder === null) {
      return;
    }
    this.isTakingFullSnapshot = true;
    try {
      this.recorder.takeFullSnapshot();
    } catch {
      // recording has not started; rrweb will take the first snapshot itself
    } finally {
      this.isTakingFullSnapshot = false;
    }
  }

  private reportPendingErrors(): void {
    const errors = this.pendingErrors;
    this.pendingErrors = [];
    for (const payload of errors) {
      this.reportRuntimeError(payload);
    }
  }

  private sealGroup(): void {
    if (this.groupSessionId === null || this.groupBuilder.eventCount === 0) {
      return;
    }
    this.enqueueGroup(this.groupSessionId, this.groupBuilder.takeAll());
  }

  private enqueueGroup(sessionId: number, events: RecordedEvent[]): void {
    const position = this.sessions.takeSequence(sessionId);
    this.queue.enqueue({
      sessionId: position.sessionId,
      deviceId: this.deviceId,
      userId: this.userId,
      sequence: position.sequence,
      events,
    });
  }
}
