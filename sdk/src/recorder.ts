/** The only module that touches rrweb's recorder. */

import { record } from "rrweb";
import type { RecordedEvent } from "./events";

export interface Recorder {
  stop(): void;
  /** Throws when recording has not started yet (rrweb waits for the page to load). */
  addCustomEvent(tag: string, payload: unknown): void;
  /** Emits a fresh Meta + FullSnapshot pair, synchronously, through the emit callback. */
  takeFullSnapshot(): void;
}

export interface RecorderOptions {
  maskAllInputs: boolean;
  emit: (event: RecordedEvent) => void;
}

export function startRrwebRecorder(options: RecorderOptions): Recorder {
  const stopRecording = record({
    emit: (event) => options.emit(event as RecordedEvent),
    maskAllInputs: options.maskAllInputs,
    // passwords stay masked even if a host turns maskAllInputs off
    maskInputOptions: { password: true },
  });
  return {
    stop: () => stopRecording?.(),
    addCustomEvent: (tag, payload) => record.addCustomEvent(tag, payload),
    takeFullSnapshot: () => record.takeFullSnapshot(true),
  };
}
