import { describe, expect, it } from "vitest";
import { NodeLabelIndex } from "../src/player/node-labels";
import { RecordingSummaryBuilder } from "../src/player/recording-summary";
import { START_MS, at, clickEvent, consoleEvent, customEvent, fullSnapshotEvent, metaEvent, mouseMoveEvent } from "./recording-fixtures";

describe("naming clicks from the recording", () => {
  it("names the nearest interactive ancestor, also for clicks on text nodes", () => {
    const labels = new NodeLabelIndex();
    labels.addEvent(fullSnapshotEvent(1));
    expect(labels.describeClick(11)).toBe("Clicked 'Add to cart' button");
    expect(labels.describeClick(10)).toBe("Clicked 'Add to cart' button");
    expect(labels.describeClick(9)).toBe("Clicked 'Add to cart' div");
    expect(labels.describeClick(404)).toBe("Clicked");
  });

  it("learns nodes added by mutations", () => {
    const labels = new NodeLabelIndex();
    labels.addEvent(fullSnapshotEvent(1));
    labels.addEvent({
      type: 3,
      timestamp: at(2),
      data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: 5, nextId: null, node: { type: 2, id: 20, tagName: "a", attributes: { "aria-label": "Help" }, childNodes: [] } }] },
    });
    expect(labels.describeClick(20)).toBe("Clicked 'Help' link");
  });
});

describe("summarising a recording", () => {
  it("collects page loads, named clicks, console entries, custom events, idle periods and the timezone", () => {
    const builder = new RecordingSummaryBuilder(START_MS);
    builder.addEvents([metaEvent(0), fullSnapshotEvent(1), clickEvent(500, 11), consoleEvent(600, "error", ["bad"])]);
    builder.addEvents([
      customEvent(700, "reel.environment", { timezone: "Europe/Berlin" }),
      customEvent(710, "reel.click_hint", { id: 11 }),
      customEvent(720, "checkout", { step: 2 }),
      customEvent(730, "reel.error", { message: "oops" }),
      mouseMoveEvent(40_000),
    ]);
    const summary = builder.summary(at(41_000));
    expect(summary.pageLoads).toEqual([{ timeMs: at(0), href: "https://shop.example/" }]);
    expect(summary.clicks).toEqual([{ timeMs: at(500), name: "Clicked 'Add to cart' button" }]);
    expect(summary.consoleEntries.map((entry) => entry.level)).toEqual(["error", "runtime error"]);
    expect(summary.customEvents).toEqual([{ timeMs: at(720), tag: "checkout", payloadText: '{"step":2}' }]);
    expect(summary.idlePeriods).toEqual([{ startMs: at(500), endMs: at(40_000) }]);
    expect(summary.recordedTimezone).toBe("Europe/Berlin");
  });

  it("ignores a timezone that is not an IANA name", () => {
    const builder = new RecordingSummaryBuilder(START_MS);
    builder.addEvents([customEvent(1, "reel.environment", { timezone: "Mars/Olympus_Mons" })]);
    expect(builder.summary(null).recordedTimezone).toBeNull();
  });
});
