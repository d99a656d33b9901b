/** The only module that touches rrweb's recorder. */

import { record } from "rrweb";
import type { CaptureSettings } from "./capture-settings";
import type { ClickHint } from "./click-hints";
import { describeClickTarget } from "./click-hints";
import type { RecordedEvent } from "./events";
import { BLOCK_CLASS, createPrivacyRules } from "./privacy";

export interface Recorder {
  stop(): void;
  /** Emits a fresh Meta + FullSnapshot pair, synchronously, through the emit callback. */
  takeFullSnapshot(): void;
  /** What the element with rrweb node id `nodeId` looks like to a person about to click it. */
  describeClickTarget(nodeId: number): ClickHint | null;
}

/** Name of the performance measure of each full snapshot (from rrweb's Meta event to its FullSnapshot event). */
export const FULL_SNAPSHOT_MEASURE_NAME = "reel.full_snapshot";

/** A fresh keyframe this often, so a seek never needs more than this much of the recording. */
const FULL_SNAPSHOT_INTERVAL_MS = 5 * 60 * 1000;

/** The visitor's IANA timezone, recorded with each keyframe so the player shows local time. */
function timezone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

export function startRrwebRecorder(emit: (event: RecordedEvent) => void, settings: CaptureSettings): Recorder {
  const rules = createPrivacyRules(settings.privacy);
  let metaAtMs = 0;
  const stopRecording = record({
    emit: (event) => {
      // rrweb emits Meta, serializes the whole document, then emits FullSnapshot
      if (event.type === 4) {
        metaAtMs = performance.now();
      } else if (event.type === 2) {
        try {
          performance.measure(FULL_SNAPSHOT_MEASURE_NAME, { start: metaAtMs });
        } catch {
          // no User Timing level 3: nothing to measure
        }
      }
      emit(event as RecordedEvent);
      if (event.type === 2) {
        emit({ type: 5, timestamp: event.timestamp, data: { tag: "reel.environment", payload: { timezone: timezone() } } } as RecordedEvent);
      }
    },
    checkoutEveryNms: FULL_SNAPSHOT_INTERVAL_MS,
    blockClass: BLOCK_CLASS,
    blockSelector: rules.blockSelector,
    maskTextSelector: rules.maskTextSelector,
    maskTextFn: rules.maskText,
    // every field goes through maskInputFn, which decides (privacy.ts); rrweb only asks when the tag is listed
    maskInputOptions: { input: true, textarea: true, select: true } as Record<string, boolean>,
    maskInputFn: rules.maskInputValue,
    // leave out scripts, comments, favicons, head whitespace and social / robots / verification meta tags
    slimDOMOptions: true,
  });
  return {
    stop: () => stopRecording?.(),
    takeFullSnapshot: () => record.takeFullSnapshot(true),
    describeClickTarget: (nodeId) => describeClickTarget(record.mirror.getNode(nodeId) as Node | null, window),
  };
}
