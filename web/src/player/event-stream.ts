/**
 * The event stream beside the replay: analytics events (friendly `display_name`s from the server)
 * where the session has them, otherwise what the recording itself shows (page loads, clicks,
 * runtime errors, failed requests), plus console errors, the recording's custom events and the
 * server's frustration signals. Sorted by time; `currentStreamItemIndex` finds the row to
 * highlight while playing.
 */

import type { FrustrationSignal, SessionAnalyticsEvent } from "../api/types";
import { analyticsStreamItems } from "./analytics-stream-items";
import type { ConsoleEntry } from "./console-entries";
import { RUNTIME_ERROR_LEVEL } from "./console-entries";
import type { RecordingSummary } from "./recording-summary";
import { isRecord } from "./rrweb-event-types";
import type { StreamItem, StreamItemKind } from "./stream-item";

/** Kinds that analytics events describe better than the recording, when the session has them. */
const KINDS_ANALYTICS_CAN_REPLACE: StreamItemKind[] = ["page", "click", "error", "network"];

const FRUSTRATION_TITLES: Record<string, string> = {
  rage_click: "Rage click",
  dead_click: "Dead click",
  error_click: "Error click",
  thrashed_cursor: "Thrashed cursor",
};

/** Fields of a signal shown under its title; the rest (kind, time, display name, source) are said elsewhere. */
const SIGNAL_FIELDS_NOT_SHOWN = new Set(["kind", "time_ms", "display_name", "source"]);

function signalDetail(signal: FrustrationSignal): string | null {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(signal)) {
    if (SIGNAL_FIELDS_NOT_SHOWN.has(name) || value === null || value === undefined || isRecord(value) || Array.isArray(value)) {
      continue;
    }
    parts.push(`${name.replace(/_/g, " ")}: ${String(value)}`);
  }
  return parts.length > 0 ? parts.join(" · ") : null;
}

function signalTitle(signal: FrustrationSignal): string {
  const displayName = typeof signal.display_name === "string" && signal.display_name !== "" ? signal.display_name : null;
  return displayName ?? FRUSTRATION_TITLES[signal.kind] ?? signal.kind.replace(/_/g, " ");
}

export function signalStreamItems(signals: FrustrationSignal[]): StreamItem[] {
  return signals
    .filter((signal) => typeof signal.kind === "string" && typeof signal.time_ms === "number")
    .map((signal, index) => ({
      key: `signal-${index}`,
      kind: "frustration" as const,
      timeMs: signal.time_ms,
      title: signalTitle(signal),
      detail: signalDetail(signal),
      frustrationKind: signal.kind,
      origin: "signals" as const,
    }));
}

/** Page loads whose URL differs from the one before: periodic snapshots repeat the same URL. */
function recordedPageViews(summary: RecordingSummary): StreamItem[] {
  const items: StreamItem[] = [];
  let previousHref: string | null | undefined;
  summary.pageLoads.forEach((pageLoad, index) => {
    if (pageLoad.href === previousHref) {
      return;
    }
    previousHref = pageLoad.href;
    items.push({
      key: `recording-page-${index}`,
      kind: "page",
      timeMs: pageLoad.timeMs,
      title: `Page view: ${pageLoad.href ?? "unknown URL"}`,
      detail: pageLoad.href,
      frustrationKind: null,
      origin: "recording",
    });
  });
  return items;
}

function consoleStreamItem(entry: ConsoleEntry, index: number, title: string): StreamItem {
  return {
    key: `recording-console-${index}`,
    kind: entry.category === "network" ? "network" : "error",
    timeMs: entry.timeMs,
    title,
    detail: entry.detail,
    frustrationKind: null,
    origin: "recording",
  };
}

/** What the recording shows that analytics events also describe: pages, clicks, runtime errors, requests. */
export function recordingItemsAnalyticsCanReplace(summary: RecordingSummary): StreamItem[] {
  const items: StreamItem[] = recordedPageViews(summary);
  summary.clicks.forEach((click, index) => {
    items.push({ key: `recording-click-${index}`, kind: "click", timeMs: click.timeMs, title: click.name, detail: null, frustrationKind: null, origin: "recording" });
  });
  summary.consoleEntries.forEach((entry, index) => {
    if (entry.category === "network" || entry.level === RUNTIME_ERROR_LEVEL) {
      items.push(consoleStreamItem(entry, index, entry.message));
    }
  });
  return items;
}

/** What only the recording has: its custom events and console errors. */
export function recordingOnlyItems(summary: RecordingSummary): StreamItem[] {
  const items: StreamItem[] = [];
  summary.customEvents.forEach((custom, index) => {
    items.push({
      key: `recording-custom-${index}`,
      kind: "custom",
      timeMs: custom.timeMs,
      title: custom.tag,
      detail: custom.payloadText === "" ? null : custom.payloadText,
      frustrationKind: null,
      origin: "recording",
    });
  });
  summary.consoleEntries.forEach((entry, index) => {
    if (entry.category === "error" && entry.level !== RUNTIME_ERROR_LEVEL) {
      items.push(consoleStreamItem(entry, index, `console.${entry.level}: ${entry.message}`));
    }
  });
  return items;
}

export interface EventStreamSources {
  summary: RecordingSummary;
  /** null: the server has no analytics events endpoint. */
  analyticsEvents: SessionAnalyticsEvent[] | null;
  signals: FrustrationSignal[];
}

export function buildEventStream(sources: EventStreamSources): StreamItem[] {
  const analyticsItems = sources.analyticsEvents === null ? [] : analyticsStreamItems(sources.analyticsEvents);
  const kindsFromAnalytics = new Set(KINDS_ANALYTICS_CAN_REPLACE.filter((kind) => analyticsItems.some((item) => item.kind === kind)));
  const replaceableItems = recordingItemsAnalyticsCanReplace(sources.summary).filter((item) => !kindsFromAnalytics.has(item.kind));
  const signalItems = signalStreamItems(sources.signals);
  // the server's signals supersede the SDK's own frustration events for the same session
  const analyticsKept = signalItems.length > 0 ? analyticsItems.filter((item) => item.kind !== "frustration") : analyticsItems;
  const items = [...analyticsKept, ...replaceableItems, ...recordingOnlyItems(sources.summary), ...signalItems];
  return items.sort((left, right) => left.timeMs - right.timeMs);
}

/** The index of the last item at or before `timeMs` (items sorted by time), or -1. */
export function lastIndexAtOrBefore<T extends { timeMs: number }>(items: T[], timeMs: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle].timeMs <= timeMs) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export function filterStreamItems(items: StreamItem[], kinds: ReadonlySet<StreamItemKind>): StreamItem[] {
  return items.filter((item) => kinds.has(item.kind));
}
