/**
 * One rrweb Replayer and what the engine knows about it: the stretch of recording it holds, the
 * page loads in it (for the current URL), its viewport, and whether it reported missing nodes since
 * its last full snapshot (the sign of a page damaged by missing batches).
 *
 * Security: the Replayer rebuilds recorded pages in an iframe sandboxed as "allow-same-origin"
 * only (rrweb 2.2.2 sets that itself and refuses anything else unless UNSAFE_replayCanvas is set,
 * which Reel never does): recorded scripts, inline handlers and javascript: URLs never run.
 */

import { Replayer } from "rrweb";
import type { RecordedEvent } from "../api/types";
import type { LoadedStretch } from "./playback-planning";
import type { ViewportSize } from "./replay-geometry";
import { fitViewport } from "./replay-geometry";
import { readMetaEvent } from "./rrweb-event-types";
import { momentAfterKeyframeAt } from "./replayer-event-buffer";

/** The cursor's trail: red, as in Amplitude's player. */
const MOUSE_TAIL = { strokeStyle: "rgba(220, 38, 38, 0.85)", lineWidth: 3, duration: 800, lineCap: "round" };

export interface PageLoadMark {
  timeMs: number;
  href: string | null;
}

export interface LiveReplayCallbacks {
  onFinish(live: LiveReplay): void;
  onViewportChange(live: LiveReplay): void;
}

export class LiveReplay implements LoadedStretch {
  readonly replayer: Replayer;
  readonly host: HTMLDivElement;
  /** The earliest timestamp among the Replayer's events: its time offset 0. */
  readonly baseMs: number;
  playableFromMs: number;
  loadedUntilMs: number;
  nextFromMs: number | null;
  loadAbort: AbortController | null = null;
  viewport: ViewportSize | null = null;
  pageLoads: PageLoadMark[] = [];
  lastFullSnapshotMs: number;
  missingNodeWarnings = 0;
  /** A keyframe the engine wanted to trim to but that is not in this Replayer's events. */
  untrimmableKeyframeMs: number | null = null;

  constructor(options: {
    container: HTMLElement;
    events: RecordedEvent[];
    playableFromMs: number;
    loadedUntilMs: number;
    nextFromMs: number | null;
    speed: number;
    callbacks: LiveReplayCallbacks;
  }) {
    this.host = document.createElement("div");
    this.host.className = "replay-host";
    options.container.appendChild(this.host);
    this.playableFromMs = options.playableFromMs;
    this.lastFullSnapshotMs = options.playableFromMs;
    this.loadedUntilMs = options.loadedUntilMs;
    this.nextFromMs = options.nextFromMs;
    this.rememberPageLoads(options.events);
    this.replayer = new Replayer(options.events as never[], {
      root: this.host,
      speed: options.speed,
      skipInactive: false, // the engine jumps over idle periods itself
      showWarning: true,
      logger: { log: () => undefined, warn: (...parts: unknown[]) => this.noteWarning(parts) },
      mouseTail: MOUSE_TAIL,
      triggerFocus: false,
      pauseAnimation: true,
      useVirtualDom: false,
    });
    // rrweb sorts the events by timestamp (the server sends them by batch sequence): offsets count from its first
    this.baseMs = this.replayer.getMetaData().startTime;
    this.replayer.on("resize", (dimension) => {
      this.viewport = dimension as ViewportSize;
      options.callbacks.onViewportChange(this);
    });
    this.replayer.on("fullsnapshot-rebuilded", (event) => {
      this.lastFullSnapshotMs = (event as RecordedEvent).timestamp;
      this.missingNodeWarnings = 0;
    });
    this.replayer.on("finish", () => options.callbacks.onFinish(this));
  }

  private noteWarning(parts: unknown[]): void {
    if (parts.some((part) => typeof part === "string" && part.includes("not found"))) {
      this.missingNodeWarnings += 1;
    }
  }

  private rememberPageLoads(events: RecordedEvent[]): void {
    for (const event of events) {
      const meta = readMetaEvent(event);
      if (meta !== null) {
        this.pageLoads.push({ timeMs: event.timestamp, href: meta.href });
      }
    }
  }

  addEvents(events: RecordedEvent[]): void {
    for (const event of events) {
      this.replayer.addEvent(event as never);
    }
    this.rememberPageLoads(events);
  }

  /** Forgets page loads before `timeMs` except the last one, which still names the page shown then. */
  forgetPageLoadsBefore(timeMs: number): void {
    const firstKept = this.pageLoads.findIndex((pageLoad) => pageLoad.timeMs >= timeMs);
    const keepFrom = firstKept === -1 ? this.pageLoads.length - 1 : Math.max(0, firstKept - 1);
    this.pageLoads = this.pageLoads.slice(Math.max(0, keepFrom));
  }

  /** The last page load at or before `timeMs`. */
  pageLoadAt(timeMs: number): PageLoadMark | null {
    let found: PageLoadMark | null = null;
    for (const pageLoad of this.pageLoads) {
      if (pageLoad.timeMs > timeMs) {
        break;
      }
      found = pageLoad;
    }
    return found;
  }

  /**
   * rrweb shows an offset by applying the events strictly before it; the player shows a moment T as
   * the page at the end of millisecond T, events stamped T included. Hence the 1 ms between the two.
   */
  currentMs(): number {
    return this.baseMs + this.replayer.getCurrentTime() - 1;
  }

  /** Shows the moment `timeMs` (or just after a keyframe's full snapshot, when it falls on one); returns the moment shown. */
  showAt(timeMs: number, playing: boolean): number {
    const shownMs = Math.max(this.baseMs, momentAfterKeyframeAt(this.replayer, timeMs));
    const offsetMs = shownMs - this.baseMs + 1;
    if (playing) {
      this.replayer.play(offsetMs);
    } else {
      this.replayer.pause(offsetMs);
    }
    return shownMs;
  }

  placeIn(container: HTMLElement): void {
    if (this.viewport === null) {
      return;
    }
    const placement = fitViewport(this.viewport, { width: container.clientWidth, height: container.clientHeight });
    const wrapper = this.replayer.wrapper;
    wrapper.style.position = "absolute";
    wrapper.style.transformOrigin = "top left";
    wrapper.style.transform = `scale(${placement.scale})`;
    wrapper.style.left = `${placement.left}px`;
    wrapper.style.top = `${placement.top}px`;
  }

  destroy(): void {
    this.loadAbort?.abort();
    try {
      this.replayer.destroy();
    } finally {
      this.host.remove();
    }
  }
}
