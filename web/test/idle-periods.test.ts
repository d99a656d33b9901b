import { describe, expect, it } from "vitest";
import { IDLE_SKIP_LEAD_MS, IDLE_THRESHOLD_MS, IdlePeriodFinder, idlePeriodAt, idleSkipTarget } from "../src/player/idle-periods";
import { START_MS, at, metaEvent, mouseMoveEvent, mutationEvent } from "./recording-fixtures";

describe("finding idle periods", () => {
  it("marks stretches without user input longer than the threshold, across windows", () => {
    const finder = new IdlePeriodFinder(START_MS);
    finder.addEvents([metaEvent(0), mouseMoveEvent(2_000), mutationEvent(5_000)]);
    finder.addEvents([mutationEvent(20_000), mouseMoveEvent(30_000)]);
    finder.addEvents([mouseMoveEvent(30_000 + IDLE_THRESHOLD_MS)]);
    expect(finder.idlePeriods()).toEqual([{ startMs: at(2_000), endMs: at(30_000) }]);
  });

  it("includes an idle start and an idle end", () => {
    const finder = new IdlePeriodFinder(START_MS);
    finder.addEvents([mouseMoveEvent(15_000)]);
    expect(finder.idlePeriods(at(40_000))).toEqual([
      { startMs: START_MS, endMs: at(15_000) },
      { startMs: at(15_000), endMs: at(40_000) },
    ]);
  });

  it("finds the period at a time and where skipping lands", () => {
    const periods = [
      { startMs: 100, endMs: 20_000 },
      { startMs: 30_000, endMs: 90_000 },
    ];
    expect(idlePeriodAt(periods, 50)).toBeNull();
    expect(idlePeriodAt(periods, 100)).toEqual(periods[0]);
    expect(idlePeriodAt(periods, 20_000)).toBeNull();
    expect(idlePeriodAt(periods, 45_000)).toEqual(periods[1]);
    expect(idleSkipTarget(periods, 45_000)).toBe(90_000 - IDLE_SKIP_LEAD_MS);
    expect(idleSkipTarget(periods, 89_000)).toBeNull(); // nearly over: keep playing
    expect(idleSkipTarget(periods, 25_000)).toBeNull();
  });
});
