/**
 * A user's events grouped by session, newest session first (events oldest first within one).
 * Sessions Reel has a replay of carry a "Replay" badge. A click on an event focuses it (for Play
 * Session); its checkbox picks it for Create Chart.
 */

import type { StoredAnalyticsEvent, UserSession } from "../api/user-lookup-types";
import { formatDateTime, formatDuration } from "../format";
import type { EventKey } from "./event-selection";
import { eventKey } from "./event-selection";

export interface EventStreamProps {
  sessions: UserSession[];
  selected: readonly EventKey[];
  focused: EventKey | null;
  onToggle: (key: EventKey) => void;
  onFocus: (key: EventKey) => void;
}

function timeOfDay(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function EventRow(props: { event: StoredAnalyticsEvent; eventKeyText: EventKey; checked: boolean; focused: boolean; replay: boolean } & Pick<EventStreamProps, "onToggle" | "onFocus">) {
  const { event, eventKeyText } = props;
  const name = event.display_name ?? event.event_type;
  return (
    <li
      className={props.focused ? "lookup-event lookup-event-focused" : "lookup-event"}
      data-testid="lookup-event"
      data-event-key={eventKeyText}
      data-event-type={event.event_type}
      data-time={event.time}
      data-selected={props.checked}
      data-focused={props.focused}
    >
      <input type="checkbox" aria-label={`Select ${name} for a chart`} data-testid="lookup-event-checkbox" checked={props.checked} onChange={() => props.onToggle(eventKeyText)} />
      <button type="button" className="lookup-event-main" aria-pressed={props.focused} onClick={() => props.onFocus(eventKeyText)}>
        <time className="lookup-event-time muted small" dateTime={new Date(event.time).toISOString()}>
          {timeOfDay(event.time)}
        </time>
        <span className="lookup-event-name">{name}</span>
        {name !== event.event_type && <span className="lookup-event-type muted small">{event.event_type}</span>}
        {props.replay && <span className="lookup-event-replay small" title="This event's session has a replay" aria-hidden="true">▶</span>}
      </button>
    </li>
  );
}

function SessionBlock(props: { session: UserSession; sessionIndex: number } & Omit<EventStreamProps, "sessions">) {
  const { session, sessionIndex } = props;
  const hasReplay = session.replay !== null && session.replay !== undefined;
  const eventCount = session.events.length;
  return (
    <li className="lookup-session" data-testid="lookup-session" data-session-id={session.session_id ?? ""} data-has-replay={hasReplay}>
      <div className="lookup-session-heading">
        <strong>{formatDateTime(session.start_ms)}</strong>
        <span className="muted small">
          {eventCount === 1 ? "1 event" : `${eventCount} events`} · {formatDuration(session.end_ms - session.start_ms)}
        </span>
        {hasReplay && (
          <span className="replay-badge small" data-testid="replay-badge">
            ▶ Replay
          </span>
        )}
      </div>
      <ol className="lookup-events">
        {session.events.map((event, eventIndex) => {
          const key = eventKey(sessionIndex, eventIndex);
          return (
            <EventRow
              key={key}
              event={event}
              eventKeyText={key}
              checked={props.selected.includes(key)}
              focused={props.focused === key}
              replay={hasReplay}
              onToggle={props.onToggle}
              onFocus={props.onFocus}
            />
          );
        })}
      </ol>
    </li>
  );
}

export function UserEventStream(props: EventStreamProps) {
  if (props.sessions.length === 0) {
    return <p className="muted" data-testid="lookup-no-events">No events stored for this user.</p>;
  }
  return (
    <ol className="lookup-sessions" data-testid="lookup-sessions">
      {props.sessions.map((session, sessionIndex) => (
        <SessionBlock key={`${session.device_id ?? ""}/${session.session_id ?? sessionIndex}`} session={session} sessionIndex={sessionIndex} {...props} />
      ))}
    </ol>
  );
}
