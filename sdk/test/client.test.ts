import { describe, expect, it } from "vitest";
import type { Batch } from "../src/batch";
import type { BatchStore } from "../src/batch-store";
import { batchKey } from "../src/batch-store";
import type { CaptureSettings } from "../src/capture-settings";
import { localCaptureSettings } from "../src/capture-settings";
import { ReelClient } from "../src/client";
import { resolveConfig } from "../src/config";
import type { ReelInitOptions } from "../src/config";
import type { SendOutcome } from "../src/delivery-queue";
import { createMemoryStorage } from "../src/storage";
import type { KeyValueStorage } from "../src/storage";
import { clickEvent, FakeRecorder, fullSnapshotEvent, ManualClock, ManualTimers, metaEvent, mutationEvent, settle } from "./helpers";

const START_MS = 1_764_252_000_000;
const THIRTY_MINUTES_MS = 30 * 60 * 1_000;

/** An in-memory batch store that remembers what was put and removed. */
function memoryBatchStore(initial: Batch[] = []) {
  const stored = new Map(initial.map((batch) => [batchKey(batch), batch]));
  const store: BatchStore = {
    put: (batch) => void stored.set(batchKey(batch), batch),
    remove: (batch) => void stored.delete(batchKey(batch)),
    loadAll: async () => [...stored.values()],
  };
  return { store, stored };
}

interface StartOptions {
  storage?: KeyValueStorage;
  clock?: ManualClock;
  init?: Partial<ReelInitOptions>;
  /** Settings known at page load; null: the remote settings are still on their way. */
  settings?: (local: CaptureSettings) => CaptureSettings | null;
  batchStore?: BatchStore;
  sendOutcome?: () => SendOutcome;
  unloadAnswer?: () => Promise<boolean> | null;
}

function startClient(options: StartOptions = {}) {
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
    startRecorder: recorder.start,
    sendBatch: async (batch) => {
      delivered.push(batch);
      return options.sendOutcome?.() ?? { kind: "delivered" };
    },
    sendBatchDuringUnload: (batch) => {
      unloaded.push(batch);
      return options.unloadAnswer?.() ?? Promise.resolve(true);
    },
    batchStore: options.batchStore,
    createUuid: () => "11111111-2222-4333-8444-555555555555",
  });
  const settings = options.settings === undefined ? localCaptureSettings(config) : options.settings(localCaptureSettings(config));
  if (settings !== null) {
    client.setLatestSettings(settings);
  }
  client.startPage();
  return { client, clock, storage, timers, recorder, delivered, unloaded, config };
}

function loadPage(recorder: FakeRecorder, clock: ManualClock): void {
  recorder.emit(metaEvent(clock.nowMs));
  recorder.emit(fullSnapshotEvent(clock.nowMs));
}

function customTags(batches: Batch[]): string[] {
  return batches.flatMap((batch) => batch.events).filter((event) => event.type === 5).map((event) => (event.data as { tag: string }).tag);
}

describe("ReelClient sessions and batches", () => {
  it("starts a session at the page load and numbers its batches from 0", async () => {
    const { client, clock, recorder, delivered } = startClient();
    expect(client.getSessionId()).toBe(START_MS);
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
  });

  it("continues the session, its decision and its sequence numbers on the next page", async () => {
    const storage = createMemoryStorage();
    const clock = new ManualClock(START_MS);
    const firstPage = startClient({ storage, clock });
    loadPage(firstPage.recorder, clock);
    firstPage.client.flushDuringUnload();
    clock.advance(5_000);
    const secondPage = startClient({ storage, clock, settings: () => null });
    expect(secondPage.recorder.started).toBe(true); // the stored decision, no wait for remote settings
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
    expect(recorder.startCount).toBe(1);
    expect(client.getSessionId()).toBe(returnMs);
    const secondSession = delivered.filter((batch) => batch.sessionId === returnMs);
    expect(secondSession.map((batch) => batch.sequence)).toEqual([0]);
    const events = secondSession[0].events;
    expect(events.map((event) => event.type)).toEqual([4, 2, 3]);
    expect(events[2].timestamp).toBeGreaterThanOrEqual(events[1].timestamp);
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
});

describe("ReelClient recording decisions", () => {
  it("waits for the settings before recording a new session, then follows them", () => {
    const { client, recorder } = startClient({ settings: () => null });
    const sessionId = client.getSessionId() as number;
    expect(recorder.started).toBe(false);
    expect(client.isSessionRecorded(sessionId)).toBeUndefined();
    const decisions: Array<boolean | undefined> = [];
    client.onDecision = () => decisions.push(client.isSessionRecorded(sessionId));
    client.setLatestSettings(localCaptureSettings(resolveConfig({ apiKey: "key", serverUrl: "https://reel.example" })));
    expect(recorder.started).toBe(true);
    expect(decisions).toEqual([true]);
  });

  it("does not record a session outside the sample until the app opts it in, and stops when it opts out", () => {
    const { client, recorder } = startClient({ settings: (local) => ({ ...local, sampleRate: 0 }) });
    const sessionId = client.getSessionId() as number;
    expect(recorder.started).toBe(false);
    expect(client.isSessionRecorded(sessionId)).toBe(false);
    client.optIn();
    expect(recorder.started).toBe(true);
    expect(client.isSessionRecorded(sessionId)).toBe(true);
    client.optOut();
    expect(recorder.started).toBe(false);
    expect(client.isSessionRecorded(sessionId)).toBe(false);
  });

  it("never records when capture is switched off, even when the app opts in", () => {
    const { client, recorder } = startClient({ settings: (local) => ({ ...local, captureEnabled: false }) });
    client.optIn();
    expect(recorder.started).toBe(false);
    expect(client.isSessionRecorded(client.getSessionId() as number)).toBe(false);
  });

  it("applies an opt-out given before the decision, and keeps it on the next page", () => {
    const storage = createMemoryStorage();
    const clock = new ManualClock(START_MS);
    const { client, recorder } = startClient({ storage, clock, settings: () => null });
    client.optOut();
    client.setLatestSettings(localCaptureSettings(resolveConfig({ apiKey: "key", serverUrl: "https://reel.example" })));
    expect(recorder.started).toBe(false);
    clock.advance(1_000);
    const nextPage = startClient({ storage, clock });
    expect(nextPage.recorder.started).toBe(false);
  });

  it("does not record on a page whose code switches recording off, even in a recorded session", () => {
    const storage = createMemoryStorage();
    const clock = new ManualClock(START_MS);
    expect(startClient({ storage, clock }).recorder.started).toBe(true);
    clock.advance(1_000);
    const nextPage = startClient({ storage, clock, init: { recordReplays: false } });
    expect(nextPage.recorder.started).toBe(false);
  });

  it("restarts the recorder with new privacy settings for a session that starts after they changed", () => {
    const { client, clock, recorder } = startClient();
    loadPage(recorder, clock);
    client.setLatestSettings({ ...(recorder.settings as CaptureSettings), privacy: { ...(recorder.settings as CaptureSettings).privacy, level: "conservative" } });
    expect(recorder.settings?.privacy.level).toBe("medium"); // the live session keeps its settings
    clock.advance(THIRTY_MINUTES_MS);
    client.currentSession(true);
    expect(recorder.startCount).toBe(2);
    expect(recorder.settings?.privacy.level).toBe("conservative");
  });
});

describe("ReelClient recording extras", () => {
  const consoleEvent = { type: 6, timestamp: START_MS, data: { plugin: "rrweb/console@1", payload: { level: "log", trace: [], payload: ['"hi"'] } } };
  const allowsConsole = (settings: CaptureSettings) => settings.consoleEnabled;

  it("keeps extras that come before the first full snapshot and writes them after it", async () => {
    const { client, clock, recorder, timers, delivered } = startClient();
    client.recordExtra({ type: 5, timestamp: clock.nowMs - 10, data: { tag: "reel.error", payload: { message: "early" } } });
    client.recordExtra(consoleEvent, allowsConsole);
    loadPage(recorder, clock);
    timers.runPending();
    await client.flush();
    const events = delivered.flatMap((batch) => batch.events);
    expect(events.map((event) => event.type)).toEqual([4, 2, 5, 6]);
    expect(events[2].timestamp).toBeGreaterThanOrEqual(events[1].timestamp);
  });

  it("drops hints that only matter after a click while the first snapshot is pending", async () => {
    const { client, clock, recorder, timers, delivered } = startClient();
    const hint = { type: 5, timestamp: clock.nowMs, data: { tag: "reel.request_started", payload: { method: "GET" } } };
    client.recordExtra(hint, undefined, false);
    loadPage(recorder, clock);
    timers.runPending();
    client.recordExtra(hint, undefined, false);
    await client.flush();
    expect(customTags(delivered)).toEqual(["reel.request_started"]);
  });

  it("drops extras the session's settings do not allow", async () => {
    const { client, clock, recorder, timers, delivered } = startClient({ settings: (local) => ({ ...local, consoleEnabled: false }) });
    loadPage(recorder, clock);
    timers.runPending();
    expect(client.wantsExtra(allowsConsole)).toBe(false);
    client.recordExtra(consoleEvent, allowsConsole);
    client.recordExtra({ type: 5, timestamp: clock.nowMs, data: { tag: "fetch-request", payload: {} } });
    await client.flush();
    expect(customTags(delivered)).toEqual(["fetch-request"]);
    expect(delivered.flatMap((batch) => batch.events).some((event) => event.type === 6)).toBe(false);
  });

  it("writes a click hint right after each click", async () => {
    const { client, clock, recorder, delivered } = startClient();
    recorder.clickHint = { cursor_pointer: true, interactive: false };
    loadPage(recorder, clock);
    recorder.emit(clickEvent(clock.nowMs));
    await client.flush();
    const events = delivered.flatMap((batch) => batch.events);
    expect(events.slice(-2).map((event) => event.type)).toEqual([3, 5]);
    expect(events.at(-1)?.data).toEqual({ tag: "reel.click_hint", payload: { id: 5, cursor_pointer: true, interactive: false } });
  });
});

describe("ReelClient batch persistence", () => {
  it("keeps each batch in the store until the server has it", async () => {
    const { store, stored } = memoryBatchStore();
    let outcome: SendOutcome = { kind: "retry" };
    const { client, clock, recorder } = startClient({ batchStore: store, sendOutcome: () => outcome });
    loadPage(recorder, clock);
    await client.flush();
    expect(stored.size).toBe(1);
    outcome = { kind: "delivered" };
    await client.flush();
    expect(stored.size).toBe(0);
  });

  it("leaves batches handed over at unload in the store unless the server confirms them", async () => {
    const { store, stored } = memoryBatchStore();
    const { client, clock, recorder } = startClient({ batchStore: store, unloadAnswer: () => Promise.resolve(false) });
    loadPage(recorder, clock);
    client.flushDuringUnload();
    await settle();
    expect(stored.size).toBe(1);
  });

  it("sends the batches an earlier page left in the store, once", async () => {
    const leftOver: Batch = { sessionId: START_MS - 60_000, deviceId: "device", userId: null, sequence: 4, events: [metaEvent(START_MS - 60_000)] };
    const { store, stored } = memoryBatchStore([leftOver]);
    const { client, delivered } = startClient({ batchStore: store });
    await client.resendStoredBatches();
    expect(delivered.map((batch) => [batch.sessionId, batch.sequence])).toEqual([[START_MS - 60_000, 4]]);
    expect(stored.size).toBe(0);
  });
});
