import { describe, expect, it } from "vitest";
import type { Batch } from "../src/batch";
import { ReelClient } from "../src/client";
import { resolveConfig } from "../src/config";
import type { ReelInitOptions } from "../src/config";
import { createMemoryStorage } from "../src/storage";
import type { KeyValueStorage } from "../src/storage";
import { clickEvent, FakeRecorder, fullSnapshotEvent, ManualClock, ManualTimers, metaEvent, mutationEvent } from "./helpers";

const START_MS = 1_764_252_000_000;
const THIRTY_MINUTES_MS = 30 * 60 * 1_000;

function startClient(options: { storage?: KeyValueStorage; clock?: ManualClock; init?: Partial<ReelInitOptions> } = {}) {
  const clock = options.clock ?? new ManualClock(START_MS);
  const storage = options.storage ?? createMemoryStorage();
  const timers = new ManualTimers();
  const recorder = new FakeRecorder(clock);
  const delivered: Batch[] = [];
  const unloaded: Batch[] = [];
  const config = resolveConfig({ apiKey: "key", serverUrl: "https://reel.example/", ...options.init });
  const client = new ReelClient(config, {
    storage,
    nowMs: () => clock.nowMs,
    timers,
    startRecorder: (emit) => {
      recorder.emit = emit;
      return recorder;
    },
    sendBatch: async (batch) => {
      delivered.push(batch);
      return { kind: "delivered" };
    },
    sendBatchDuringUnload: (batch) => {
      unloaded.push(batch);
      return true;
    },
    createUuid: () => "11111111-2222-4333-8444-555555555555",
  });
  client.startRecording();
  return { client, clock, storage, timers, recorder, delivered, unloaded };
}

function loadPage(recorder: FakeRecorder, clock: ManualClock): void {
  recorder.emit(metaEvent(clock.nowMs));
  recorder.emit(fullSnapshotEvent(clock.nowMs));
}

describe("ReelClient", () => {
  it("starts a session at the first page load and numbers its batches from 0", async () => {
    const { client, clock, recorder, delivered } = startClient();
    loadPage(recorder, clock);
    await client.flush();
    clock.advance(2_000);
    recorder.emit(clickEvent(clock.nowMs));
    await client.flush();
    await client.flush(); // nothing new: no empty batch
    expect(delivered.map((batch) => [batch.sessionId, batch.sequence, batch.events.length])).toEqual([
      [START_MS, 0, 2],
      [START_MS, 1, 1],
    ]);
    expect(delivered[0].deviceId).toBe("11111111-2222-4333-8444-555555555555");
    expect(client.getSessionId()).toBe(START_MS);
  });

  it("continues the session and its sequence numbers on the next page", async () => {
    const storage = createMemoryStorage();
    const clock = new ManualClock(START_MS);
    const firstPage = startClient({ storage, clock });
    loadPage(firstPage.recorder, clock);
    firstPage.client.flushDuringUnload();
    clock.advance(5_000);
    const secondPage = startClient({ storage, clock });
    loadPage(secondPage.recorder, clock);
    await secondPage.client.flush();
    expect(firstPage.unloaded.map((batch) => [batch.sessionId, batch.sequence])).toEqual([[START_MS, 0]]);
    expect(secondPage.delivered.map((batch) => [batch.sessionId, batch.sequence])).toEqual([[START_MS, 1]]);
    expect(secondPage.client.getDeviceId()).toBe(firstPage.client.getDeviceId());
  });

  it("rotates the session after 30 minutes idle, with a fresh full snapshot first", async () => {
    const { client, clock, recorder, delivered } = startClient();
    loadPage(recorder, clock);
    await client.flush();
    clock.advance(THIRTY_MINUTES_MS);
    recorder.emit(clickEvent(clock.nowMs - 5));
    await client.flush();
    const returnMs = START_MS + THIRTY_MINUTES_MS;
    expect(recorder.fullSnapshotsTaken).toBe(1);
    expect(client.getSessionId()).toBe(returnMs);
    const secondSession = delivered.filter((batch) => batch.sessionId === returnMs);
    expect(secondSession.map((batch) => batch.sequence)).toEqual([0]);
    const events = secondSession[0].events;
    expect(events.map((event) => event.type)).toEqual([4, 2, 3]);
    expect(events[2].timestamp).toBeGreaterThanOrEqual(events[0].timestamp);
  });

  it("seals the old session's events under the old id when the session rotates", async () => {
    const { client, clock, recorder, delivered } = startClient();
    loadPage(recorder, clock);
    clock.advance(THIRTY_MINUTES_MS + 1);
    recorder.emit(clickEvent(clock.nowMs));
    await client.flush();
    expect(delivered.map((batch) => [batch.sessionId, batch.sequence, batch.events.length])).toEqual([
      [START_MS, 0, 2],
      [START_MS + THIRTY_MINUTES_MS + 1, 0, 3],
    ]);
  });

  it("does not let page mutations alone keep a session alive", async () => {
    const { client, clock, recorder, delivered } = startClient();
    loadPage(recorder, clock);
    for (let minute = 1; minute <= 40; minute += 1) {
      clock.advance(60_000);
      recorder.emit(mutationEvent(clock.nowMs, `minute ${minute}`));
    }
    await client.flush();
    const recordedMutations = delivered.flatMap((batch) => batch.events).filter((event) => event.type === 3);
    expect(recordedMutations).toHaveLength(29); // minutes 1..29; from minute 30 the session has expired
    expect(client.getSessionId()).toBeNull();
  });

  it("splits what is left at unload into keepalive-sized batches with consecutive sequences", () => {
    const { client, clock, recorder, unloaded } = startClient({ init: { unloadBatchMaxBytes: 5_000 } });
    loadPage(recorder, clock);
    for (let index = 0; index < 20; index += 1) {
      recorder.emit(mutationEvent(clock.nowMs, "y".repeat(1_000)));
    }
    client.flushDuringUnload();
    expect(unloaded.length).toBeGreaterThan(3);
    expect(unloaded.map((batch) => batch.sequence)).toEqual(unloaded.map((_, index) => index));
    for (const batch of unloaded) {
      expect(JSON.stringify(batch.events).length).toBeLessThan(5_000);
    }
  });

  it("attaches the user id to later batches and remembers it across pages", async () => {
    const storage = createMemoryStorage();
    const { client, clock, recorder, delivered } = startClient({ storage });
    loadPage(recorder, clock);
    client.setUserId("alice@example.com");
    recorder.emit(clickEvent(clock.nowMs));
    await client.flush();
    expect(delivered.map((batch) => batch.userId)).toEqual([null, "alice@example.com"]);
    const nextPage = startClient({ storage, clock });
    loadPage(nextPage.recorder, clock);
    await nextPage.client.flush();
    expect(nextPage.delivered[0].userId).toBe("alice@example.com");
    expect(() => client.setUserId("x".repeat(201))).toThrow(/200/);
  });

  it("records runtime errors as reel.error custom events, also those from before recording started", async () => {
    const { client, clock, recorder, timers, delivered } = startClient();
    const payload = { message: "boom", stack: "Error: boom", filename: "app.js", lineno: 1, colno: 2 };
    client.reportRuntimeError(payload);
    loadPage(recorder, clock);
    timers.runPending();
    client.reportRuntimeError({ ...payload, message: "second" });
    await client.flush();
    const customEvents = delivered.flatMap((batch) => batch.events).filter((event) => event.type === 5);
    expect(customEvents.map((event) => (event.data as { tag: string; payload: { message: string } }).payload.message)).toEqual([
      "boom",
      "second",
    ]);
    expect(recorder.customEvents.every((event) => event.tag === "reel.error")).toBe(true);
  });
});
