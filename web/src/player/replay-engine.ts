/**
 * Plays a recording of any length while holding only the stretch around the playhead:
 *
 * - Opening (and any seek outside what is loaded) asks the server for the keyframe at or before
 *   the target (`?at_ms=`), builds a fresh Replayer from it and destroys the old one.
 * - While playing, the next windows are loaded ahead of the playhead (`?from_ms=&to_ms=`).
 * - Events more than KEEP_BEHIND_MS behind, before a newer keyframe, are dropped.
 * - Skip inactivity jumps over idle periods and missing batches.
 *
 * React reads its state through `subscribe`/`getSnapshot` (useSyncExternalStore).
 */

import type { RecordingGap, RecordingWindowResponse } from "../api/types";
import type { IdlePeriod } from "./idle-periods";
import { idleSkipTarget } from "./idle-periods";
import { LiveReplay } from "./live-replay";
import {
  KEEP_BEHIND_MS,
  OPEN_WINDOW_MS,
  clamp,
  firstPlayableMs,
  isWithinLoadedStretch,
  keyframeToTrimTo,
  loadChunkMs,
  shouldLoadAhead,
} from "./playback-planning";
import { gapsBetween } from "./recording-gaps";
import { dropEventsBeforeKeyframe, replayerEventCount } from "./replayer-event-buffer";

export interface RecordingSource {
  fetchAt(atMs: number, windowMs: number, signal: AbortSignal): Promise<RecordingWindowResponse>;
  fetchRange(fromMs: number, toMs: number, signal: AbortSignal): Promise<RecordingWindowResponse>;
}

export interface ReplayEngineOptions {
  container: HTMLElement;
  source: RecordingSource;
  recordingStartMs: number;
  recordingEndMs: number;
  keyframesMs: number[];
  gaps: RecordingGap[];
}

export interface ReplayEngineSnapshot {
  status: "loading" | "ready" | "empty" | "failed";
  message: string | null;
  isPlaying: boolean;
  /** Playing, but the next events have not arrived yet. */
  isBuffering: boolean;
  isSeeking: boolean;
  currentMs: number;
  speed: number;
  skipInactivity: boolean;
  playableFromMs: number | null;
  loadedUntilMs: number | null;
  recordingEndMs: number;
  /** The page URL of the last page load (Meta event) at or before the playhead, and its time. */
  currentUrl: string | null;
  currentUrlSinceMs: number | null;
  /** The page cannot be shown faithfully: batches are missing since the last full snapshot. */
  damagedByGap: boolean;
  /** performance.now() when the first frame was drawn. */
  firstFrameAtMs: number | null;
  lastSeekDurationMs: number | null;
  /** Seeks (and the opening) whose first frame has been drawn; `lastSeekDurationMs` is the latest one's. */
  seekCount: number;
  replayerBuildCount: number;
  /** Events the Replayer holds (null if rrweb's internals changed). */
  heldEventCount: number | null;
}

const TICK_INTERVAL_MS = 100;
/** About 10 to 20 minutes of a busy page. */
const HELD_EVENTS_REBUILD_MIN = 40_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ReplayEngine {
  private readonly options: ReplayEngineOptions;
  private readonly listeners = new Set<() => void>();
  private readonly resizeObserver: ResizeObserver;
  private snapshot: ReplayEngineSnapshot;
  private live: LiveReplay | null = null;
  private openGeneration = 0;
  private openAbort: AbortController | null = null;
  private tickTimer: number | null = null;
  private skipSpans: IdlePeriod[] = [];
  private destroyed = false;
  /** Held events above which playback rebuilds from a newer (server-built) keyframe; see trimBehind. */
  private rebuildAboveEventCount = HELD_EVENTS_REBUILD_MIN;
  /** The session's last moment: from the session API, extended when the recording reaches further. */
  private recordingEndMs: number;

  constructor(options: ReplayEngineOptions) {
    this.options = options;
    this.recordingEndMs = options.recordingEndMs;
    this.snapshot = {
      status: "loading",
      message: null,
      isPlaying: false,
      isBuffering: false,
      isSeeking: false,
      currentMs: options.recordingStartMs,
      speed: 1,
      skipInactivity: true,
      playableFromMs: null,
      loadedUntilMs: null,
      recordingEndMs: options.recordingEndMs,
      currentUrl: null,
      currentUrlSinceMs: null,
      damagedByGap: false,
      firstFrameAtMs: null,
      lastSeekDurationMs: null,
      seekCount: 0,
      replayerBuildCount: 0,
      heldEventCount: null,
    };
    this.setIdlePeriods([]);
    this.resizeObserver = new ResizeObserver(() => this.live?.placeIn(options.container));
    this.resizeObserver.observe(options.container);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReplayEngineSnapshot => this.snapshot;

  private update(changes: Partial<ReplayEngineSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) {
      listener();
    }
  }

  /** Idle periods (from the recording summary) and missing batches are what skipping jumps over. */
  setIdlePeriods(idlePeriods: IdlePeriod[]): void {
    const gapSpans = this.options.gaps.map((gap) => ({ startMs: gap.start_ms, endMs: gap.end_ms }));
    this.skipSpans = [...idlePeriods, ...gapSpans].filter((span) => span.endMs > span.startMs).sort((left, right) => left.startMs - right.startMs);
  }

  /** Shows the recording at `atMs`, loading only the keyframe window it needs. */
  open(atMs: number): void {
    void this.openAt(clamp(atMs, this.options.recordingStartMs, this.recordingEndMs), false, performance.now());
  }

  play(): void {
    if (this.live === null || this.snapshot.isPlaying) {
      return;
    }
    const atEnd = this.live.nextFromMs === null && this.snapshot.currentMs >= this.recordingEndMs - 50;
    const fromMs = atEnd ? this.options.recordingStartMs : this.snapshot.currentMs;
    this.update({ isPlaying: true, isBuffering: false });
    if (isWithinLoadedStretch(this.live, fromMs)) {
      this.showWithinLoadedStretch(this.live, fromMs);
    } else {
      void this.openAt(fromMs, true, performance.now());
    }
    this.startTicking();
  }

  pause(): void {
    if (!this.snapshot.isPlaying) {
      return;
    }
    this.live?.replayer.pause();
    this.stopTicking();
    this.update({ isPlaying: false, isBuffering: false, currentMs: this.live?.currentMs() ?? this.snapshot.currentMs });
  }

  togglePlay(): void {
    if (this.snapshot.isPlaying) {
      this.pause();
    } else {
      this.play();
    }
  }

  skipBy(deltaMs: number): void {
    this.seek(this.snapshot.currentMs + deltaMs);
  }

  seek(targetMs: number): void {
    const startedAtMs = performance.now();
    const clampedMs = clamp(targetMs, this.options.recordingStartMs, this.recordingEndMs);
    const live = this.live;
    if (live === null || !isWithinLoadedStretch(live, clampedMs)) {
      void this.openAt(clampedMs, this.snapshot.isPlaying, startedAtMs);
      return;
    }
    this.showWithinLoadedStretch(live, clampedMs);
    this.afterFrame(() => this.update({ lastSeekDurationMs: performance.now() - startedAtMs, seekCount: this.snapshot.seekCount + 1 }));
  }

  private showWithinLoadedStretch(live: LiveReplay, targetMs: number): void {
    this.openGeneration += 1; // overrides a rebuild still loading
    this.openAbort?.abort();
    const shownMs = live.showAt(Math.max(targetMs, live.playableFromMs), this.snapshot.isPlaying);
    this.update({ currentMs: shownMs, isSeeking: false, isBuffering: false, ...this.liveFacts(live, shownMs) });
    this.loadAhead(live);
  }

  setSpeed(speed: number): void {
    this.live?.replayer.setConfig({ speed });
    this.update({ speed });
  }

  setSkipInactivity(skipInactivity: boolean): void {
    this.update({ skipInactivity });
  }

  destroy(): void {
    this.destroyed = true;
    this.openGeneration += 1;
    this.openAbort?.abort();
    this.stopTicking();
    this.resizeObserver.disconnect();
    this.live?.destroy();
    this.live = null;
    this.listeners.clear();
  }

  private afterFrame(callback: () => void): void {
    requestAnimationFrame(() => {
      if (!this.destroyed) {
        callback();
      }
    });
  }

  private liveFacts(live: LiveReplay, atMs: number): Partial<ReplayEngineSnapshot> {
    const gapsSinceSnapshot = gapsBetween(this.options.gaps, live.lastFullSnapshotMs, atMs);
    const pageLoad = live.pageLoadAt(atMs);
    return {
      playableFromMs: live.playableFromMs,
      loadedUntilMs: live.loadedUntilMs,
      currentUrl: pageLoad?.href ?? null,
      currentUrlSinceMs: pageLoad?.timeMs ?? null,
      damagedByGap: live.missingNodeWarnings > 0 && gapsSinceSnapshot.length > 0,
      heldEventCount: replayerEventCount(live.replayer),
    };
  }

  private async openAt(targetMs: number, playAfter: boolean, startedAtMs: number): Promise<void> {
    this.openGeneration += 1;
    const generation = this.openGeneration;
    this.openAbort?.abort();
    const abort = new AbortController();
    this.openAbort = abort;
    this.live?.replayer.pause(); // the old stretch stands still while the new one loads
    this.update({ isSeeking: true, currentMs: targetMs });
    let answer: RecordingWindowResponse;
    try {
      answer = await this.options.source.fetchAt(targetMs, OPEN_WINDOW_MS, abort.signal);
    } catch (error) {
      if (generation === this.openGeneration && !this.destroyed) {
        this.stopTicking();
        this.update({ status: this.live === null ? "failed" : "ready", message: messageOf(error), isSeeking: false, isPlaying: false });
      }
      return;
    }
    if (generation !== this.openGeneration || this.destroyed) {
      return;
    }
    this.extendRecordingEnd(answer);
    const playableFromMs = firstPlayableMs(answer.events);
    if (playableFromMs === null || answer.events.length < 2) {
      this.stopTicking();
      this.update({ status: this.live === null ? "empty" : "ready", isSeeking: false, isPlaying: false });
      return;
    }
    const shownMs = clamp(targetMs, playableFromMs, this.recordingEndMs);
    const live = new LiveReplay({
      container: this.options.container,
      events: answer.events,
      playableFromMs,
      loadedUntilMs: answer.to_ms ?? shownMs + OPEN_WINDOW_MS,
      nextFromMs: answer.next_from_ms ?? null,
      speed: this.snapshot.speed,
      callbacks: { onFinish: (finished) => this.handleFinish(finished), onViewportChange: (changed) => changed.placeIn(this.options.container) },
    });
    const shownAtMs = live.showAt(shownMs, playAfter);
    this.rebuildAboveEventCount = Math.max(HELD_EVENTS_REBUILD_MIN, (replayerEventCount(live.replayer) ?? 0) * 2);
    const previous = this.live;
    this.live = live;
    previous?.destroy();
    live.placeIn(this.options.container);
    this.update({
      status: "ready",
      message: null,
      isSeeking: false,
      isBuffering: false,
      currentMs: shownAtMs,
      replayerBuildCount: this.snapshot.replayerBuildCount + 1,
      ...this.liveFacts(live, shownAtMs),
    });
    this.afterFrame(() => {
      const drawnAtMs = performance.now();
      this.update({
        firstFrameAtMs: this.snapshot.firstFrameAtMs ?? drawnAtMs,
        lastSeekDurationMs: drawnAtMs - startedAtMs,
        seekCount: this.snapshot.seekCount + 1,
      });
    });
    this.loadAhead(live);
  }

  private loadAhead(live: LiveReplay): void {
    if (live.loadAbort !== null || live !== this.live || !shouldLoadAhead(live, this.snapshot.currentMs, this.snapshot.speed, this.snapshot.isBuffering)) {
      return;
    }
    const fromMs = live.nextFromMs as number;
    const toMs = fromMs + loadChunkMs(this.snapshot.speed);
    const abort = new AbortController();
    live.loadAbort = abort;
    this.options.source.fetchRange(fromMs, toMs, abort.signal).then(
      (answer) => {
        live.loadAbort = null;
        if (live !== this.live || abort.signal.aborted) {
          return;
        }
        live.addEvents(answer.events);
        this.extendRecordingEnd(answer);
        live.loadedUntilMs = answer.to_ms ?? toMs;
        live.nextFromMs = answer.next_from_ms !== undefined ? answer.next_from_ms : toMs <= (answer.session_end_ms ?? 0) ? toMs : null;
        if (this.snapshot.isBuffering && (answer.events.length > 0 || live.nextFromMs === null)) {
          this.resumeAfterBuffering(live);
        }
        this.update(this.liveFacts(live, this.snapshot.currentMs));
        this.loadAhead(live);
      },
      (error: unknown) => {
        live.loadAbort = null;
        if (live === this.live && !abort.signal.aborted) {
          this.update({ message: `Could not load more of the recording: ${messageOf(error)}` });
        }
      },
    );
  }

  /** A session still being recorded (or whose last batches arrived late) reaches further than it said. */
  private extendRecordingEnd(answer: RecordingWindowResponse): void {
    if (typeof answer.session_end_ms === "number" && answer.session_end_ms > this.recordingEndMs) {
      this.recordingEndMs = answer.session_end_ms;
      this.update({ recordingEndMs: this.recordingEndMs });
    }
  }

  private resumeAfterBuffering(live: LiveReplay): void {
    this.update({ isBuffering: false });
    if (live.nextFromMs === null && this.snapshot.currentMs >= this.recordingEndMs - 50) {
      this.finishPlayback();
      return;
    }
    // addEvent applies on the state machine's next turn; play afterwards from where playback stopped
    const resumeAtMs = this.snapshot.currentMs;
    window.setTimeout(() => {
      if (live === this.live && this.snapshot.isPlaying) {
        live.showAt(resumeAtMs, true);
      }
    }, 0);
  }

  private handleFinish(live: LiveReplay): void {
    if (live !== this.live || !this.snapshot.isPlaying) {
      return;
    }
    const currentMs = live.currentMs();
    if (live.nextFromMs === null) {
      this.update({ currentMs: Math.max(currentMs, this.snapshot.currentMs) });
      this.finishPlayback();
      return;
    }
    this.update({ isBuffering: true, currentMs });
    this.loadAhead(live);
  }

  private finishPlayback(): void {
    this.stopTicking();
    this.update({ isPlaying: false, isBuffering: false, currentMs: this.recordingEndMs });
  }

  private startTicking(): void {
    if (this.tickTimer === null) {
      this.tickTimer = window.setInterval(() => this.tick(), TICK_INTERVAL_MS);
    }
  }

  private stopTicking(): void {
    if (this.tickTimer !== null) {
      window.clearInterval(this.tickTimer);
      this.tickTimer = null;
    }
  }

  private tick(): void {
    const live = this.live;
    if (live === null || !this.snapshot.isPlaying || this.snapshot.isSeeking || this.snapshot.isBuffering) {
      return;
    }
    const currentMs = Math.min(live.currentMs(), this.recordingEndMs);
    if (this.snapshot.skipInactivity) {
      const skipToMs = idleSkipTarget(this.skipSpans, currentMs);
      if (skipToMs !== null) {
        this.seek(skipToMs);
        return;
      }
    }
    this.trimBehind(live, currentMs);
    this.update({ currentMs, ...this.liveFacts(live, currentMs) });
    this.loadAhead(live);
  }

  /**
   * Drops what is far behind the playhead. With a keyframe in the stream (the SDK's page loads and
   * periodic snapshots) the Replayer's events before it are removed. Keyframes the server builds
   * itself exist only as seek targets, so when the Replayer holds more than `rebuildAboveEventCount`
   * events it is rebuilt at the playhead from the newest keyframe there (a short hitch); the bound
   * doubles when that did not help, so a session without any later keyframe is not rebuilt in a loop.
   */
  private trimBehind(live: LiveReplay, currentMs: number): void {
    const keyframeMs = keyframeToTrimTo(this.options.keyframesMs, live.playableFromMs, currentMs);
    if (keyframeMs !== null && keyframeMs !== live.untrimmableKeyframeMs) {
      const fullSnapshotMs = dropEventsBeforeKeyframe(live.replayer, keyframeMs);
      if (fullSnapshotMs === null) {
        live.untrimmableKeyframeMs = keyframeMs; // not in the stream: do not look for it again
      } else {
        live.playableFromMs = fullSnapshotMs;
        live.forgetPageLoadsBefore(keyframeMs);
      }
    }
    const heldEventCount = replayerEventCount(live.replayer) ?? 0;
    if (heldEventCount > this.rebuildAboveEventCount && currentMs - live.playableFromMs > KEEP_BEHIND_MS) {
      this.rebuildAboveEventCount = heldEventCount * 2;
      void this.openAt(currentMs, true, performance.now());
    }
  }
}
