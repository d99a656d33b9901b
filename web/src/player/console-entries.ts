/**
 * The console view's entries, read from the recording: rrweb console plugin events
 * (`rrweb/console@1`), failed requests (`fetch-request` custom events) and runtime errors
 * (`reel.error`). Everything here came from the recorded browser and is shown as text only.
 */

import type { RecordedEvent } from "../api/types";
import {
  CONSOLE_PLUGIN_NAME,
  CUSTOM_TAG_FAILED_REQUEST,
  CUSTOM_TAG_RUNTIME_ERROR,
  EVENT_TYPE_PLUGIN,
  isRecord,
  numberOrNull,
  readCustomEvent,
  stringOrNull,
} from "./rrweb-event-types";

/** How entries are grouped by the level filters. */
export type ConsoleCategory = "log" | "warn" | "error" | "network";
export const CONSOLE_CATEGORIES: ConsoleCategory[] = ["log", "warn", "error", "network"];

export interface ConsoleEntry {
  timeMs: number;
  category: ConsoleCategory;
  /** The console method (`log`, `info`, `warn`, `error`, …), `runtime error` or `network`. */
  level: string;
  message: string;
  detail: string | null;
}

/** The `level` of entries read from `reel.error` events. */
export const RUNTIME_ERROR_LEVEL = "runtime error";
const MESSAGE_CHARS_MAX = 2_000;
const DETAIL_CHARS_MAX = 4_000;

function clip(text: string, charsMax: number): string {
  return text.length > charsMax ? `${text.slice(0, charsMax)}…` : text;
}

/** The console plugin sends each argument as a JSON string; strings show bare, others as JSON. */
function argumentText(serializedArgument: unknown): string {
  if (typeof serializedArgument !== "string") {
    return JSON.stringify(serializedArgument) ?? String(serializedArgument);
  }
  try {
    const value: unknown = JSON.parse(serializedArgument);
    return typeof value === "string" ? value : (JSON.stringify(value) ?? serializedArgument);
  } catch {
    return serializedArgument;
  }
}

function consoleCategory(level: string): ConsoleCategory {
  if (level === "warn") return "warn";
  if (level === "error" || level === "assert") return "error";
  return "log";
}

function readConsolePluginEvent(event: RecordedEvent): ConsoleEntry | null {
  if (event.type !== EVENT_TYPE_PLUGIN || !isRecord(event.data) || event.data.plugin !== CONSOLE_PLUGIN_NAME) {
    return null;
  }
  const payload = isRecord(event.data.payload) ? event.data.payload : {};
  const level = stringOrNull(payload.level) ?? "log";
  const argumentsList = Array.isArray(payload.payload) ? payload.payload : [];
  const trace = Array.isArray(payload.trace) ? payload.trace.filter((frame): frame is string => typeof frame === "string") : [];
  return {
    timeMs: event.timestamp,
    category: consoleCategory(level),
    level,
    message: clip(argumentsList.map(argumentText).join(" "), MESSAGE_CHARS_MAX),
    detail: trace.length > 0 ? clip(trace.join("\n"), DETAIL_CHARS_MAX) : null,
  };
}

function readFailedRequest(event: RecordedEvent, payload: unknown): ConsoleEntry {
  const request = isRecord(payload) ? payload : {};
  const method = stringOrNull(request.method) ?? "GET";
  const url = stringOrNull(request.url) ?? "(unknown URL)";
  const status = numberOrNull(request.status);
  const duration = numberOrNull(request.duration);
  const outcome = status === null || status === 0 ? "failed (no response)" : `${status}`;
  return {
    timeMs: event.timestamp,
    category: "network",
    level: "network",
    message: clip(`${method.toUpperCase()} ${url} → ${outcome}`, MESSAGE_CHARS_MAX),
    detail: [stringOrNull(request.type), duration === null ? null : `${Math.round(duration)} ms`].filter((part) => part !== null).join(", ") || null,
  };
}

function readRuntimeError(event: RecordedEvent, payload: unknown): ConsoleEntry {
  const error = isRecord(payload) ? payload : {};
  const location = [stringOrNull(error.filename), numberOrNull(error.lineno), numberOrNull(error.colno)].filter((part) => part !== null).join(":");
  const stack = stringOrNull(error.stack);
  return {
    timeMs: event.timestamp,
    category: "error",
    level: RUNTIME_ERROR_LEVEL,
    message: clip(stringOrNull(error.message) ?? "Uncaught error", MESSAGE_CHARS_MAX),
    detail: clip([stack, location === "" ? null : location].filter((part) => part !== null).join("\n"), DETAIL_CHARS_MAX) || null,
  };
}

/** The console entry `event` stands for, or null for every other event. */
export function readConsoleEntry(event: RecordedEvent): ConsoleEntry | null {
  const custom = readCustomEvent(event);
  if (custom?.tag === CUSTOM_TAG_FAILED_REQUEST) {
    return readFailedRequest(event, custom.payload);
  }
  if (custom?.tag === CUSTOM_TAG_RUNTIME_ERROR) {
    return readRuntimeError(event, custom.payload);
  }
  return readConsolePluginEvent(event);
}

export interface ConsoleFilter {
  categories: ReadonlySet<ConsoleCategory>;
  search: string;
}

export function filterConsoleEntries(entries: ConsoleEntry[], filter: ConsoleFilter): ConsoleEntry[] {
  const needle = filter.search.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      filter.categories.has(entry.category) &&
      (needle === "" || entry.message.toLowerCase().includes(needle) || (entry.detail?.toLowerCase().includes(needle) ?? false)),
  );
}
