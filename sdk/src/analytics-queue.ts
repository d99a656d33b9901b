/**
 * Unsent analytics events: kept in localStorage (under a key of this page, so tabs do not
 * overwrite each other) until the server acknowledges them, sent in batches, retried with
 * backoff, bounded in count. A page adopts what earlier pages left behind; the server drops
 * duplicates by `insert_id`, so an event sent twice is stored once.
 */

import type { AnalyticsEvent } from "./analytics-events";
import type { AnalyticsOutcome } from "./analytics-transport";
import type { RetryPolicy, TimerFunctions } from "./delivery-queue";
import { computeRetryDelayMs } from "./delivery-queue";
import { utf8ByteLength } from "./events";
import type { KeyValueStorage } from "./storage";

export const UNSENT_EVENTS_KEY_PREFIX = "reel.unsent_events.";
/** Writes to localStorage are gathered for this long (the unload path writes at once). */
const PERSIST_DELAY_MS = 1_000;
/** Keepalive bodies are limited to 64 KiB per page; unload batches stay under this. */
const UNLOAD_BATCH_MAX_BYTES = 30_000;

interface QueuedEvent {
  event: AnalyticsEvent;
  failedAttempts: number;
  inFlight: boolean;
}

export interface AnalyticsQueueOptions extends RetryPolicy {
  storage: KeyValueStorage;
  timers: TimerFunctions;
  pageKey: string;
  flushIntervalMs: number;
  batchMaxEvents: number;
  queueMaxEvents: number;
  send: (events: AnalyticsEvent[]) => Promise<AnalyticsOutcome>;
  sendDuringUnload: (events: AnalyticsEvent[]) => Promise<AnalyticsOutcome> | null;
  random?: () => number;
}

export interface AnalyticsQueueStatistics {
  delivered: number;
  dropped: number;
  droppedQueueFull: number;
}

export class AnalyticsQueue {
  readonly statistics: AnalyticsQueueStatistics = { delivered: 0, dropped: 0, droppedQueueFull: 0 };
  #entries: QueuedEvent[] = [];
  readonly #options: AnalyticsQueueOptions;
  readonly #storageKey: string;
  #batchMaxEvents: number;
  #flushTimer: unknown = null;
  #persistTimer: unknown = null;
  #sending = false;
  #retryFailures = 0;

  constructor(options: AnalyticsQueueOptions) {
    this.#options = options;
    this.#storageKey = UNSENT_EVENTS_KEY_PREFIX + options.pageKey;
    this.#batchMaxEvents = options.batchMaxEvents;
  }

  get length(): number {
    return this.#entries.length;
  }

  /** Takes over the unsent events earlier pages (or other tabs) left in storage, and schedules them. */
  adoptUnsentEvents(): void {
    const storage = this.#options.storage;
    const known = new Set(this.#entries.map((entry) => entry.event.insert_id));
    for (const key of storage.keys()) {
      if (!key.startsWith(UNSENT_EVENTS_KEY_PREFIX) || key === this.#storageKey) {
        continue;
      }
      let events: AnalyticsEvent[] = [];
      try {
        const parsed = JSON.parse(storage.getItem(key) ?? "[]");
        events = Array.isArray(parsed) ? parsed : [];
      } catch {
        // unreadable: forget it
      }
      storage.removeItem(key);
      for (const event of events) {
        if (event && typeof event.insert_id === "string" && !known.has(event.insert_id) && this.#entries.length < this.#options.queueMaxEvents) {
          known.add(event.insert_id);
          this.#entries.push({ event, failedAttempts: 0, inFlight: false });
        }
      }
    }
    this.#persistSoon();
    this.#scheduleFlush(this.#options.flushIntervalMs);
  }

  enqueue(event: AnalyticsEvent): void {
    if (this.#entries.length >= this.#options.queueMaxEvents) {
      this.statistics.droppedQueueFull += 1;
      return;
    }
    this.#entries.push({ event, failedAttempts: 0, inFlight: false });
    this.#persistSoon();
    this.#scheduleFlush(this.#options.flushIntervalMs);
  }

  /** Sends every queued event now, batch after batch; resolves when done or waiting for a retry. */
  async flush(): Promise<void> {
    if (this.#flushTimer !== null) {
      this.#options.timers.clearTimeout(this.#flushTimer);
      this.#flushTimer = null;
    }
    if (this.#sending) {
      return;
    }
    this.#sending = true;
    try {
      for (;;) {
        const batch = this.#entries.filter((entry) => !entry.inFlight).slice(0, this.#batchMaxEvents);
        if (batch.length === 0) {
          return;
        }
        batch.forEach((entry) => (entry.inFlight = true));
        let outcome: AnalyticsOutcome;
        try {
          outcome = await this.#options.send(batch.map((entry) => entry.event));
        } catch {
          outcome = { kind: "retry" };
        }
        if (!this.#settle(batch, outcome)) {
          return;
        }
      }
    } finally {
      this.#sending = false;
    }
  }

  /** The page is going away: persist, and hand every unsent event to keepalive requests or beacons. */
  flushDuringUnload(): void {
    this.persistNow();
    const pending = this.#entries.filter((entry) => !entry.inFlight);
    let batch: QueuedEvent[] = [];
    let batchBytes = 0;
    const handOver = (): void => {
      const entries = batch;
      batch = [];
      batchBytes = 0;
      const outcome = this.#options.sendDuringUnload(entries.map((entry) => entry.event));
      if (outcome !== null) {
        entries.forEach((entry) => (entry.inFlight = true));
        void outcome.then((result) => this.#settle(entries, result));
      }
    };
    for (const entry of pending) {
      const eventBytes = utf8ByteLength(JSON.stringify(entry.event));
      if (batch.length > 0 && (batchBytes + eventBytes > UNLOAD_BATCH_MAX_BYTES || batch.length >= this.#batchMaxEvents)) {
        handOver();
      }
      batch.push(entry);
      batchBytes += eventBytes;
    }
    if (batch.length > 0) {
      handOver();
    }
  }

  /** Applies an outcome to a batch; returns true when the next batch may be sent right away. */
  #settle(batch: QueuedEvent[], outcome: AnalyticsOutcome): boolean {
    if (outcome.kind === "unknown") {
      return false; // a beacon: the events stay stored (not resent by this page) until a later page sends them again
    }
    const removed = new Set<QueuedEvent>();
    let canContinue = true;
    if (outcome.kind === "delivered" || outcome.kind === "dropped") {
      batch.forEach((entry) => removed.add(entry));
      this.statistics[outcome.kind === "delivered" ? "delivered" : "dropped"] += batch.length;
      this.#retryFailures = 0;
    } else if (outcome.kind === "dropped_some") {
      outcome.indexes.forEach((index) => batch[index] && removed.add(batch[index]));
      this.statistics.dropped += removed.size;
    } else if (outcome.kind === "too_large") {
      if (batch.length === 1) {
        removed.add(batch[0]);
        this.statistics.dropped += 1;
      }
      this.#batchMaxEvents = Math.max(1, Math.floor(batch.length / 2));
    } else {
      for (const entry of batch) {
        entry.failedAttempts += 1;
        if (entry.failedAttempts >= this.#options.retryMaxAttempts) {
          removed.add(entry);
          this.statistics.dropped += 1;
        }
      }
      this.#retryFailures += 1;
      canContinue = false;
      this.#scheduleFlush(computeRetryDelayMs(this.#retryFailures, this.#options, outcome.retryAfterMs, this.#options.random));
    }
    batch.forEach((entry) => (entry.inFlight = false));
    if (removed.size > 0) {
      this.#entries = this.#entries.filter((entry) => !removed.has(entry));
      this.#persistSoon();
    }
    return canContinue;
  }

  #scheduleFlush(delayMs: number): void {
    if (this.#flushTimer !== null || this.#entries.length === 0) {
      return;
    }
    this.#flushTimer = this.#options.timers.setTimeout(() => {
      this.#flushTimer = null;
      void this.flush();
    }, delayMs);
  }

  #persistSoon(): void {
    if (this.#persistTimer === null) {
      this.#persistTimer = this.#options.timers.setTimeout(() => this.persistNow(), PERSIST_DELAY_MS);
    }
  }

  persistNow(): void {
    if (this.#persistTimer !== null) {
      this.#options.timers.clearTimeout(this.#persistTimer);
      this.#persistTimer = null;
    }
    const storage = this.#options.storage;
    if (this.#entries.length === 0) {
      storage.removeItem(this.#storageKey);
    } else {
      storage.setItem(this.#storageKey, JSON.stringify(this.#entries.map((entry) => entry.event)));
    }
  }
}
