import { describe, expect, it } from "vitest";
import type { RecordedEvent, RecordingWindowResponse } from "../src/api/types";
import type { RecordingWindowRequest } from "../src/player/recording-loader";
import { SCAN_WINDOW_MS, loadRecordingInWindows } from "../src/player/recording-loader";

const FIRST_WINDOW_MS = SCAN_WINDOW_MS;
const LATER_WINDOW_MS = SCAN_WINDOW_MS;

const START_MS = 1_764_252_000_000;

/** A fake server holding `events`, answering windows the way docs/http-api.md says. */
function fakeServer(events: RecordedEvent[]) {
  const requests: RecordingWindowRequest[] = [];
  const sessionEndMs = events.length === 0 ? null : Math.max(...events.map((event) => event.timestamp));
  const fetchWindow = async (window: RecordingWindowRequest): Promise<RecordingWindowResponse> => {
    requests.push(window);
    return {
      events: events.filter((event) => (window.fromMs === null || event.timestamp >= window.fromMs) && event.timestamp < window.toMs),
      from_ms: window.fromMs,
      to_ms: window.toMs,
      session_end_ms: sessionEndMs,
    };
  };
  return { fetchWindow, requests };
}

function eventAt(offsetMs: number): RecordedEvent {
  return { type: 3, timestamp: START_MS + offsetMs, data: { source: 1 } };
}

describe("loading a recording in windows", () => {
  it("asks for one window after another until the last event", async () => {
    const events = [eventAt(0), eventAt(30_000), eventAt(FIRST_WINDOW_MS + 90_000), eventAt(FIRST_WINDOW_MS + LATER_WINDOW_MS + 1)];
    const server = fakeServer(events);
    const handedOver: number[][] = [];
    await loadRecordingInWindows({
      sessionStartMs: START_MS,
      fetchWindow: server.fetchWindow,
      onEvents: (windowEvents) => handedOver.push(windowEvents.map((event) => event.timestamp - START_MS)),
    });
    expect(server.requests).toEqual([
      { fromMs: null, toMs: START_MS + FIRST_WINDOW_MS },
      { fromMs: START_MS + FIRST_WINDOW_MS, toMs: START_MS + FIRST_WINDOW_MS + LATER_WINDOW_MS },
      { fromMs: START_MS + FIRST_WINDOW_MS + LATER_WINDOW_MS, toMs: START_MS + FIRST_WINDOW_MS + 2 * LATER_WINDOW_MS },
    ]);
    expect(handedOver).toEqual([[0, 30_000], [FIRST_WINDOW_MS + 90_000], [FIRST_WINDOW_MS + LATER_WINDOW_MS + 1]]);
  });

  it("hands every event over exactly once, even one exactly on a window boundary", async () => {
    const events = [eventAt(0), eventAt(FIRST_WINDOW_MS), eventAt(FIRST_WINDOW_MS + LATER_WINDOW_MS)];
    const server = fakeServer(events);
    const received: RecordedEvent[] = [];
    await loadRecordingInWindows({ sessionStartMs: START_MS, fetchWindow: server.fetchWindow, onEvents: (windowEvents) => received.push(...windowEvents) });
    expect(received).toEqual(events);
  });

  it("stops after one request for a short session and reports it done", async () => {
    const server = fakeServer([eventAt(0), eventAt(10_000)]);
    const progress: boolean[] = [];
    await loadRecordingInWindows({
      sessionStartMs: START_MS,
      fetchWindow: server.fetchWindow,
      onEvents: (_events, windowProgress) => progress.push(windowProgress.done),
    });
    expect(server.requests).toHaveLength(1);
    expect(progress).toEqual([true]);
  });

  it("stops when the session has no events", async () => {
    const server = fakeServer([]);
    await loadRecordingInWindows({ sessionStartMs: START_MS, fetchWindow: server.fetchWindow, onEvents: () => undefined });
    expect(server.requests).toHaveLength(1);
  });

  it("stops asking once aborted", async () => {
    const server = fakeServer([eventAt(0), eventAt(4 * 3_600_000)]);
    const abort = new AbortController();
    await loadRecordingInWindows({
      sessionStartMs: START_MS,
      fetchWindow: server.fetchWindow,
      signal: abort.signal,
      onEvents: () => abort.abort(),
    });
    expect(server.requests).toHaveLength(1);
  });

  it("follows next_from_ms when the server sends it, and stops at null", async () => {
    const requests: RecordingWindowRequest[] = [];
    const answers: RecordingWindowResponse[] = [
      { events: [eventAt(0)], from_ms: null, to_ms: START_MS + 10, session_end_ms: START_MS + 50_000, next_from_ms: START_MS + 10 },
      { events: [eventAt(50_000)], from_ms: START_MS + 10, to_ms: START_MS + 60_000, session_end_ms: START_MS + 50_000, next_from_ms: null },
    ];
    await loadRecordingInWindows({
      sessionStartMs: START_MS,
      fetchWindow: async (window) => {
        requests.push(window);
        return answers[requests.length - 1];
      },
      onEvents: () => undefined,
    });
    expect(requests).toEqual([
      { fromMs: null, toMs: START_MS + SCAN_WINDOW_MS },
      { fromMs: START_MS + 10, toMs: START_MS + 10 + SCAN_WINDOW_MS },
    ]);
  });
});
