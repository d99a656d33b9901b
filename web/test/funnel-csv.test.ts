import { describe, expect, it } from "vitest";
import { csvFileName } from "../src/analytics/csv";
import { FUNNEL_CSV_HEADER, formatConvertTime, formatPercent, funnelCsv, funnelCsvRows, funnelLines } from "../src/analytics/funnel-model";
import type { FunnelResult, FunnelStepResult } from "../src/api/funnel-types";

function step(event_type: string, users: number, first: number, previous: number, dropped: number, median: number | null): FunnelStepResult {
  return { event_type, users, percent_of_first: first, percent_of_previous: previous, dropped_off: dropped, median_time_to_convert_ms: median };
}

const GROUPED: FunnelResult = {
  groups: [
    { group: [], steps: [step("Page Viewed", 5, 100, 100, 0, 0), step("Add to Cart", 3, 60, 60, 2, 1_200_000), step("Purchase", 2, 40, 66.66666666666667, 1, 3_900_000)] },
    { group: ["ads"], steps: [step("Page Viewed", 3, 100, 100, 0, 0), step("Add to Cart", 2, 66.66666666666667, 66.66666666666667, 1, 1_200_000), step("Purchase", 0, 0, 0, 2, null)] },
    { group: ['=cmd, "x"'], steps: [step("Page Viewed", 2, 100, 100, 0, 0), step("Add to Cart", 1, 50, 50, 1, 1_800_000), step("Purchase", 1, 50, 100, 0, 3_600_000)] },
  ],
};

describe("funnel CSV", () => {
  it("has the documented header and a line per group and step, all users (empty group) first", () => {
    const rows = funnelCsvRows(GROUPED);
    expect(rows[0]).toEqual(FUNNEL_CSV_HEADER);
    expect(FUNNEL_CSV_HEADER.join(",")).toBe("group,step,event_type,users,percent_of_first,percent_of_previous,dropped_off,median_time_to_convert_ms");
    expect(rows.slice(1, 4)).toEqual([
      ["", 1, "Page Viewed", 5, 100, 100, 0, 0],
      ["", 2, "Add to Cart", 3, 60, 60, 2, 1_200_000],
      ["", 3, "Purchase", 2, 40, 66.66666666666667, 1, 3_900_000],
    ]);
    expect(rows[6]).toEqual(["ads", 3, "Purchase", 0, 0, 0, 2, null]);
    expect(rows).toHaveLength(1 + 3 * 3);
  });

  it("writes nobody's median as an empty field and quotes and defuses group values from tracked sites", () => {
    const lines = funnelCsv(GROUPED).split("\r\n");
    expect(lines[0]).toBe("group,step,event_type,users,percent_of_first,percent_of_previous,dropped_off,median_time_to_convert_ms");
    expect(lines[3]).toBe(",3,Purchase,2,40,66.66666666666667,1,3900000");
    expect(lines[6]).toBe("ads,3,Purchase,0,0,0,2,");
    expect(lines[7]).toBe(`"'=cmd, ""x""",1,Page Viewed,2,100,100,0,0`);
    expect(lines.at(-1)).toBe("");
  });

  it("names the file after the chart and the dates", () => {
    expect(csvFileName("2026-10-29", "2026-11-27", "funnel")).toBe("funnel-2026-10-29-to-2026-11-27.csv");
  });
});

describe("funnel table and chart text", () => {
  it("calls the first group all users and the others by their value", () => {
    expect(funnelLines(GROUPED).map((line) => [line.group, line.name])).toEqual([
      ["", "All users"],
      ["ads", "ads"],
      ['=cmd, "x"', '=cmd, "x"'],
    ]);
  });

  it("formats times to convert with the two largest units", () => {
    expect(formatConvertTime(null)).toBe("—");
    expect(formatConvertTime(0)).toBe("0s");
    expect(formatConvertTime(45_000)).toBe("45s");
    expect(formatConvertTime(1_200_000)).toBe("20m");
    expect(formatConvertTime(150_000)).toBe("2m 30s");
    expect(formatConvertTime(3_600_000)).toBe("1h");
    expect(formatConvertTime(3_900_000)).toBe("1h 5m");
    expect(formatConvertTime(3_930_000)).toBe("1h 5m");
    expect(formatConvertTime(2 * 86_400_000 + 1_800_000)).toBe("2d");
    expect(formatConvertTime(3 * 86_400_000 + 4 * 3_600_000)).toBe("3d 4h");
  });

  it("formats percents with up to two decimals", () => {
    expect(formatPercent(66.66666666666667)).toBe("66.67%");
    expect(formatPercent(100)).toBe("100%");
  });
});
