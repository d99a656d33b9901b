/**
 * The parts of rrweb's event format the player reads (rrweb 2.x, @rrweb/types), plus the custom
 * event tags Reel's SDK writes (docs/analytics-api.md, "Recording extras"). Recorded events come
 * from browsers anyone can script: every reader here checks shapes instead of trusting them.
 */

import type { RecordedEvent } from "../api/types";

export const EVENT_TYPE_FULL_SNAPSHOT = 2;
export const EVENT_TYPE_INCREMENTAL_SNAPSHOT = 3;
export const EVENT_TYPE_META = 4;
export const EVENT_TYPE_CUSTOM = 5;
export const EVENT_TYPE_PLUGIN = 6;

export const SOURCE_MUTATION = 0;
export const SOURCE_MOUSE_MOVE = 1;
export const SOURCE_MOUSE_INTERACTION = 2;
export const SOURCE_SCROLL = 3;
export const SOURCE_VIEWPORT_RESIZE = 4;
export const SOURCE_INPUT = 5;
export const SOURCE_TOUCH_MOVE = 6;
export const SOURCE_MEDIA_INTERACTION = 7;
export const SOURCE_DRAG = 12;
export const SOURCE_SELECTION = 14;

export const MOUSE_INTERACTION_CLICK = 2;

/** Incremental sources that mean a person did something (rrweb's own "user interaction" list). */
const USER_INPUT_SOURCES = new Set([
  SOURCE_MOUSE_MOVE,
  SOURCE_MOUSE_INTERACTION,
  SOURCE_SCROLL,
  SOURCE_VIEWPORT_RESIZE,
  SOURCE_INPUT,
  SOURCE_TOUCH_MOVE,
  SOURCE_MEDIA_INTERACTION,
  SOURCE_DRAG,
  SOURCE_SELECTION,
]);

export const CONSOLE_PLUGIN_NAME = "rrweb/console@1";
export const CUSTOM_TAG_RUNTIME_ERROR = "reel.error";
export const CUSTOM_TAG_FAILED_REQUEST = "fetch-request";
export const CUSTOM_TAG_CLICK_HINT = "reel.click_hint";
/** Proposed for the SDK: `{"timezone": "Europe/Berlin"}` (IANA name) once per page load. */
export const CUSTOM_TAG_ENVIRONMENT = "reel.environment";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function incrementalSource(event: RecordedEvent): number | null {
  if (event.type !== EVENT_TYPE_INCREMENTAL_SNAPSHOT || !isRecord(event.data)) {
    return null;
  }
  return numberOrNull(event.data.source);
}

/** True for page loads and for incremental events caused by the person at the keyboard or mouse. */
export function isUserInput(event: RecordedEvent): boolean {
  if (event.type === EVENT_TYPE_META) {
    return true;
  }
  const source = incrementalSource(event);
  return source !== null && USER_INPUT_SOURCES.has(source);
}

export interface MetaEventData {
  href: string | null;
  width: number | null;
  height: number | null;
}

export function readMetaEvent(event: RecordedEvent): MetaEventData | null {
  if (event.type !== EVENT_TYPE_META || !isRecord(event.data)) {
    return null;
  }
  return { href: stringOrNull(event.data.href), width: numberOrNull(event.data.width), height: numberOrNull(event.data.height) };
}

export interface CustomEventData {
  tag: string;
  payload: unknown;
}

export function readCustomEvent(event: RecordedEvent): CustomEventData | null {
  if (event.type !== EVENT_TYPE_CUSTOM || !isRecord(event.data)) {
    return null;
  }
  const tag = stringOrNull(event.data.tag);
  return tag === null ? null : { tag, payload: event.data.payload };
}

export interface ClickData {
  nodeId: number | null;
  x: number | null;
  y: number | null;
}

export function readClick(event: RecordedEvent): ClickData | null {
  if (incrementalSource(event) !== SOURCE_MOUSE_INTERACTION || !isRecord(event.data)) {
    return null;
  }
  if (event.data.type !== MOUSE_INTERACTION_CLICK) {
    return null;
  }
  return { nodeId: numberOrNull(event.data.id), x: numberOrNull(event.data.x), y: numberOrNull(event.data.y) };
}

export function isKeyframeStart(events: RecordedEvent[], index: number): boolean {
  return events[index]?.type === EVENT_TYPE_META && events[index + 1]?.type === EVENT_TYPE_FULL_SNAPSHOT;
}
