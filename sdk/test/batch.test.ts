import { describe, expect, it } from "vitest";
import type { Batch } from "../src/batch";
import { buildIngestPayload, ENVELOPE_BYTES_RESERVED, EventGroupBuilder, splitEventsIntoGroups } from "../src/batch";
import type { RecordedEvent } from "../src/events";
import { utf8ByteLength } from "../src/events";

function eventWithPayloadBytes(index: number, payloadByteLength: number): RecordedEvent {
  return { type: 3, timestamp: 1_000 + index, data: { source: 0, text: "x".repeat(payloadByteLength) } };
}

function payloadByteLength(events: RecordedEvent[]): number {
  const batch: Batch = {
    sessionId: 1_764_252_000_000,
    deviceId: "3f0c7a52-5b7e-4c53-9d8e-0b8f1d7a9e21",
    userId: "u".repeat(200),
    sequence: 123_456,
    events,
  };
  return utf8ByteLength(JSON.stringify(buildIngestPayload(batch, 1_764_252_999_999)));
}

describe("batch splitting", () => {
  it("keeps every request body under the byte limit and keeps the event order", () => {
    const events = Array.from({ length: 60 }, (_, index) => eventWithPayloadBytes(index, 1_000 + index * 37));
    const maxBytes = 10_000;
    const groups = splitEventsIntoGroups(events, { maxBytes, maxEvents: 1_000 });
    expect(groups.length).toBeGreaterThan(5);
    for (const group of groups) {
      expect(payloadByteLength(group)).toBeLessThanOrEqual(maxBytes);
    }
    expect(groups.flat()).toEqual(events);
  });

  it("fills groups close to the limit instead of sending one event per request", () => {
    const events = Array.from({ length: 100 }, (_, index) => eventWithPayloadBytes(index, 900));
    const maxBytes = 10_000;
    const groups = splitEventsIntoGroups(events, { maxBytes, maxEvents: 1_000 });
    const eventsByteLength = events.reduce((total, event) => total + utf8ByteLength(JSON.stringify(event)) + 1, 0);
    const fewestGroupsPossible = Math.ceil(eventsByteLength / (maxBytes - ENVELOPE_BYTES_RESERVED));
    expect(groups.length).toBeLessThanOrEqual(fewestGroupsPossible + 1);
  });

  it("respects the event count limit", () => {
    const events = Array.from({ length: 25 }, (_, index) => eventWithPayloadBytes(index, 10));
    const groups = splitEventsIntoGroups(events, { maxBytes: 900_000, maxEvents: 10 });
    expect(groups.map((group) => group.length)).toEqual([10, 10, 5]);
  });

  it("sends an event larger than the limit alone rather than losing it", () => {
    const events = [eventWithPayloadBytes(0, 100), eventWithPayloadBytes(1, 50_000), eventWithPayloadBytes(2, 100)];
    const groups = splitEventsIntoGroups(events, { maxBytes: 10_000, maxEvents: 1_000 });
    expect(groups.map((group) => group.map((event) => event.timestamp))).toEqual([[1_000], [1_001], [1_002]]);
  });

  it("counts multi-byte characters as UTF-8 bytes", () => {
    expect(utf8ByteLength("aé€😀")).toBe(1 + 2 + 3 + 4);
    const events = Array.from({ length: 20 }, (_, index) => ({ type: 3, timestamp: index, data: { text: "€".repeat(1_000) } }));
    for (const group of splitEventsIntoGroups(events, { maxBytes: 8_000, maxEvents: 1_000 })) {
      expect(payloadByteLength(group)).toBeLessThanOrEqual(8_000);
    }
  });

  it("hands back the closed group as soon as the next event does not fit", () => {
    const builder = new EventGroupBuilder({ maxBytes: 3_000, maxEvents: 1_000 });
    expect(builder.add(eventWithPayloadBytes(0, 1_000))).toBeNull();
    const closed = builder.add(eventWithPayloadBytes(1, 2_000));
    expect(closed?.map((event) => event.timestamp)).toEqual([1_000]);
    expect(builder.takeAll().map((event) => event.timestamp)).toEqual([1_001]);
  });

  it("builds the wire payload with the protocol's field names", () => {
    const payload = buildIngestPayload(
      { sessionId: 5, deviceId: "device", userId: null, sequence: 2, events: [eventWithPayloadBytes(0, 1)] },
      99.7,
    );
    expect(Object.keys(payload).sort()).toEqual(["device_id", "events", "sent_at_ms", "sequence", "session_id", "user_id"]);
    expect(payload.sent_at_ms).toBe(99);
  });
});
