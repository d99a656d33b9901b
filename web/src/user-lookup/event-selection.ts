/** The events ticked in a user's stream for "Create Chart": at most 10, in the order ticked. */

import type { StoredAnalyticsEvent, UserSession } from "../api/user-lookup-types";

export const MAX_SELECTED_EVENTS = 10;

/** `<session index>:<event index>` in the profile's answer. */
export type EventKey = string;

export function eventKey(sessionIndex: number, eventIndex: number): EventKey {
  return `${sessionIndex}:${eventIndex}`;
}

export interface LocatedEvent {
  key: EventKey;
  session: UserSession;
  event: StoredAnalyticsEvent;
}

/** The event a key names, with its session, or null. */
export function locateEvent(sessions: readonly UserSession[], key: EventKey): LocatedEvent | null {
  const [sessionIndex, eventIndex] = key.split(":").map(Number);
  const session = sessions[sessionIndex];
  const event = session?.events[eventIndex];
  return session === undefined || event === undefined ? null : { key, session, event };
}

export type ToggleResult = { selected: EventKey[]; refused: false } | { selected: EventKey[]; refused: true; message: string };

/** Ticks or unticks `key`; an 11th tick is refused (the selection stays as it was). */
export function toggleSelectedEvent(selected: readonly EventKey[], key: EventKey): ToggleResult {
  if (selected.includes(key)) {
    return { selected: selected.filter((item) => item !== key), refused: false };
  }
  if (selected.length >= MAX_SELECTED_EVENTS) {
    return {
      selected: [...selected],
      refused: true,
      message: `At most ${MAX_SELECTED_EVENTS} events can be selected for a chart. Clear one to pick another.`,
    };
  }
  return { selected: [...selected, key], refused: false };
}
