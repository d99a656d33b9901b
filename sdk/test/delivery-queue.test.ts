import { describe, expect, it } from "vitest";
import type { Batch } from "../src/batch";
import type { SendOutcome } from "../src/delivery-queue";
import { computeRetryDelayMs, DeliveryQueue } from "../src/delivery-queue";
import { ManualTimers, settle } from "./helpers";

const policy = { retryMaxAttempts: 4, retryBaseDelayMs: 1_000, retryMaxDelayMs: 5_000 };

function batch(sequence: number): Batch {
  return { sessionId: 1, deviceId: "device", userId: null, sequence, events: [{ type: 4, timestamp: 1, data: {} }] };
}

/** A sender that answers from a script and records which sequences it was asked to send. */
function scriptedSender(outcomes: SendOutcome[]) {
  const sentSequences: number[] = [];
  const send = async (sent: Batch): Promise<SendOutcome> => {
    sentSequences.push(sent.sequence);
    return outcomes.shift() ?? { kind: "delivered" };
  };
  return { send, sentSequences };
}

describe("retry delays", () => {
  it("double from the base delay and stop at the maximum", () => {
    const noJitter = () => 1;
    const delays = [1, 2, 3, 4, 5].map((attempt) => computeRetryDelayMs(attempt, policy, undefined, noJitter));
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it("jitter at most halves a delay", () => {
    expect(computeRetryDelayMs(3, policy, undefined, () => 0)).toBe(2_000);
  });

  it("honour Retry-After up to the maximum delay", () => {
    expect(computeRetryDelayMs(1, policy, 3_000, () => 1)).toBe(3_000);
    expect(computeRetryDelayMs(1, policy, 600_000, () => 1)).toBe(5_000);
  });
});

describe("delivery queue", () => {
  it("sends batches in order", async () => {
    const sender = scriptedSender([]);
    const queue = new DeliveryQueue({ send: sender.send, policy, queueMaxBatches: 10, timers: new ManualTimers() });
    queue.enqueue(batch(0));
    queue.enqueue(batch(1));
    queue.enqueue(batch(2));
    await queue.drain();
    expect(sender.sentSequences).toEqual([0, 1, 2]);
    expect(queue.length).toBe(0);
    expect(queue.statistics.delivered).toBe(3);
  });

  it("retries 5xx, 429 and network errors with growing delays, then delivers", async () => {
    const timers = new ManualTimers();
    const sender = scriptedSender([{ kind: "retry" }, { kind: "retry", retryAfterMs: 100 }, { kind: "retry" }]);
    const queue = new DeliveryQueue({ send: sender.send, policy, queueMaxBatches: 10, timers, random: () => 1 });
    queue.enqueue(batch(0));
    queue.enqueue(batch(1));
    await queue.drain();
    expect(sender.sentSequences).toEqual([0]);
    expect(queue.isWaitingForRetry).toBe(true);
    for (let round = 0; round < 3; round += 1) {
      timers.runPending();
      await settle();
    }
    expect(timers.requestedDelaysMs).toEqual([1_000, 2_000, 4_000]);
    expect(sender.sentSequences).toEqual([0, 0, 0, 0, 1]);
    expect(queue.length).toBe(0);
  });

  it("does not skip a backoff on the periodic drain, but an explicit flush does", async () => {
    const timers = new ManualTimers();
    const sender = scriptedSender([{ kind: "retry" }]);
    const queue = new DeliveryQueue({ send: sender.send, policy, queueMaxBatches: 10, timers });
    queue.enqueue(batch(0));
    await queue.drain();
    await queue.drain();
    expect(sender.sentSequences).toEqual([0]);
    await queue.drainNow();
    expect(sender.sentSequences).toEqual([0, 0]);
    expect(timers.pending).toHaveLength(0);
  });

  it("drops a batch after the maximum number of attempts and moves on", async () => {
    const timers = new ManualTimers();
    const alwaysFailing = Array.from({ length: policy.retryMaxAttempts }, (): SendOutcome => ({ kind: "retry" }));
    const sender = scriptedSender(alwaysFailing);
    const queue = new DeliveryQueue({ send: sender.send, policy, queueMaxBatches: 10, timers });
    queue.enqueue(batch(0));
    queue.enqueue(batch(1));
    await queue.drain();
    while (timers.pending.length > 0) {
      timers.runPending();
      await settle();
    }
    expect(sender.sentSequences).toEqual([0, 0, 0, 0, 1]);
    expect(queue.statistics.droppedAttemptsExhausted).toBe(1);
    expect(queue.statistics.delivered).toBe(1);
    expect(timers.requestedDelaysMs).toHaveLength(policy.retryMaxAttempts - 1);
  });

  it("treats a sender that throws like a network error", async () => {
    const timers = new ManualTimers();
    let calls = 0;
    const queue = new DeliveryQueue({
      send: async () => {
        calls += 1;
        if (calls === 1) {
          throw new TypeError("Failed to fetch");
        }
        return { kind: "delivered" };
      },
      policy,
      queueMaxBatches: 10,
      timers,
    });
    queue.enqueue(batch(0));
    await queue.drain();
    timers.runPending();
    await settle();
    expect(calls).toBe(2);
    expect(queue.statistics.delivered).toBe(1);
  });

  it("drops a batch the server rejects (4xx other than 429) without retrying", async () => {
    const timers = new ManualTimers();
    const sender = scriptedSender([{ kind: "rejected", status: 400 }]);
    const queue = new DeliveryQueue({ send: sender.send, policy, queueMaxBatches: 10, timers });
    queue.enqueue(batch(0));
    queue.enqueue(batch(1));
    await queue.drain();
    expect(sender.sentSequences).toEqual([0, 1]);
    expect(timers.pending).toHaveLength(0);
    expect(queue.statistics.droppedRejected).toBe(1);
  });

  it("holds at most queueMaxBatches batches and drops the newest beyond that", async () => {
    const sender = scriptedSender([]);
    const queue = new DeliveryQueue({ send: sender.send, policy, queueMaxBatches: 3, timers: new ManualTimers() });
    const accepted = [0, 1, 2, 3, 4].map((sequence) => queue.enqueue(batch(sequence)));
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(queue.length).toBe(3);
    expect(queue.statistics.droppedQueueFull).toBe(2);
    await queue.drain();
    expect(sender.sentSequences).toEqual([0, 1, 2]);
  });

  it("forgets a batch delivered by the unload path while it was in flight", async () => {
    const timers = new ManualTimers();
    let queue: DeliveryQueue | null = null;
    const first = batch(0);
    queue = new DeliveryQueue({
      send: async (sent) => {
        if (sent === first) {
          queue?.remove(first);
          return { kind: "retry" };
        }
        return { kind: "delivered" };
      },
      policy,
      queueMaxBatches: 10,
      timers,
    });
    queue.enqueue(first);
    queue.enqueue(batch(1));
    await queue.drain();
    expect(queue.length).toBe(0);
    expect(timers.pending).toHaveLength(0);
  });
});
