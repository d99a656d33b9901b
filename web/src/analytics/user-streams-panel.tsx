/**
 * "View User Streams" (the Microscope): a drawer listing the users behind a chart point (segmentation,
 * funnel or journeys), each with their events in time order and, for events in a recorded session,
 * "Play Session" at that moment.
 */

import { useEffect, useState } from "react";
import type { MicroscopeEvent, MicroscopeUser } from "../api/microscope-types";
import { formatDateTime } from "../format";
import { Link } from "../navigation";
import { replayMomentPath } from "../player/replay-link";
import type { UserStreamsTarget } from "./use-user-streams";
import { useUserStreams } from "./use-user-streams";
import "./user-streams.css";

function StreamEvent(props: { event: MicroscopeEvent }) {
  const { event } = props;
  return (
    <li className="stream-event" data-testid="stream-event" data-event-type={event.event_type}>
      <time className="stream-event-time muted small" dateTime={new Date(event.time).toISOString()}>
        {formatDateTime(event.time)}
      </time>
      <span className="stream-event-name">{event.display_name}</span>
      {typeof event.replay_session === "string" && (
        <Link className="stream-play" data-testid="play-session" href={replayMomentPath(event.replay_session, event.replay_offset_ms ?? 0)}>
          ▶ Play Session
        </Link>
      )}
    </li>
  );
}

function UserStream(props: { user: MicroscopeUser }) {
  const { user } = props;
  return (
    <li className="user-stream" data-testid="user-stream" data-user-id={user.user_id ?? ""} data-device-id={user.device_id ?? ""}>
      <div className="user-stream-heading">
        <strong>{user.user_id ?? "(no user id)"}</strong>
        <span className="muted small">device {user.device_id ?? "—"}</span>
        {user.replays.length > 0 && <span className="user-stream-badge small">{user.replays.length === 1 ? "1 replay" : `${user.replays.length} replays`}</span>}
      </div>
      <ol className="stream-events">
        {user.events.map((event, index) => (
          <StreamEvent key={`${event.time}-${index}`} event={event} />
        ))}
      </ol>
    </li>
  );
}

export function UserStreamsPanel(props: { projectId: number; target: UserStreamsTarget; onClose: () => void }) {
  const [withReplaysOnly, setWithReplaysOnly] = useState(false);
  const state = useUserStreams(props.projectId, props.target.source, withReplaysOnly);
  const { onClose } = props;

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        onClose();
      }
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [onClose]);

  return (
    <aside className="user-streams" role="dialog" aria-label="User streams" data-testid="user-streams" data-state={state.kind}>
      <div className="user-streams-heading">
        <div>
          <h2>User Streams</h2>
          <div className="muted small">
            {props.target.title} · {props.target.detail}
          </div>
        </div>
        <button type="button" className="button-quiet" aria-label="Close" data-testid="close-user-streams" onClick={onClose}>
          ✕
        </button>
      </div>
      <label className="user-streams-filter">
        <input type="checkbox" data-testid="with-replays-only" checked={withReplaysOnly} onChange={(event) => setWithReplaysOnly(event.target.checked)} />
        Streams with session replays
      </label>
      {state.kind === "loading" && <p className="muted">Loading users…</p>}
      {state.kind === "failed" && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "loaded" && state.result.users.length === 0 && <p className="muted">No users{withReplaysOnly ? " with a session replay" : ""} here.</p>}
      {state.kind === "loaded" && (
        <ul className="user-stream-list">
          {state.result.users.map((user) => (
            <UserStream key={`${user.user_id ?? ""}/${user.device_id ?? ""}`} user={user} />
          ))}
        </ul>
      )}
    </aside>
  );
}
