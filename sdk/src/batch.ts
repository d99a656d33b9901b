/**
 * Grouping events into batches. A batch is what one ingest request carries: one session,
 * one sequence number, a bounded number of events and bytes.
 */

import type { RecordedEvent } from "./events";
import { eventByteLength } from "./events";

/** Bytes reserved for the envelope around `events` (ids, sequence, timestamps, brackets). */
export const ENVELOPE_BYTES_RESERVED = 512;

export interface BatchLimits {
  /** Upper bound on the JSON size of the whole request body. */
  maxBytes: number;
  /** Upper bound on the number of events. */
  maxEvents: number;
}

export interface Batch {
  sessionId: number;
  deviceId: string;
  userId: string | null;
  sequence: number;
  events: RecordedEvent[];
}

/** The JSON body of an ingest request, as docs/ingest-protocol.md defines it. */
export interface IngestPayload {
  session_id: number;
  device_id: string;
  user_id: string | null;
  sequence: number;
  sent_at_ms: number;
  events: RecordedEvent[];
}

export function buildIngestPayload(batch: Batch, sentAtMs: number): IngestPayload {
  return {
    session_id: batch.sessionId,
    device_id: batch.deviceId,
    user_id: batch.userId,
    sequence: batch.sequence,
    sent_at_ms: Math.floor(sentAtMs),
    events: batch.events,
  };
}

/**
 * Accumulates events and hands back a full group as soon as the next event would not fit.
 * An event bigger than the byte limit travels alone (the server decides whether to accept it).
 */
export class EventGroupBuilder {
  readonly #limits: BatchLimits;
  #events: RecordedEvent[] = [];
  #eventsByteLength = 0;

  constructor(limits: BatchLimits) {
    this.#limits = limits;
  }

  get eventCount(): number {
    return this.#events.length;
  }

  /** Adds `event`; returns the group that was closed to make room for it, if any. */
  add(event: RecordedEvent, byteLength: number = eventByteLength(event)): RecordedEvent[] | null {
    const separatorBytes = this.#events.length === 0 ? 0 : 1;
    const bytesAfter = ENVELOPE_BYTES_RESERVED + this.#eventsByteLength + separatorBytes + byteLength;
    let closedGroup: RecordedEvent[] | null = null;
    if (this.#events.length > 0 && (bytesAfter > this.#limits.maxBytes || this.#events.length >= this.#limits.maxEvents)) {
      closedGroup = this.takeAll();
    }
    this.#eventsByteLength += (this.#events.length === 0 ? 0 : 1) + byteLength;
    this.#events.push(event);
    return closedGroup;
  }

  takeAll(): RecordedEvent[] {
    const events = this.#events;
    this.#events = [];
    this.#eventsByteLength = 0;
    return events;
  }
}

/** Splits `events`, in order, into groups that each respect `limits`. */
export function splitEventsIntoGroups(events: RecordedEvent[], limits: BatchLimits): RecordedEvent[][] {
  const builder = new EventGroupBuilder(limits);
  const groups: RecordedEvent[][] = [];
  for (const event of events) {
    const closedGroup = builder.add(event);
    if (closedGroup !== null) {
      groups.push(closedGroup);
    }
  }
  if (builder.eventCount > 0) {
    groups.push(builder.takeAll());
  }
  return groups;
}
