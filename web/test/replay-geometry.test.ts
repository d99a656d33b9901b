import { describe, expect, it } from "vitest";
import { canStartReplay, findErrorMarkers, firstViewportSize, fitViewport, fractionAlong } from "../src/player/replay-geometry";

describe("fitting the recorded viewport", () => {
  it("scales down to the limiting side and centres the other", () => {
    const placement = fitViewport({ width: 1280, height: 720 }, { width: 640, height: 600 });
    expect(placement.scale).toBe(0.5);
    expect(placement.left).toBe(0);
    expect(placement.top).toBe((600 - 360) / 2);
  });

  it("scales a tall viewport by its height", () => {
    const placement = fitViewport({ width: 400, height: 800 }, { width: 1000, height: 400 });
    expect(placement.scale).toBe(0.5);
    expect(placement.left).toBe((1000 - 200) / 2);
  });

  it("leaves the viewport alone while a size is unknown", () => {
    expect(fitViewport({ width: 0, height: 0 }, { width: 100, height: 100 })).toEqual({ scale: 1, left: 0, top: 0 });
  });
});

describe("reading the recording", () => {
  const meta = { type: 4, timestamp: 1, data: { href: "http://x/", width: 1200, height: 800 } };
  const fullSnapshot = { type: 2, timestamp: 2, data: {} };
  const error = { type: 5, timestamp: 3, data: { tag: "reel.error", payload: { message: "boom" } } };
  const otherCustom = { type: 5, timestamp: 4, data: { tag: "something.else", payload: {} } };

  it("finds the first viewport size", () => {
    expect(firstViewportSize([fullSnapshot, meta])).toEqual({ width: 1200, height: 800 });
    expect(firstViewportSize([fullSnapshot])).toBeNull();
  });

  it("needs a full snapshot and two events to start", () => {
    expect(canStartReplay([meta])).toBe(false);
    expect(canStartReplay([meta, error])).toBe(false);
    expect(canStartReplay([meta, fullSnapshot])).toBe(true);
  });

  it("marks reel.error events only", () => {
    expect(findErrorMarkers([meta, error, otherCustom])).toEqual([{ timestampMs: 3, message: "boom" }]);
  });

  it("turns a click position into a fraction of the bar", () => {
    expect(fractionAlong(150, 100, 200)).toBe(0.25);
    expect(fractionAlong(50, 100, 200)).toBe(0);
    expect(fractionAlong(900, 100, 200)).toBe(1);
  });
});
