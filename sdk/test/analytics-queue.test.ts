import { describe, expect, it } from "vitest";
import type { AnalyticsEvent } from "../src/analytics-events";
import type { AnalyticsQueueOptions } from "../src/analytics-queue";
import { AnalyticsQueue, UNSENT_EVENTS_KEY_PREFIX } from "../src/analytics-queue";
import type { AnalyticsOutcome } from "../src/analytics-transport";
import { createMemoryStorage } from "../src/storage";
import { ManualTimers, settle } from "./helpers";

function event(index: number): AnalyticsEvent {
  return { event_type: `event ${index}`, insert_id: `insert-${index}` } as AnalyticsEvent;
}

function queueWith(outcomes: AnalyticsOutcome[], overrides: Partial<AnalyticsQueueOptions> = {}) {
  const storage = overrides.storage ?? createMemoryStorage();
  const timers = new ManualTimers();
  const sentBatches: string[][] = [];
  const unloadBatches: string[][] = [];
  const queue = new AnalyticsQueue({
    storage,
    timers,
    pageKey: "page-a",
    flushIntervalMs: 1_000,
    batchMaxEvents: 3,
    queueMaxEvents: 10,
    retryMaxAttempts: 3,
    retryBaseDelayMs: 1_000,
    retryMaxDelayMs: 8_000,
    random: () => 1,
    send: async (events) => {
      sentBatches.push(events.map((sent) => sent.insert_id));
      return outcomes.shift() ?? { kind: "delivered" };
    },
    sendDuringUnload: (events) => {
      unloadBatches.push(events.map((sent) => sent.insert_id));
      return Promise.resolve({ kind: "unknown" });
    },
    ...overrides,
  });
  const stored = (): string[] => (JSON.parse(storage.getItem(`${UNSENT_EVENTS_KEY_PREFIX}page-a`) ?? "[]") as AnalyticsEvent[]).map((stored) => stored.insert_id);
  return { queue, storage, timers, sentBatches, unloadBatches, stored };
}

describe("the analytics queue", () => {
  it("sends a second after the first event, in batches, and forgets what was delivered", async () => {
    const { queue, timers, sentBatches, stored } = queueWith([]);
    for (let index = 0; index < 5; index += 1) {
      queue.enqueue(event(index));
    }
    expect(timers.requestedDelaysMs).toContain(1_000);
    timers.runPending(); // persists and flushes
    expect(stored()).toHaveLength(5);
    await settle();
    expect(sentBatches).toEqual([["insert-0", "insert-1", "insert-2"], ["insert-3", "insert-4"]]);
    expect(queue.length).toBe(0);
    timers.runPending();
    expect(stored()).toEqual([]);
  });

  it("retries with the same insert_id after a backoff, and drops events after the last attempt", async () => {
    const retry: AnalyticsOutcome = { kind: "retry" };
    const { queue, timers, sentBatches, stored } = queueWith([retry, retry, retry]);
    queue.enqueue(event(1));
    await queue.flush();
    expect(timers.requestedDelaysMs.at(-1)).toBe(1_000);
    queue.enqueue(event(2));
    expect(timers.pending.map((timer) => timer.delayMs)).toEqual([1_000, 1_000]); // the backoff and the storage write; the new event waits for the backoff
    await queue.flush();
    expect(timers.requestedDelaysMs.at(-1)).toBe(2_000);
    await queue.flush();
    expect(sentBatches).toEqual([["insert-1"], ["insert-1", "insert-2"], ["insert-1", "insert-2"]]);
    expect(queue.statistics.dropped).toBe(1);
    timers.runPending();
    expect(stored()).toEqual(["insert-2"]);
  });

  it("drops the events a 400 names and sends the rest again at once", async () => {
    const { queue, sentBatches } = queueWith([{ kind: "dropped_some", indexes: [1] }]);
    [1, 2, 3].forEach((index) => queue.enqueue(event(index)));
    await queue.flush();
    expect(sentBatches).toEqual([["insert-1", "insert-2", "insert-3"], ["insert-1", "insert-3"]]);
    expect(queue.statistics).toMatchObject({ delivered: 2, dropped: 1 });
  });

  it("halves its batches after a 413 and drops a single event that is still too large", async () => {
    const { queue, sentBatches } = queueWith([{ kind: "too_large" }, { kind: "too_large" }, { kind: "delivered" }]);
    [1, 2, 3].forEach((index) => queue.enqueue(event(index)));
    await queue.flush();
    expect(sentBatches).toEqual([["insert-1", "insert-2", "insert-3"], ["insert-1"], ["insert-2"], ["insert-3"]]);
    expect(queue.statistics).toMatchObject({ dropped: 1, delivered: 2 });
  });

  it("holds at most queueMaxEvents events", () => {
    const { queue } = queueWith([]);
    for (let index = 0; index < 12; index += 1) {
      queue.enqueue(event(index));
    }
    expect(queue.length).toBe(10);
    expect(queue.statistics.droppedQueueFull).toBe(2);
  });

  it("adopts what earlier pages left in storage, once per event", async () => {
    const storage = createMemoryStorage();
    storage.setItem(`${UNSENT_EVENTS_KEY_PREFIX}old-page`, JSON.stringify([event(1), event(2)]));
    storage.setItem(`${UNSENT_EVENTS_KEY_PREFIX}other-tab`, JSON.stringify([event(2), event(3)]));
    storage.setItem(`${UNSENT_EVENTS_KEY_PREFIX}broken`, "{not json");
    storage.setItem("unrelated", "kept");
    const { queue, sentBatches } = queueWith([], { storage });
    queue.adoptUnsentEvents();
    await queue.flush();
    expect(sentBatches).toEqual([["insert-1", "insert-2", "insert-3"]]);
    expect(storage.keys().filter((key) => key.startsWith(UNSENT_EVENTS_KEY_PREFIX) && key !== `${UNSENT_EVENTS_KEY_PREFIX}page-a`)).toEqual([]);
    expect(storage.getItem("unrelated")).toBe("kept");
  });

  it("hands everything to the unload path, keeping it stored when the answer is unknown", async () => {
    const { queue, unloadBatches, stored, sentBatches } = queueWith([]);
    [1, 2, 3, 4].forEach((index) => queue.enqueue(event(index)));
    queue.flushDuringUnload();
    expect(stored()).toEqual(["insert-1", "insert-2", "insert-3", "insert-4"]);
    expect(unloadBatches).toEqual([["insert-1", "insert-2", "insert-3"], ["insert-4"]]);
    await settle();
    await queue.flush(); // handed over: not sent again by this page
    expect(sentBatches).toEqual([]);
  });
});
