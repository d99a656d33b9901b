/**
 * ReelClient ties the recording side together: sessions and their recording decisions; rrweb
 * events and recording extras (console, network, errors, click hints) → the current session's
 * event group → batches (one sequence number each) → the delivery queue, with every sealed batch
 * kept in the batch store until the server has it; when the page is hidden or unloads, what is
 * left goes out through keepalive requests or beacons. Every browser dependency is injected so
 * tests run without a browser.
 */

import type { Batch } from "./batch";
import { EventGroupBuilder, splitEventsIntoGroups } from "./batch";
import { batchKey } from "./batch-store";
import type { BatchStore } from "./batch-store";
import type { CaptureSettings } from "./capture-settings";
import { CLICK_HINT_TAG } from "./click-hints";
import type { ReelConfig } from "./config";
import { normalizeUserId } from "./config";
import type { BatchSender, TimerFunctions } from "./delivery-queue";
import { DeliveryQueue } from "./delivery-queue";
import type { RecordedEvent } from "./events";
import { EVENT_TYPE_FULL_SNAPSHOT, EVENT_TYPE_META, eventByteLength, isClickEvent, isUserActivityEvent } from "./events";
import { loadOrCreateDeviceId, loadUserId, storeUserId } from "./identity";
import type { Recorder } from "./recorder";
import type { RecordingOverride, SessionDecision } from "./session-decision";
import { decideSession, loadSessionDecision, storeSessionDecision } from "./session-decision";
import type { SessionState } from "./session";
import { SessionTracker } from "./session";
import type { KeyValueStorage } from "./storage";

/** Recording extras that arrive before the session's decision or first full snapshot wait here, at most this many. */
const PENDING_EXTRAS_MAX = 100;

export interface ClientDependencies {
  storage: KeyValueStorage;
  nowMs: () => number;
  timers: TimerFunctions;
  startRecorder: (emit: (event: RecordedEvent) => void, settings: CaptureSettings) => Recorder;
  sendBatch: BatchSender;
  /** Sends while the page goes away: null when nothing took the batch, else whether the server is known to have it. */
  sendBatchDuringUnload: (batch: Batch) => Promise<boolean> | null;
  batchStore?: BatchStore | null;
  createUuid?: () => string;
  random?: () => number;
}

/** A recording extra and whether the session's settings allow it. */
interface PendingExtra {
  event: RecordedEvent;
  allowed: (settings: CaptureSettings) => boolean;
}

function sameRecorderSettings(first: CaptureSettings, second: CaptureSettings): boolean {
  return JSON.stringify(first.privacy) === JSON.stringify(second.privacy);
}

export class ReelClient {
  readonly queue: DeliveryQueue;
  /** Called after every recording decision (analytics events wait for them). */
  onDecision: () => void = () => undefined;
  readonly #config: ReelConfig;
  readonly #dependencies: ClientDependencies;
  readonly #sessions: SessionTracker;
  readonly #deviceId: string;
  #userId: string | null;
  readonly #groupBuilder: EventGroupBuilder;
  /** The session the events in `groupBuilder` belong to. */
  #groupSessionId: number | null = null;
  /** Settings for sessions that start now; null while the remote settings are on their way. */
  #latestSettings: CaptureSettings | null = null;
  /** The decision of the live session; null while it waits for the settings. */
  #decision: SessionDecision | null = null;
  #undecidedSessionId: number | null = null;
  #pendingOverride: RecordingOverride = null;
  #recorder: Recorder | null = null;
  #recorderSettings: CaptureSettings | null = null;
  #recorderGeneration = 0;
  #emitDepth = 0;
  /** True while handling a Meta event, or after a full snapshot was asked for this event. */
  #snapshotFollows = false;
  #hasFullSnapshot = false;
  #fullSnapshotTimestampMs = 0;
  #pendingExtras: PendingExtra[] = [];

  constructor(config: ReelConfig, dependencies: ClientDependencies) {
    this.#config = config;
    this.#dependencies = dependencies;
    this.#sessions = new SessionTracker(dependencies.storage, config.sessionIdleTimeoutMs);
    this.#deviceId = loadOrCreateDeviceId(dependencies.storage, dependencies.createUuid);
    this.#userId = config.userId ?? loadUserId(dependencies.storage);
    if (config.userId !== null) {
      storeUserId(dependencies.storage, config.userId);
    }
    this.#groupBuilder = new EventGroupBuilder({ maxBytes: config.batchMaxBytes, maxEvents: config.batchMaxEvents });
    this.queue = new DeliveryQueue({
      send: dependencies.sendBatch,
      policy: config,
      queueMaxBatches: config.queueMaxBatches,
      timers: dependencies.timers,
      random: dependencies.random,
      onFinished: (batch) => dependencies.batchStore?.remove(batch),
    });
  }

  /** The page loaded: continue or start a session (a page load is activity) and follow its decision. */
  startPage(): void {
    this.#ensureSession(this.#dependencies.nowMs(), true);
  }

  /** The settings for sessions that start from now on (remote, cached or local). Decides a waiting session. */
  setLatestSettings(settings: CaptureSettings): void {
    this.#latestSettings = settings;
    if (this.#decision === null && this.#undecidedSessionId !== null) {
      this.#decide(this.#undecidedSessionId);
    }
  }

  /** Re-sends the batches earlier pages left unsent. */
  async resendStoredBatches(): Promise<void> {
    const stored = (await this.#dependencies.batchStore?.loadAll()) ?? [];
    const queued = new Set(this.queue.pendingBatches().map(batchKey));
    for (const batch of stored) {
      if (!queued.has(batchKey(batch))) {
        this.queue.enqueue(batch);
      }
    }
    await this.queue.drain();
  }

  getDeviceId(): string {
    return this.#deviceId;
  }

  getUserId(): string | null {
    return this.#userId;
  }

  /** The live session's id, or null when none is live (before the first event or after the idle timeout). */
  getSessionId(): number | null {
    return this.#sessions.activeSession(this.#dependencies.nowMs())?.sessionId ?? null;
  }

  /** The live session (`activity` starts or extends one); null when none is live and this is no activity. */
  currentSession(activity: boolean): SessionState | null {
    return this.#ensureSession(this.#dependencies.nowMs(), activity);
  }

  /** Whether session `sessionId` is recorded; undefined while its decision waits for the settings. */
  isSessionRecorded(sessionId: number): boolean | undefined {
    if (this.#decision !== null && this.#decision.sessionId === sessionId) {
      return this.#decision.record;
    }
    return sessionId === this.#undecidedSessionId ? undefined : false;
  }

  /** The settings in force: the live session's, else the latest known. */
  currentSettings(): CaptureSettings | null {
    return this.#decision?.settings ?? this.#latestSettings;
  }

  /** Records the rest of the current session whatever the sample rate (not when capture is switched off). */
  optIn(): void {
    this.#override("in");
  }

  /** Stops recording the current session, for the rest of it. */
  optOut(): void {
    this.#override("out");
  }

  setUserId(userId: unknown): void {
    const normalized = normalizeUserId(userId);
    if (normalized === this.#userId) {
      return;
    }
    this.#sealGroup(); // events so far were recorded for the previous user
    this.#userId = normalized;
    storeUserId(this.#dependencies.storage, normalized);
  }

  /** Entry point of every rrweb event. */
  handleRecordedEvent(event: RecordedEvent): void {
    const nowMs = this.#dependencies.nowMs();
    const snapshotFollowedBefore = this.#snapshotFollows;
    this.#emitDepth += 1;
    try {
      const decisionBefore = this.#decision;
      this.#snapshotFollows = event.type === EVENT_TYPE_META;
      const session = this.#ensureSession(nowMs, isUserActivityEvent(event));
      if (session === null || this.#decision === null || !this.#decision.record || this.#recorderSettings === null) {
        return;
      }
      // an event that began a new session follows that session's fresh full snapshot in time
      const eventToStore = this.#decision !== decisionBefore && event.type !== EVENT_TYPE_META ? { ...event, timestamp: Math.max(event.timestamp, nowMs) } : event;
      this.#storeEvent(session.sessionId, eventToStore);
      if (event.type === EVENT_TYPE_FULL_SNAPSHOT && !this.#hasFullSnapshot) {
        this.#hasFullSnapshot = true;
        this.#fullSnapshotTimestampMs = event.timestamp;
        this.#dependencies.timers.setTimeout(() => this.#releasePendingExtras(), 0);
      }
      if (isClickEvent(event) && this.#recorder !== null) {
        const nodeId = (event.data as { id: number }).id;
        const hint = this.#recorder.describeClickTarget(nodeId);
        if (hint !== null) {
          this.#storeEvent(session.sessionId, { type: 5, timestamp: eventToStore.timestamp, data: { tag: CLICK_HINT_TAG, payload: { id: nodeId, ...hint } } });
        }
      }
    } finally {
      this.#emitDepth -= 1;
      this.#snapshotFollows = snapshotFollowedBefore;
    }
  }

  /**
   * A console line, failed request or runtime error for the recording. It waits while the
   * session's decision or first full snapshot is pending (unless `waits` is false: hints that
   * only matter after a click are dropped then); `allowed` is asked with the session's settings.
   */
  recordExtra(event: RecordedEvent, allowed: (settings: CaptureSettings) => boolean = () => true, waits = true): void {
    if (this.#decision === null || !this.#hasFullSnapshot) {
      if (waits && this.#pendingExtras.length < PENDING_EXTRAS_MAX && (this.#decision === null || this.#decision.record)) {
        this.#pendingExtras.push({ event, allowed });
      }
      return;
    }
    if (!this.#decision.record || !allowed(this.#decision.settings)) {
      return;
    }
    const session = this.#ensureSession(this.#dependencies.nowMs(), false);
    if (session !== null) {
      this.#storeEvent(session.sessionId, { ...event, timestamp: Math.max(event.timestamp, this.#fullSnapshotTimestampMs) });
    }
  }

  /** True when a recording extra with these settings would be kept (or may be, once decided). */
  wantsExtra(allowed: (settings: CaptureSettings) => boolean): boolean {
    return this.#decision === null || (this.#decision.record && allowed(this.#decision.settings));
  }

  /** Periodic flush: turns buffered events into a batch and sends what is due. */
  flushOnTimer(): Promise<void> {
    this.#sealGroup();
    return this.queue.drain();
  }

  /** Explicit flush: also retries a batch that waits for its backoff. */
  flush(): Promise<void> {
    this.#sealGroup();
    return this.queue.drainNow();
  }

  /** The page is being hidden or unloaded: hand everything to the browser now. */
  flushDuringUnload(): void {
    if (this.#groupSessionId !== null && this.#groupBuilder.eventCount > 0) {
      const limits = { maxBytes: this.#config.unloadBatchMaxBytes, maxEvents: this.#config.batchMaxEvents };
      for (const group of splitEventsIntoGroups(this.#groupBuilder.takeAll(), limits)) {
        this.#enqueueGroup(this.#groupSessionId, group);
      }
    }
    for (const batch of this.queue.pendingBatches()) {
      const handedOver = this.#dependencies.sendBatchDuringUnload(batch);
      if (handedOver !== null) {
        // it stays in the batch store until the server is known to have it: the next page re-sends it otherwise
        this.queue.remove(batch);
        void handedOver.then((delivered) => delivered && this.#dependencies.batchStore?.remove(batch));
      }
    }
  }

  stopRecording(): void {
    this.#stopRecorder();
  }

  #ensureSession(nowMs: number, isActivity: boolean): SessionState | null {
    let session = this.#sessions.activeSession(nowMs);
    if (session === null) {
      if (!isActivity) {
        return null;
      }
      session = this.#sessions.startNewSession(nowMs);
      this.#decide(session.sessionId);
      return session;
    }
    if (isActivity) {
      session = this.#sessions.recordActivity(session, nowMs);
    }
    if (this.#decision?.sessionId !== session.sessionId && this.#undecidedSessionId !== session.sessionId) {
      // this page's first look at the session, or another tab started a new one
      const stored = loadSessionDecision(this.#dependencies.storage, session.sessionId);
      if (stored !== null) {
        // a page whose code says `recordReplays: false` never records, whatever earlier pages decided
        this.#applyDecision({ ...stored, record: stored.record && this.#config.recordReplays });
      } else {
        this.#decide(session.sessionId);
      }
    }
    return session;
  }

  #decide(sessionId: number): void {
    if (this.#latestSettings === null) {
      this.#decision = null;
      this.#undecidedSessionId = sessionId;
      this.#stopRecorder();
      return;
    }
    const override = this.#pendingOverride;
    this.#pendingOverride = null;
    this.#applyDecision(decideSession(sessionId, this.#latestSettings, override));
  }

  #override(override: RecordingOverride): void {
    if (this.#decision === null) {
      this.#pendingOverride = override;
      return;
    }
    this.#applyDecision(decideSession(this.#decision.sessionId, this.#decision.settings, override));
  }

  #applyDecision(decision: SessionDecision): void {
    const previous = this.#decision;
    this.#decision = decision;
    this.#undecidedSessionId = null;
    storeSessionDecision(this.#dependencies.storage, decision);
    if (!decision.record) {
      this.#stopRecorder();
      this.#pendingExtras = [];
    } else if (this.#recorderSettings === null || !sameRecorderSettings(this.#recorderSettings, decision.settings)) {
      this.#restartRecorder(decision.settings);
    } else if (previous !== null && previous.sessionId !== decision.sessionId && !this.#snapshotFollows && this.#recorder !== null) {
      this.#snapshotFollows = true; // a new session must begin with a full snapshot
      try {
        this.#recorder.takeFullSnapshot();
      } catch {
        // recording has not started yet; rrweb takes the first snapshot itself
      }
    }
    this.onDecision();
  }

  #startRecorder(settings: CaptureSettings): void {
    const generation = ++this.#recorderGeneration;
    this.#hasFullSnapshot = false;
    this.#recorderSettings = settings;
    // rrweb emits its first snapshot before `startRecorder` returns: events are accepted by generation
    this.#recorder = this.#dependencies.startRecorder((event) => {
      if (generation === this.#recorderGeneration) {
        this.handleRecordedEvent(event);
      }
    }, settings);
  }

  #restartRecorder(settings: CaptureSettings): void {
    this.#stopRecorder();
    if (this.#emitDepth === 0) {
      this.#startRecorder(settings);
      return;
    }
    // never start rrweb from inside its own emit callback
    const generation = this.#recorderGeneration;
    this.#dependencies.timers.setTimeout(() => {
      if (generation === this.#recorderGeneration && this.#decision?.record === true) {
        this.#startRecorder(this.#decision.settings);
      }
    }, 0);
  }

  #stopRecorder(): void {
    this.#recorderGeneration += 1; // events of the old recorder are ignored from now on
    const recorder = this.#recorder;
    this.#recorder = null;
    this.#recorderSettings = null;
    this.#hasFullSnapshot = false;
    if (recorder !== null) {
      if (this.#emitDepth === 0) {
        recorder.stop();
      } else {
        this.#dependencies.timers.setTimeout(() => recorder.stop(), 0);
      }
    }
  }

  #releasePendingExtras(): void {
    const extras = this.#pendingExtras;
    this.#pendingExtras = [];
    for (const extra of extras) {
      this.recordExtra(extra.event, extra.allowed);
    }
  }

  #storeEvent(sessionId: number, event: RecordedEvent): void {
    if (this.#groupSessionId !== null && this.#groupSessionId !== sessionId) {
      this.#sealGroup();
    }
    this.#groupSessionId = sessionId;
    const closedGroup = this.#groupBuilder.add(event, eventByteLength(event));
    if (closedGroup !== null) {
      this.#enqueueGroup(sessionId, closedGroup);
      void this.queue.drain();
    }
  }

  #sealGroup(): void {
    if (this.#groupSessionId === null || this.#groupBuilder.eventCount === 0) {
      return;
    }
    this.#enqueueGroup(this.#groupSessionId, this.#groupBuilder.takeAll());
  }

  #enqueueGroup(sessionId: number, events: RecordedEvent[]): void {
    const position = this.#sessions.takeSequence(sessionId);
    const batch: Batch = { sessionId: position.sessionId, deviceId: this.#deviceId, userId: this.#userId, sequence: position.sequence, events };
    if (this.queue.enqueue(batch)) {
      this.#dependencies.batchStore?.put(batch);
    }
  }
}
