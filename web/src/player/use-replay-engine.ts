/** Creates the ReplayEngine for a session once its stage element exists, and follows its state. */

import { useEffect, useState, useSyncExternalStore } from "react";
import type { RefObject } from "react";
import { fetchRecordingAt, fetchRecordingWindow } from "../api/client";
import type { SessionDetail } from "../api/types";
import type { ReplayEngineSnapshot } from "./replay-engine";
import { ReplayEngine } from "./replay-engine";

const NO_ENGINE_SNAPSHOT: ReplayEngineSnapshot = {
  status: "loading",
  message: null,
  isPlaying: false,
  isBuffering: false,
  isSeeking: false,
  currentMs: 0,
  speed: 1,
  skipInactivity: true,
  playableFromMs: null,
  loadedUntilMs: null,
  recordingEndMs: 0,
  currentUrl: null,
  currentUrlSinceMs: null,
  damagedByGap: false,
  firstFrameAtMs: null,
  lastSeekDurationMs: null,
  seekCount: 0,
  replayerBuildCount: 0,
  heldEventCount: null,
};

const subscribeToNothing = () => () => undefined;

/** The last moment of the recording: the session's end, as the session API reports it. */
export function recordingEndOf(detail: SessionDetail): number {
  return Math.max(detail.session.end_time_ms, detail.session.start_time_ms);
}

export function useReplayEngine(
  detail: SessionDetail,
  stageRef: RefObject<HTMLDivElement | null>,
  startAtMs: number,
): { engine: ReplayEngine | null; state: ReplayEngineSnapshot } {
  const [engine, setEngine] = useState<ReplayEngine | null>(null);

  useEffect(() => {
    const container = stageRef.current;
    if (container === null) {
      return;
    }
    const sessionId = detail.session.id;
    const created = new ReplayEngine({
      container,
      source: {
        fetchAt: (atMs, windowMs, signal) => fetchRecordingAt(sessionId, atMs, windowMs, signal),
        fetchRange: (fromMs, toMs, signal) => fetchRecordingWindow(sessionId, { fromMs, toMs }, signal),
      },
      recordingStartMs: detail.session.start_time_ms,
      recordingEndMs: recordingEndOf(detail),
      keyframesMs: [...(detail.keyframes_ms ?? [])].sort((left, right) => left - right),
      gaps: detail.gaps ?? [],
    });
    created.open(startAtMs);
    setEngine(created);
    return () => {
      created.destroy();
      setEngine(null);
    };
    // one engine per session: `startAtMs` only says where it opens (the page remounts per session)
  }, [detail, stageRef]);

  const state = useSyncExternalStore(engine?.subscribe ?? subscribeToNothing, engine?.getSnapshot ?? (() => NO_ENGINE_SNAPSHOT));
  return { engine, state };
}
