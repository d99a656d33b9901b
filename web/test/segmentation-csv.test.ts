import { describe, expect, it } from "vitest";
import { csvField, csvFileName, segmentationCsv, toCsv } from "../src/analytics/csv";
import type { SegmentationResult } from "../src/api/segmentation-types";

const DAY_MS = 86_400_000;
const NOV_25 = Date.UTC(2026, 10, 25);

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks, and nothing else", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField("")).toBe("");
  });

  it("writes numbers as they are and missing values as empty fields", () => {
    expect(csvField(3)).toBe("3");
    expect(csvField(33.333333)).toBe("33.333333");
    expect(csvField(-2)).toBe("-2");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula, but not plain numbers", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1 (555)")).toBe("'+1 (555)");
    expect(csvField("@home")).toBe("'@home");
    expect(csvField("-5")).toBe("-5");
    expect(csvField("[Amplitude] Page Viewed")).toBe("[Amplitude] Page Viewed");
  });

  it("ends every line with CRLF", () => {
    expect(toCsv([["a", 1], ["b,c", null]])).toBe('a,1\r\n"b,c",\r\n');
  });
});

describe("segmentation CSV", () => {
  it("has a line per row: series, label, group, one column per bucket, total", () => {
    const result: SegmentationResult = {
      interval: "day",
      buckets_ms: [NOV_25, NOV_25 + DAY_MS, NOV_25 + 2 * DAY_MS],
      rows: [
        { series: "A", label: "Song Played", group: ["rock", "Chrome"], values: [1, 2, 0], total: 2 },
        { series: "A", label: "Song Played", group: ['jazz, "cool"', null], values: [1, 1, 1], total: 2 },
        { series: "formula", label: "UNIQUES(A) / UNIQUES(B)", group: [], values: [0.5, null, 1], total: 0.75 },
      ],
      frequency: [],
    };
    expect(segmentationCsv(result).split("\r\n")).toEqual([
      "series,label,group,2026-11-25,2026-11-26,2026-11-27,total",
      "A,Song Played,rock / Chrome,1,2,0,2",
      'A,Song Played,"jazz, ""cool"" / (none)",1,1,1,2',
      "formula,UNIQUES(A) / UNIQUES(B),,0.5,,1,0.75",
      "",
    ]);
  });

  it("names hour and month buckets by their UTC start", () => {
    const hourly: SegmentationResult = { interval: "hour", buckets_ms: [NOV_25 + 3_600_000], rows: [], frequency: [] };
    expect(segmentationCsv(hourly)).toBe("series,label,group,2026-11-25 01:00,total\r\n");
    const monthly: SegmentationResult = { interval: "month", buckets_ms: [Date.UTC(2026, 10, 1)], rows: [], frequency: [] };
    expect(segmentationCsv(monthly)).toBe("series,label,group,2026-11,total\r\n");
  });

  it("lists the frequency histogram as series, label, group, times, users", () => {
    const result: SegmentationResult = {
      interval: "day",
      buckets_ms: [NOV_25],
      rows: [],
      frequency: [
        { series: "A", label: "Song Played", group: [], histogram: [{ times: 1, users: 1 }, { times: 3, users: 3 }] },
        { series: "B", label: "Page, Viewed", group: ["Firefox"], histogram: [{ times: 2, users: 4 }] },
      ],
    };
    expect(segmentationCsv(result)).toBe(
      "series,label,group,times,users\r\nA,Song Played,,1,1\r\nA,Song Played,,3,3\r\nB,\"Page, Viewed\",Firefox,2,4\r\n",
    );
  });

  it("names the file after the date range", () => {
    expect(csvFileName("2026-10-29", "2026-11-27")).toBe("segmentation-2026-10-29-to-2026-11-27.csv");
  });
});
