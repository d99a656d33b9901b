import { describe, expect, it } from "vitest";
import { isSessionExpired, parseSessionState, SESSION_STORAGE_KEY, SessionTracker } from "../src/session";
import { createMemoryStorage } from "../src/storage";

const IDLE_TIMEOUT_MS = 30 * 60 * 1_000;
const START_MS = 1_764_252_000_000;

describe("session rotation", () => {
  it("keeps the session until 30 minutes without activity, then reports none", () => {
    const tracker = new SessionTracker(createMemoryStorage(), IDLE_TIMEOUT_MS);
    const session = tracker.startNewSession(START_MS);
    expect(session.sessionId).toBe(START_MS);
    expect(tracker.activeSession(START_MS + IDLE_TIMEOUT_MS - 1)?.sessionId).toBe(START_MS);
    expect(tracker.activeSession(START_MS + IDLE_TIMEOUT_MS)).toBeNull();
  });

  it("measures the idle time from the last activity, not from the session start", () => {
    const tracker = new SessionTracker(createMemoryStorage(), IDLE_TIMEOUT_MS);
    const session = tracker.startNewSession(START_MS);
    const twentyMinutesMs = 20 * 60 * 1_000;
    tracker.recordActivity(session, START_MS + twentyMinutesMs);
    expect(tracker.activeSession(START_MS + twentyMinutesMs + IDLE_TIMEOUT_MS - 1)?.sessionId).toBe(START_MS);
    expect(tracker.activeSession(START_MS + twentyMinutesMs + IDLE_TIMEOUT_MS)).toBeNull();
  });

  it("continues the stored session on the next page load (a new tracker on the same storage)", () => {
    const storage = createMemoryStorage();
    new SessionTracker(storage, IDLE_TIMEOUT_MS).startNewSession(START_MS);
    const nextPage = new SessionTracker(storage, IDLE_TIMEOUT_MS);
    expect(nextPage.activeSession(START_MS + 60_000)?.sessionId).toBe(START_MS);
  });

  it("starts the new session at the time of the activity that follows the idle period", () => {
    const tracker = new SessionTracker(createMemoryStorage(), IDLE_TIMEOUT_MS);
    tracker.startNewSession(START_MS);
    const returnMs = START_MS + IDLE_TIMEOUT_MS + 5_000;
    expect(tracker.activeSession(returnMs)).toBeNull();
    const next = tracker.startNewSession(returnMs);
    expect(next.sessionId).toBe(returnMs);
    expect(next.nextSequence).toBe(0);
  });

  it("never gives two sessions the same id", () => {
    const tracker = new SessionTracker(createMemoryStorage(), IDLE_TIMEOUT_MS);
    const first = tracker.startNewSession(START_MS);
    const second = tracker.startNewSession(START_MS);
    expect(second.sessionId).toBeGreaterThan(first.sessionId);
  });

  it("does not expire a session when the clock moved backwards", () => {
    const state = { sessionId: START_MS, lastActivityMs: START_MS, nextSequence: 0 };
    expect(isSessionExpired(state, START_MS - 3_600_000, IDLE_TIMEOUT_MS)).toBe(false);
  });

  it("ignores corrupt stored state", () => {
    const storage = createMemoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, "{not json");
    expect(new SessionTracker(storage, IDLE_TIMEOUT_MS).activeSession(START_MS)).toBeNull();
    expect(parseSessionState(JSON.stringify({ sessionId: -1, lastActivityMs: 1, nextSequence: 0 }))).toBeNull();
    expect(parseSessionState(JSON.stringify({ sessionId: 5, lastActivityMs: 1, nextSequence: 1.5 }))).toBeNull();
  });
});

describe("sequence numbers", () => {
  it("start at 0 and increase by one per batch", () => {
    const tracker = new SessionTracker(createMemoryStorage(), IDLE_TIMEOUT_MS);
    tracker.startNewSession(START_MS);
    const sequences = [0, 1, 2, 3].map(() => tracker.takeSequence(START_MS).sequence);
    expect(sequences).toEqual([0, 1, 2, 3]);
  });

  it("continue across page loads of the same session", () => {
    const storage = createMemoryStorage();
    const firstPage = new SessionTracker(storage, IDLE_TIMEOUT_MS);
    firstPage.startNewSession(START_MS);
    firstPage.takeSequence(START_MS);
    firstPage.takeSequence(START_MS);
    const secondPage = new SessionTracker(storage, IDLE_TIMEOUT_MS);
    expect(secondPage.takeSequence(START_MS).sequence).toBe(2);
  });

  it("restart from 0 in a new session", () => {
    const tracker = new SessionTracker(createMemoryStorage(), IDLE_TIMEOUT_MS);
    tracker.startNewSession(START_MS);
    tracker.takeSequence(START_MS);
    const next = tracker.startNewSession(START_MS + IDLE_TIMEOUT_MS);
    expect(tracker.takeSequence(next.sessionId).sequence).toBe(0);
  });

  it("keep counting for a session that another tab already replaced in storage", () => {
    const storage = createMemoryStorage();
    const thisTab = new SessionTracker(storage, IDLE_TIMEOUT_MS);
    thisTab.startNewSession(START_MS);
    expect(thisTab.takeSequence(START_MS).sequence).toBe(0);
    expect(thisTab.takeSequence(START_MS).sequence).toBe(1);
    new SessionTracker(storage, IDLE_TIMEOUT_MS).startNewSession(START_MS + IDLE_TIMEOUT_MS);
    expect(thisTab.takeSequence(START_MS).sequence).toBe(2);
    expect(thisTab.takeSequence(START_MS + IDLE_TIMEOUT_MS).sequence).toBe(0);
  });

  it("are shared by two tabs of one session without repeats", () => {
    const storage = createMemoryStorage();
    const firstTab = new SessionTracker(storage, IDLE_TIMEOUT_MS);
    const secondTab = new SessionTracker(storage, IDLE_TIMEOUT_MS);
    firstTab.startNewSession(START_MS);
    const taken = [
      firstTab.takeSequence(START_MS).sequence,
      secondTab.takeSequence(START_MS).sequence,
      firstTab.takeSequence(START_MS).sequence,
      secondTab.takeSequence(START_MS).sequence,
    ];
    expect(taken).toEqual([0, 1, 2, 3]);
  });
});
