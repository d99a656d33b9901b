import { describe, expect, it } from "vitest";
import { actionForKey, isTypingTarget, nextSpeed } from "../src/player/keyboard-shortcuts";
import {
  KEEP_BEHIND_MS,
  LOOKAHEAD_MS_MIN,
  firstPlayableMs,
  isWithinLoadedStretch,
  keyframeToTrimTo,
  loadChunkMs,
  shouldLoadAhead,
} from "../src/player/playback-planning";
import { describeMissingBatches, gapAt, gapsBetween, nextKeyframeAtOrAfter } from "../src/player/recording-gaps";
import { replayMomentPath, startOffsetFromQuery } from "../src/player/replay-link";
import { dropEventsBeforeKeyframe } from "../src/player/replayer-event-buffer";
import { clockZone, describeClockZone, formatSessionMoment } from "../src/player/session-clock";
import { fullSnapshotEvent, metaEvent, mouseMoveEvent } from "./recording-fixtures";

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe("keyboard shortcuts", () => {
  it("maps keys to actions and leaves modifier combinations to the browser", () => {
    expect(actionForKey(press(" "))).toBe("toggle-play");
    expect(actionForKey(press("ArrowLeft"))).toBe("skip-back");
    expect(actionForKey(press("ArrowRight"))).toBe("skip-forward");
    expect(actionForKey(press("F"))).toBe("toggle-fullscreen");
    expect(actionForKey(press(">"))).toBe("faster");
    expect(actionForKey(press("c", { ctrlKey: true }))).toBeNull();
    expect(actionForKey(press("x"))).toBeNull();
    expect(isTypingTarget(null)).toBe(false);
  });

  it("steps through the speeds and stops at the ends", () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(8, 1)).toBe(8);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(0.5, -1)).toBe(0.5);
  });
});

describe("links to a moment", () => {
  it("writes and reads ?t= in whole seconds", () => {
    expect(replayMomentPath("a/b", 65_900)).toBe("/replays/a%2Fb?t=65");
    expect(startOffsetFromQuery("?t=65")).toBe(65_000);
    expect(startOffsetFromQuery("?t=1.5")).toBe(1_500);
    expect(startOffsetFromQuery("?t=-3")).toBeNull();
    expect(startOffsetFromQuery("?t=abc")).toBeNull();
    expect(startOffsetFromQuery("")).toBeNull();
  });
});

describe("the session clock", () => {
  it("shows the recorded timezone, or the viewer's labelled as such", () => {
    const recorded = clockZone("Asia/Tokyo", "Europe/London");
    expect(formatSessionMoment(Date.UTC(2026, 10, 27, 14, 0, 5), recorded, "en-GB")).toContain("23:00:05");
    expect(describeClockZone(recorded)).toBe("Asia/Tokyo (recorded)");
    const fallback = clockZone(null, "Europe/London");
    expect(formatSessionMoment(Date.UTC(2026, 10, 27, 14, 0, 5), fallback, "en-GB")).toContain("14:00:05");
    expect(describeClockZone(fallback)).toBe("Europe/London (your timezone; the recording has none)");
  });
});

describe("planning what to load and drop", () => {
  const stretch = { playableFromMs: 1_000, loadedUntilMs: 100_000, nextFromMs: 100_000 };

  it("loads ahead while little is loaded past the playhead, and always while starved", () => {
    expect(shouldLoadAhead(stretch, 100_000 - LOOKAHEAD_MS_MIN + 1, 1, false)).toBe(true);
    expect(shouldLoadAhead(stretch, 5_000, 1, false)).toBe(false);
    expect(shouldLoadAhead(stretch, 5_000, 1, true)).toBe(true);
    expect(shouldLoadAhead({ ...stretch, nextFromMs: null }, 99_000, 1, true)).toBe(false);
    expect(loadChunkMs(8)).toBeGreaterThan(loadChunkMs(1));
  });

  it("serves seeks inside the loaded stretch without loading", () => {
    expect(isWithinLoadedStretch(stretch, 1_000)).toBe(true);
    expect(isWithinLoadedStretch(stretch, 999)).toBe(false);
    expect(isWithinLoadedStretch(stretch, 100_000)).toBe(false);
    expect(isWithinLoadedStretch({ ...stretch, nextFromMs: null }, 100_000)).toBe(true);
  });

  it("drops events only behind a newer keyframe far enough back", () => {
    const keyframes = [0, 300_000, 600_000];
    expect(keyframeToTrimTo(keyframes, 2, 300_000 + KEEP_BEHIND_MS - 1)).toBeNull();
    expect(keyframeToTrimTo(keyframes, 2, 300_000 + KEEP_BEHIND_MS)).toBe(300_000);
    expect(keyframeToTrimTo(keyframes, 300_000, 600_000 + KEEP_BEHIND_MS - 1)).toBeNull();
    expect(keyframeToTrimTo(keyframes, 2, 700_000)).toBe(600_000);
    expect(firstPlayableMs([metaEvent(0), fullSnapshotEvent(1)])).toBe(fullSnapshotEvent(1).timestamp);
    expect(firstPlayableMs([metaEvent(0)])).toBeNull();
  });

  it("removes the events between the first one and a keyframe from rrweb's event array", () => {
    const events = [metaEvent(0), fullSnapshotEvent(1), mouseMoveEvent(5), metaEvent(300_000), fullSnapshotEvent(300_001), mouseMoveEvent(300_500)];
    const fakeReplayer = { service: { state: { context: { events } } } };
    expect(dropEventsBeforeKeyframe(fakeReplayer as never, metaEvent(300_000).timestamp)).toBe(fullSnapshotEvent(300_001).timestamp);
    expect(events.map((event) => event.timestamp - events[0].timestamp)).toEqual([0, 300_000, 300_001, 300_500]);
    expect(dropEventsBeforeKeyframe({} as never, 1)).toBeNull();
  });
});

describe("missing batches", () => {
  const gaps = [{ first_missing_sequence: 3, missing_batch_count: 2, start_ms: 100, end_ms: 200 }];

  it("finds the gap at a moment and the keyframe after it", () => {
    expect(gapAt(gaps, 150)).toEqual(gaps[0]);
    expect(gapAt(gaps, 200)).toBeNull();
    expect(gapsBetween(gaps, 0, 150)).toEqual(gaps);
    expect(gapsBetween(gaps, 101, 150)).toEqual([]);
    expect(nextKeyframeAtOrAfter([0, 250, 500], 200)).toBe(250);
    expect(nextKeyframeAtOrAfter([0], 200)).toBeNull();
    expect(describeMissingBatches(2)).toBe("2 batches missing");
    expect(describeMissingBatches(1)).toBe("1 batch missing");
  });
});
