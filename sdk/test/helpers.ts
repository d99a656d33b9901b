/** Test doubles shared by the SDK's unit tests: a manual clock, manual timers, a fake recorder. */

import type { CaptureSettings } from "../src/capture-settings";
import type { ClickHint } from "../src/click-hints";
import type { TimerFunctions } from "../src/delivery-queue";
import type { RecordedEvent } from "../src/events";
import type { Recorder } from "../src/recorder";

export class ManualClock {
  nowMs: number;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  advance(durationMs: number): void {
    this.nowMs += durationMs;
  }
}

interface PendingTimer {
  handle: number;
  callback: () => void;
  delayMs: number;
}

/** Timers that run only when the test says so, and remember the delays they were given. */
export class ManualTimers implements TimerFunctions {
  readonly pending: PendingTimer[] = [];
  readonly requestedDelaysMs: number[] = [];
  private nextHandle = 1;

  setTimeout(callback: () => void, delayMs: number): unknown {
    const handle = this.nextHandle;
    this.nextHandle += 1;
    this.pending.push({ handle, callback, delayMs });
    this.requestedDelaysMs.push(delayMs);
    return handle;
  }

  clearTimeout(handle: unknown): void {
    const index = this.pending.findIndex((timer) => timer.handle === handle);
    if (index >= 0) {
      this.pending.splice(index, 1);
    }
  }

  /** Runs every timer that is pending now (not ones they schedule). */
  runPending(): void {
    const due = this.pending.splice(0, this.pending.length);
    for (const timer of due) {
      timer.callback();
    }
  }
}

/** Lets promise callbacks queued so far (and the ones they queue) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await Promise.resolve();
  }
}

export function metaEvent(timestamp: number): RecordedEvent {
  return { type: 4, timestamp, data: { href: "https://shop.example/", width: 1280, height: 720 } };
}

export function fullSnapshotEvent(timestamp: number): RecordedEvent {
  return { type: 2, timestamp, data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { left: 0, top: 0 } } };
}

export function clickEvent(timestamp: number): RecordedEvent {
  return { type: 3, timestamp, data: { source: 2, type: 2, id: 5, x: 10, y: 10 } };
}

export function mutationEvent(timestamp: number, text = "tick"): RecordedEvent {
  return { type: 3, timestamp, data: { source: 0, texts: [{ id: 7, value: text }], attributes: [], removes: [], adds: [] } };
}

/** A recorder that emits what the test tells it to, like rrweb would. */
export class FakeRecorder implements Recorder {
  emit: (event: RecordedEvent) => void = () => undefined;
  fullSnapshotsTaken = 0;
  started = false;
  startCount = 0;
  settings: CaptureSettings | null = null;
  clickHint: ClickHint | null = null;
  private readonly clock: ManualClock;

  constructor(clock: ManualClock) {
    this.clock = clock;
  }

  /** Use as `startRecorder`: remembers the emit callback and the settings, like a fresh rrweb start. */
  start = (emit: (event: RecordedEvent) => void, settings: CaptureSettings): Recorder => {
    this.emit = emit;
    this.started = true;
    this.startCount += 1;
    this.settings = settings;
    return this;
  };

  stop(): void {
    this.started = false;
  }

  takeFullSnapshot(): void {
    this.fullSnapshotsTaken += 1;
    this.emit(metaEvent(this.clock.nowMs));
    this.emit(fullSnapshotEvent(this.clock.nowMs));
  }

  describeClickTarget(): ClickHint | null {
    return this.clickHint;
  }
}
