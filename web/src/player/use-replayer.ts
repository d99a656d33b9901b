/**
 * Owns one rrweb Replayer: feeds it the recording window by window, keeps the scaled viewport
 * fitted to its container, and exposes play, pause and seek. The Replayer rebuilds recorded pages
 * in an iframe sandboxed as "allow-same-origin" only (rrweb's default): recorded scripts never
 * run. UNSAFE_replayCanvas, which would add allow-scripts, is never set.
 */

import { useCallback, useEffect, useRef, useState } from "react";
import type { RefObject } from "react";
import { Replayer } from "rrweb";
import { fetchRecordingWindow } from "../api/client";
import type { RecordedEvent } from "../api/types";
import { loadRecordingInWindows } from "./recording-loader";
import type { ErrorMarker, ViewportSize } from "./replay-geometry";
import { canStartReplay, findErrorMarkers, firstViewportSize, fitViewport } from "./replay-geometry";

export type LoadStatus = { kind: "loading" } | { kind: "ready" } | { kind: "empty" } | { kind: "failed"; message: string };

export interface ReplayerControls {
  status: LoadStatus;
  isPlaying: boolean;
  currentTimeMs: number;
  totalTimeMs: number;
  loadedTimeMs: number;
  allLoaded: boolean;
  recordingStartMs: number | null;
  errorMarkers: ErrorMarker[];
  speed: number;
  togglePlay(): void;
  seek(offsetMs: number): void;
  setSpeed(speed: number): void;
}

const TIME_UPDATE_INTERVAL_MS = 100;

type Replay = Replayer;

export function useReplayer(sessionId: string, sessionStartMs: number, containerRef: RefObject<HTMLDivElement | null>): ReplayerControls {
  const replayerRef = useRef<Replay | null>(null);
  const viewportRef = useRef<ViewportSize | null>(null);
  const allLoadedRef = useRef(false);
  const waitingForMoreEventsRef = useRef(false);
  const [status, setStatus] = useState<LoadStatus>({ kind: "loading" });
  const [isPlaying, setIsPlaying] = useState(false);
  const [currentTimeMs, setCurrentTimeMs] = useState(0);
  const [recordingStartMs, setRecordingStartMs] = useState<number | null>(null);
  const [recordingEndMs, setRecordingEndMs] = useState<number | null>(null);
  const [loadedUntilMs, setLoadedUntilMs] = useState<number | null>(null);
  const [allLoaded, setAllLoaded] = useState(false);
  const [errorMarkers, setErrorMarkers] = useState<ErrorMarker[]>([]);
  const [speed, setSpeedState] = useState(1);

  const placeViewport = useCallback(() => {
    const replayer = replayerRef.current;
    const container = containerRef.current;
    const viewport = viewportRef.current;
    if (replayer === null || container === null || viewport === null) {
      return;
    }
    const placement = fitViewport(viewport, { width: container.clientWidth, height: container.clientHeight });
    const wrapper = replayer.wrapper;
    wrapper.style.position = "absolute";
    wrapper.style.transformOrigin = "top left";
    wrapper.style.transform = `scale(${placement.scale})`;
    wrapper.style.left = `${placement.left}px`;
    wrapper.style.top = `${placement.top}px`;
  }, [containerRef]);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) {
      return;
    }
    const abort = new AbortController();
    const startupEvents: RecordedEvent[] = [];
    let lastEventTimestampMs: number | null = null;

    const createReplayer = (events: RecordedEvent[]): Replay => {
      const replayer = new Replayer(events as never[], {
        root: container,
        skipInactive: true,
        showWarning: false,
        mouseTail: false,
        triggerFocus: false,
      });
      replayer.on("resize", (dimension) => {
        viewportRef.current = dimension as ViewportSize;
        placeViewport();
      });
      replayer.on("finish", () => {
        if (allLoadedRef.current) {
          setIsPlaying(false);
          setCurrentTimeMs(replayer.getMetaData().totalTime);
        } else {
          waitingForMoreEventsRef.current = true; // resumes when the next window arrives
        }
      });
      viewportRef.current = firstViewportSize(events);
      replayerRef.current = replayer;
      setRecordingStartMs(replayer.getMetaData().startTime);
      placeViewport();
      return replayer;
    };

    loadRecordingInWindows({
      sessionStartMs,
      signal: abort.signal,
      fetchWindow: (window) => fetchRecordingWindow(sessionId, window, abort.signal),
      onEvents: (events, progress) => {
        for (const event of events) {
          lastEventTimestampMs = Math.max(lastEventTimestampMs ?? event.timestamp, event.timestamp);
        }
        const replayer = replayerRef.current;
        if (replayer === null) {
          startupEvents.push(...events);
          if (canStartReplay(startupEvents)) {
            createReplayer(startupEvents);
            setStatus({ kind: "ready" });
          } else if (progress.done) {
            setStatus({ kind: "empty" });
          }
        } else {
          for (const event of events) {
            replayer.addEvent(event as never);
          }
          if (waitingForMoreEventsRef.current && events.length > 0) {
            waitingForMoreEventsRef.current = false;
            const resumeAtMs = replayer.getCurrentTime();
            window.setTimeout(() => replayer.play(resumeAtMs), 0); // addEvent applies on a microtask
          }
        }
        setErrorMarkers((known) => [...known, ...findErrorMarkers(events)]);
        setLoadedUntilMs(progress.loadedUntilMs);
        setRecordingEndMs(Math.max(progress.sessionEndMs ?? 0, lastEventTimestampMs ?? 0) || null);
        if (progress.done) {
          allLoadedRef.current = true;
          setAllLoaded(true);
        }
      },
    }).catch((error: unknown) => {
      if (!abort.signal.aborted) {
        setStatus({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      }
    });

    const resizeObserver = new ResizeObserver(() => placeViewport());
    resizeObserver.observe(container);
    return () => {
      abort.abort();
      resizeObserver.disconnect();
      replayerRef.current?.destroy();
      replayerRef.current = null;
    };
  }, [sessionId, sessionStartMs, containerRef, placeViewport]);

  useEffect(() => {
    if (!isPlaying) {
      return;
    }
    const timer = window.setInterval(() => {
      const replayer = replayerRef.current;
      if (replayer !== null) {
        setCurrentTimeMs(replayer.getCurrentTime());
      }
    }, TIME_UPDATE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [isPlaying]);

  const totalTimeMs = recordingStartMs !== null && recordingEndMs !== null ? Math.max(0, recordingEndMs - recordingStartMs) : 0;
  const loadedTimeMs =
    recordingStartMs !== null && loadedUntilMs !== null ? Math.min(totalTimeMs, Math.max(0, loadedUntilMs - recordingStartMs)) : 0;

  const togglePlay = useCallback(() => {
    const replayer = replayerRef.current;
    if (replayer === null) {
      return;
    }
    if (isPlaying) {
      replayer.pause();
      waitingForMoreEventsRef.current = false;
      setCurrentTimeMs(replayer.getCurrentTime());
      setIsPlaying(false);
      return;
    }
    const atEnd = allLoaded && currentTimeMs >= totalTimeMs - 50;
    const offsetMs = atEnd ? 0 : currentTimeMs;
    replayer.play(offsetMs);
    setCurrentTimeMs(offsetMs);
    setIsPlaying(true);
  }, [isPlaying, allLoaded, currentTimeMs, totalTimeMs]);

  const seek = useCallback(
    (offsetMs: number) => {
      const replayer = replayerRef.current;
      if (replayer === null) {
        return;
      }
      const clampedMs = Math.max(0, Math.min(offsetMs, loadedTimeMs));
      if (isPlaying) {
        replayer.play(clampedMs);
      } else {
        replayer.pause(clampedMs);
      }
      setCurrentTimeMs(clampedMs);
    },
    [isPlaying, loadedTimeMs],
  );

  const setSpeed = useCallback((nextSpeed: number) => {
    replayerRef.current?.setConfig({ speed: nextSpeed });
    setSpeedState(nextSpeed);
  }, []);

  return {
    status,
    isPlaying,
    currentTimeMs: Math.min(currentTimeMs, totalTimeMs),
    totalTimeMs,
    loadedTimeMs,
    allLoaded,
    recordingStartMs,
    errorMarkers,
    speed,
    togglePlay,
    seek,
    setSpeed,
  };
}
