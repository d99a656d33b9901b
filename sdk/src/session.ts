/**
 * Session lifecycle. A session is identified by its start time in epoch milliseconds.
 * It ends after `idleTimeoutMs` without user activity; the next user activity starts a new one.
 * State lives in storage so that page loads (and tabs) within the idle timeout continue the
 * same session, and so that batch sequence numbers keep increasing across page loads.
 */

import type { KeyValueStorage } from "./storage";

export const SESSION_STORAGE_KEY = "reel.session";
/** Last-activity writes are skipped when the stored value is fresher than this. */
export const ACTIVITY_WRITE_INTERVAL_MS = 1_000;

export interface SessionState {
  /** The session's start, epoch ms; also its id on the wire. */
  sessionId: number;
  /** The last user activity, epoch ms. */
  lastActivityMs: number;
  /** The sequence number the next batch of this session gets. */
  nextSequence: number;
}

export interface BatchPosition {
  sessionId: number;
  sequence: number;
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

export function parseSessionState(raw: string | null): SessionState | null {
  if (raw === null) {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<SessionState>;
    if (
      isNonNegativeInteger(parsed.sessionId) &&
      parsed.sessionId > 0 &&
      isNonNegativeInteger(parsed.lastActivityMs) &&
      isNonNegativeInteger(parsed.nextSequence)
    ) {
      return { sessionId: parsed.sessionId, lastActivityMs: parsed.lastActivityMs, nextSequence: parsed.nextSequence };
    }
    return null;
  } catch {
    return null;
  }
}

/** True when no user activity happened for at least the idle timeout. A clock that went back does not expire it. */
export function isSessionExpired(state: SessionState, nowMs: number, idleTimeoutMs: number): boolean {
  return nowMs - state.lastActivityMs >= idleTimeoutMs;
}

/** How many sessions' sequence counters one page remembers (normally 1 or 2). */
const REMEMBERED_SESSIONS_MAX = 8;

export class SessionTracker {
  readonly #storage: KeyValueStorage;
  readonly #idleTimeoutMs: number;
  /**
   * The next sequence number of each session this page has seen, so a batch of a session that
   * another tab already replaced in storage still gets a fresh sequence number.
   */
  readonly #nextSequenceBySessionId = new Map<number, number>();
  /** The last stored text read and what it parsed to: every rrweb event reads the state, and it rarely changes. */
  #lastStoredText: string | null = null;
  #lastStoredState: SessionState | null = null;

  constructor(storage: KeyValueStorage, idleTimeoutMs: number) {
    this.#storage = storage;
    this.#idleTimeoutMs = idleTimeoutMs;
  }

  /** The stored session if it is still live at `nowMs`, else null. */
  activeSession(nowMs: number): SessionState | null {
    const state = this.#readStoredState();
    if (state === null || isSessionExpired(state, nowMs, this.#idleTimeoutMs)) {
      return null;
    }
    return state;
  }

  /** Starts a new session at `nowMs`, with sequence numbers from 0. */
  startNewSession(nowMs: number): SessionState {
    let sessionId = Math.floor(nowMs);
    const previous = this.#readStoredState();
    if (previous !== null && sessionId <= previous.sessionId) {
      sessionId = previous.sessionId + 1; // two sessions never share an id, even within one millisecond
    }
    const state: SessionState = { sessionId, lastActivityMs: Math.floor(nowMs), nextSequence: 0 };
    this.#writeState(state);
    return state;
  }

  /** Records user activity at `nowMs` for a live session. */
  recordActivity(state: SessionState, nowMs: number): SessionState {
    if (nowMs - state.lastActivityMs < ACTIVITY_WRITE_INTERVAL_MS) {
      return state;
    }
    const updated: SessionState = { ...state, lastActivityMs: Math.floor(nowMs) };
    this.#writeState(updated);
    return updated;
  }

  /** Hands out the next sequence number of session `sessionId` and persists the counter. */
  takeSequence(sessionId: number): BatchPosition {
    const stored = this.#readStoredState();
    const remembered = this.#nextSequenceBySessionId.get(sessionId) ?? 0;
    if (stored !== null && stored.sessionId === sessionId) {
      const sequence = Math.max(stored.nextSequence, remembered);
      this.#writeState({ ...stored, nextSequence: sequence + 1 });
      return { sessionId, sequence };
    }
    this.#rememberNextSequence(sessionId, remembered + 1);
    return { sessionId, sequence: remembered };
  }

  #rememberNextSequence(sessionId: number, nextSequence: number): void {
    const known = this.#nextSequenceBySessionId.get(sessionId) ?? 0;
    this.#nextSequenceBySessionId.delete(sessionId);
    this.#nextSequenceBySessionId.set(sessionId, Math.max(known, nextSequence));
    while (this.#nextSequenceBySessionId.size > REMEMBERED_SESSIONS_MAX) {
      const oldestSessionId = this.#nextSequenceBySessionId.keys().next().value as number;
      this.#nextSequenceBySessionId.delete(oldestSessionId);
    }
  }

  #readStoredState(): SessionState | null {
    const text = this.#storage.getItem(SESSION_STORAGE_KEY);
    if (text !== null && text === this.#lastStoredText) {
      return this.#lastStoredState;
    }
    const state = parseSessionState(text);
    this.#lastStoredText = text;
    this.#lastStoredState = state;
    if (state !== null) {
      this.#rememberNextSequence(state.sessionId, state.nextSequence);
    }
    return state;
  }

  #writeState(state: SessionState): void {
    this.#rememberNextSequence(state.sessionId, state.nextSequence);
    this.#storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(state));
  }
}
