import { describe, expect, it } from "vitest";
import { fitViewport, fractionAlong, timelinePercent } from "../src/player/replay-geometry";

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

  it("never scales a small viewport up, and centres it", () => {
    expect(fitViewport({ width: 390, height: 600 }, { width: 1000, height: 800 })).toEqual({ scale: 1, left: 305, top: 100 });
  });

  it("leaves the viewport alone while a size is unknown", () => {
    expect(fitViewport({ width: 0, height: 0 }, { width: 100, height: 100 })).toEqual({ scale: 1, left: 0, top: 0 });
  });
});

describe("timeline positions", () => {
  it("turns a click position into a fraction of the bar", () => {
    expect(fractionAlong(150, 100, 200)).toBe(0.25);
    expect(fractionAlong(50, 100, 200)).toBe(0);
    expect(fractionAlong(900, 100, 200)).toBe(1);
  });

  it("places times as clamped percentages", () => {
    expect(timelinePercent(1_500, 1_000, 3_000)).toBe("25%");
    expect(timelinePercent(0, 1_000, 3_000)).toBe("0%");
    expect(timelinePercent(9_000, 1_000, 3_000)).toBe("100%");
    expect(timelinePercent(5, 5, 5)).toBe("0%");
  });
});
