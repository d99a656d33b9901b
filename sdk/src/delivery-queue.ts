/**
 * The delivery queue: batches wait here until the server has them. One batch is in flight at a
 * time, in order. Network errors, 5xx and 429 are retried with exponential backoff, at most
 * `retryMaxAttempts` tries per batch; other 4xx answers drop the batch. The queue holds at most
 * `queueMaxBatches` batches: when it is full the newest batch is dropped, because a replay needs
 * its beginning (the full snapshot) more than its end.
 */

import type { Batch } from "./batch";

export type SendOutcome =
  | { kind: "delivered" }
  | { kind: "retry"; retryAfterMs?: number }
  | { kind: "rejected"; status: number };

export type BatchSender = (batch: Batch) => Promise<SendOutcome>;

export interface RetryPolicy {
  retryMaxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
}

export interface TimerFunctions {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DeliveryStatistics {
  delivered: number;
  droppedQueueFull: number;
  droppedRejected: number;
  droppedAttemptsExhausted: number;
  retriesScheduled: number;
}

interface QueueEntry {
  batch: Batch;
  attempts: number;
}

/**
 * Delay before try number `failedAttempts + 1`: base * 2^(failedAttempts - 1), capped, with
 * "equal jitter" (half fixed, half random) so that many browsers do not retry in lockstep.
 * A server's Retry-After is honoured up to the cap.
 */
export function computeRetryDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const exponentialDelayMs = Math.min(policy.retryMaxDelayMs, policy.retryBaseDelayMs * 2 ** exponent);
  const jitteredDelayMs = exponentialDelayMs / 2 + (random() * exponentialDelayMs) / 2;
  const wantedDelayMs = retryAfterMs !== undefined ? Math.max(jitteredDelayMs, retryAfterMs) : jitteredDelayMs;
  return Math.round(Math.min(policy.retryMaxDelayMs, wantedDelayMs));
}

export class DeliveryQueue {
  readonly statistics: DeliveryStatistics = {
    delivered: 0,
    droppedQueueFull: 0,
    droppedRejected: 0,
    droppedAttemptsExhausted: 0,
    retriesScheduled: 0,
  };
  readonly #entries: QueueEntry[] = [];
  readonly #send: BatchSender;
  readonly #policy: RetryPolicy;
  readonly #queueMaxBatches: number;
  readonly #timers: TimerFunctions;
  readonly #random: () => number;
  readonly #onFinished: (batch: Batch) => void;
  #running: Promise<void> | null = null;
  #retryTimer: unknown = null;

  constructor(options: {
    send: BatchSender;
    policy: RetryPolicy;
    queueMaxBatches: number;
    timers: TimerFunctions;
    random?: () => number;
    /** Called when the server has a batch or refused it for good (not when retries ran out). */
    onFinished?: (batch: Batch) => void;
  }) {
    this.#send = options.send;
    this.#policy = options.policy;
    this.#queueMaxBatches = options.queueMaxBatches;
    this.#timers = options.timers;
    this.#random = options.random ?? Math.random;
    this.#onFinished = options.onFinished ?? (() => undefined);
  }

  get length(): number {
    return this.#entries.length;
  }

  /** The batches still waiting, oldest first (the first may be in flight). */
  pendingBatches(): Batch[] {
    return this.#entries.map((entry) => entry.batch);
  }

  /** Adds a batch at the end; returns false (and counts a drop) when the queue is full. */
  enqueue(batch: Batch): boolean {
    if (this.#entries.length >= this.#queueMaxBatches) {
      this.statistics.droppedQueueFull += 1;
      return false;
    }
    this.#entries.push({ batch, attempts: 0 });
    return true;
  }

  /** Forgets a batch that was delivered by other means (the unload path). */
  remove(batch: Batch): void {
    const index = this.#entries.findIndex((entry) => entry.batch === batch);
    if (index >= 0) {
      this.#entries.splice(index, 1);
    }
  }

  /**
   * Sends what is queued unless the head batch is waiting for a retry (then the retry timer
   * sends later). Resolves when the queue is empty or the head batch waits for a retry.
   */
  drain(): Promise<void> {
    if (this.#retryTimer !== null) {
      return Promise.resolve();
    }
    return this.#startSending();
  }

  /** Like `drain`, but a batch waiting for a retry is tried at once. */
  drainNow(): Promise<void> {
    if (this.#retryTimer !== null) {
      this.#timers.clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
    }
    return this.#startSending();
  }

  /** True while the head batch waits for its next try. */
  get isWaitingForRetry(): boolean {
    return this.#retryTimer !== null;
  }

  #startSending(): Promise<void> {
    if (this.#running !== null) {
      // the loop may already be past its last check: look again once it has stopped
      return this.#running.then(() =>
        this.#entries.length > 0 && this.#retryTimer === null ? this.#startSending() : undefined,
      );
    }
    const running = this.#sendUntilEmptyOrWaiting().finally(() => {
      this.#running = null;
    });
    this.#running = running;
    return running;
  }

  async #sendUntilEmptyOrWaiting(): Promise<void> {
    while (this.#entries.length > 0) {
      const entry = this.#entries[0];
      let outcome: SendOutcome;
      try {
        outcome = await this.#send(entry.batch);
      } catch {
        outcome = { kind: "retry" };
      }
      entry.attempts += 1;
      if (outcome.kind !== "retry") {
        this.statistics[outcome.kind === "delivered" ? "delivered" : "droppedRejected"] += 1;
        this.#removeEntry(entry);
        this.#onFinished(entry.batch);
        continue;
      }
      if (entry.attempts >= this.#policy.retryMaxAttempts) {
        this.statistics.droppedAttemptsExhausted += 1;
        this.#removeEntry(entry);
        continue;
      }
      if (this.#entries[0] !== entry) {
        continue; // delivered by the unload path meanwhile
      }
      this.#scheduleRetry(computeRetryDelayMs(entry.attempts, this.#policy, outcome.retryAfterMs, this.#random));
      return;
    }
  }

  #scheduleRetry(delayMs: number): void {
    this.statistics.retriesScheduled += 1;
    this.#retryTimer = this.#timers.setTimeout(() => {
      this.#retryTimer = null;
      void this.#startSending();
    }, delayMs);
  }

  #removeEntry(entry: QueueEntry): void {
    const index = this.#entries.indexOf(entry);
    if (index >= 0) {
      this.#entries.splice(index, 1);
    }
  }
}
