/** The parts of rrweb's event shapes the SDK looks at, and which events count as user activity. */

export interface RecordedEvent {
  type: number;
  timestamp: number;
  data: unknown;
}

/** rrweb `EventType` values used here. */
export const EVENT_TYPE_FULL_SNAPSHOT = 2;
export const EVENT_TYPE_INCREMENTAL_SNAPSHOT = 3;
export const EVENT_TYPE_META = 4;
export const EVENT_TYPE_CUSTOM = 5;

/** rrweb `IncrementalSource` values that only a person causes. */
const USER_ACTIVITY_SOURCES = new Set<number>([
  1, // MouseMove
  2, // MouseInteraction
  3, // Scroll
  4, // ViewportResize
  5, // Input
  6, // TouchMove
  7, // MediaInteraction
  12, // Drag
  14, // Selection
]);

/**
 * True for events that show a person is using the page: a page load (rrweb's Meta event)
 * and pointer, scroll, resize, input, touch, drag and selection events. DOM mutations,
 * style changes and custom events are not activity: a page left open with a ticking clock
 * must not keep its session alive forever.
 */
export function isUserActivityEvent(event: RecordedEvent): boolean {
  if (event.type === EVENT_TYPE_META) {
    return true;
  }
  if (event.type !== EVENT_TYPE_INCREMENTAL_SNAPSHOT) {
    return false;
  }
  const data = event.data as { source?: unknown } | null;
  return data !== null && typeof data === "object" && USER_ACTIVITY_SOURCES.has(data.source as number);
}

/** Length in bytes of `text` encoded as UTF-8, without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let byteLength = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      byteLength += 1;
    } else if (code < 0x800) {
      byteLength += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        byteLength += 4;
        index += 1;
      } else {
        byteLength += 3;
      }
    } else {
      byteLength += 3;
    }
  }
  return byteLength;
}

export function eventByteLength(event: RecordedEvent): number {
  return utf8ByteLength(JSON.stringify(event));
}

/** rrweb's MouseInteraction source and its Click type. */
const SOURCE_MOUSE_INTERACTION = 2;
const MOUSE_INTERACTION_CLICK = 2;

/** True for rrweb's record of a click (an IncrementalSnapshot MouseInteraction of type Click). */
export function isClickEvent(event: RecordedEvent): boolean {
  const data = event.data as { source?: unknown; type?: unknown; id?: unknown } | null;
  return (
    event.type === EVENT_TYPE_INCREMENTAL_SNAPSHOT &&
    data !== null &&
    data.source === SOURCE_MOUSE_INTERACTION &&
    data.type === MOUSE_INTERACTION_CLICK &&
    typeof data.id === "number"
  );
}
