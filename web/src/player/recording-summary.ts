/**
 * A small summary of a whole recording, built while the recording is scanned window by window
 * and holding none of its events: page loads, clicks with friendly names, custom events, console
 * entries (with failed requests and runtime errors), idle periods and the recorded timezone.
 * Its size is bounded by the *_MAX constants, whatever the recording's length.
 */

import type { RecordedEvent } from "../api/types";
import type { ConsoleEntry } from "./console-entries";
import { readConsoleEntry } from "./console-entries";
import type { IdlePeriod } from "./idle-periods";
import { IdlePeriodFinder } from "./idle-periods";
import { NodeLabelIndex } from "./node-labels";
import {
  CUSTOM_TAG_CLICK_HINT,
  CUSTOM_TAG_ENVIRONMENT,
  CUSTOM_TAG_FAILED_REQUEST,
  CUSTOM_TAG_RUNTIME_ERROR,
  isRecord,
  readClick,
  readCustomEvent,
  readMetaEvent,
  stringOrNull,
} from "./rrweb-event-types";

export const CONSOLE_ENTRIES_MAX = 20_000;
export const CLICKS_MAX = 20_000;
export const PAGE_LOADS_MAX = 5_000;
export const CUSTOM_EVENTS_MAX = 5_000;

export interface PageLoad {
  timeMs: number;
  href: string | null;
}

export interface RecordedClick {
  timeMs: number;
  name: string;
}

export interface RecordedCustomEvent {
  timeMs: number;
  tag: string;
  payloadText: string;
}

export interface RecordingSummary {
  /** Every Meta event: page loads, and the periodic snapshots that repeat the same URL. */
  pageLoads: PageLoad[];
  clicks: RecordedClick[];
  customEvents: RecordedCustomEvent[];
  consoleEntries: ConsoleEntry[];
  idlePeriods: IdlePeriod[];
  /** The IANA timezone the SDK recorded (`reel.environment`), or null when the recording has none. */
  recordedTimezone: string | null;
  /** Entries left out once a *_MAX bound was reached. */
  droppedItemCount: number;
}

const PAYLOAD_TEXT_CHARS_MAX = 300;

function isKnownTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export class RecordingSummaryBuilder {
  private readonly pageLoads: PageLoad[] = [];
  private readonly clicks: RecordedClick[] = [];
  private readonly customEvents: RecordedCustomEvent[] = [];
  private readonly consoleEntries: ConsoleEntry[] = [];
  private readonly idleFinder: IdlePeriodFinder;
  private readonly nodeLabels = new NodeLabelIndex();
  private recordedTimezone: string | null = null;
  private droppedItemCount = 0;

  constructor(recordingStartMs: number) {
    this.idleFinder = new IdlePeriodFinder(recordingStartMs);
  }

  /** Events in timestamp order, one window after another. */
  addEvents(events: RecordedEvent[]): void {
    this.idleFinder.addEvents(events);
    for (const event of events) {
      this.nodeLabels.addEvent(event);
      this.addSummaryItems(event);
    }
  }

  private pushBounded<T>(list: T[], item: T, itemsMax: number): void {
    if (list.length < itemsMax) {
      list.push(item);
    } else {
      this.droppedItemCount += 1;
    }
  }

  private addSummaryItems(event: RecordedEvent): void {
    const meta = readMetaEvent(event);
    if (meta !== null) {
      this.pushBounded(this.pageLoads, { timeMs: event.timestamp, href: meta.href }, PAGE_LOADS_MAX);
      return;
    }
    const click = readClick(event);
    if (click !== null) {
      this.pushBounded(this.clicks, { timeMs: event.timestamp, name: this.nodeLabels.describeClick(click.nodeId) }, CLICKS_MAX);
      return;
    }
    const consoleEntry = readConsoleEntry(event);
    if (consoleEntry !== null) {
      this.pushBounded(this.consoleEntries, consoleEntry, CONSOLE_ENTRIES_MAX);
      return;
    }
    const custom = readCustomEvent(event);
    if (custom === null) {
      return;
    }
    if (custom.tag === CUSTOM_TAG_ENVIRONMENT) {
      const timezone = isRecord(custom.payload) ? stringOrNull(custom.payload.timezone) : null;
      if (timezone !== null && isKnownTimezone(timezone)) {
        this.recordedTimezone = timezone;
      }
      return;
    }
    if (custom.tag === CUSTOM_TAG_CLICK_HINT || custom.tag === CUSTOM_TAG_FAILED_REQUEST || custom.tag === CUSTOM_TAG_RUNTIME_ERROR) {
      return;
    }
    const payloadText = (JSON.stringify(custom.payload) ?? "").slice(0, PAYLOAD_TEXT_CHARS_MAX);
    this.pushBounded(this.customEvents, { timeMs: event.timestamp, tag: custom.tag.slice(0, 200), payloadText }, CUSTOM_EVENTS_MAX);
  }

  summary(recordingEndMs: number | null): RecordingSummary {
    return {
      pageLoads: [...this.pageLoads],
      clicks: [...this.clicks],
      customEvents: [...this.customEvents],
      consoleEntries: [...this.consoleEntries],
      idlePeriods: this.idleFinder.idlePeriods(recordingEndMs),
      recordedTimezone: this.recordedTimezone,
      droppedItemCount: this.droppedItemCount,
    };
  }
}

export function emptyRecordingSummary(): RecordingSummary {
  return { pageLoads: [], clicks: [], customEvents: [], consoleEntries: [], idlePeriods: [], recordedTimezone: null, droppedItemCount: 0 };
}
