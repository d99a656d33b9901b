/**
 * The chosen user: the profile card, then the event stream with its actions. Picked events (for
 * Create Chart) and the focused event (for Play Session) belong to this user: a new user starts afresh.
 */

import { useState } from "react";
import type { UserProfileAnswer } from "../api/user-lookup-types";
import { reportLoadError } from "../analytics/use-segmentation";
import { navigate } from "../navigation";
import type { ChartKind } from "./chart-links";
import { chartLinkFor } from "./chart-links";
import { EventActionsBar } from "./event-actions-bar";
import type { EventKey } from "./event-selection";
import { locateEvent, toggleSelectedEvent } from "./event-selection";
import { replayPathForEvent } from "./play-session";
import { UserEventStream } from "./user-event-stream";
import { UserProfileCard } from "./user-profile-card";

function playBlockedReason(answer: UserProfileAnswer, focused: EventKey | null): string | null {
  const located = focused === null ? null : locateEvent(answer.sessions, focused);
  if (located === null) {
    return "Click an event of a session marked Replay to play it from that moment.";
  }
  return located.session.replay === null || located.session.replay === undefined ? "This event's session has no replay." : null;
}

export function UserProfilePanel(props: { answer: UserProfileAnswer }) {
  const { answer } = props;
  const [selected, setSelected] = useState<EventKey[]>([]);
  const [focused, setFocused] = useState<EventKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);

  const toggle = (key: EventKey) => {
    const result = toggleSelectedEvent(selected, key);
    setSelected(result.selected);
    setNotice(result.refused ? result.message : null);
  };

  const createChart = (kind: ChartKind) => {
    const picked = selected.map((key) => locateEvent(answer.sessions, key)?.event).filter((event) => event !== undefined);
    const link = chartLinkFor(kind, picked);
    if ("error" in link) {
      setNotice(link.error);
      return;
    }
    navigate(link.path);
  };

  const play = () => {
    const located = focused === null ? null : locateEvent(answer.sessions, focused);
    const replay = located?.session.replay;
    if (located === null || replay === null || replay === undefined) {
      return;
    }
    setPlaying(true);
    const abort = new AbortController();
    replayPathForEvent(replay.session_uuid, located.event.time, abort.signal)
      .then((path) => navigate(path))
      .catch((error: unknown) =>
        reportLoadError(error, abort.signal, (message) => {
          setPlaying(false);
          setNotice(`Could not open the replay: ${message}`);
        }),
      );
  };

  return (
    <div className="lookup-profile" data-testid="lookup-profile">
      <UserProfileCard user={answer.user} />
      <section className="lookup-stream-frame">
        <div className="lookup-stream-heading">
          <h2>Event stream</h2>
          <span className="muted small">newest session first</span>
        </div>
        <EventActionsBar
          selectedCount={selected.length}
          notice={notice}
          onClear={() => {
            setSelected([]);
            setNotice(null);
          }}
          onCreateChart={createChart}
          playBlockedReason={playBlockedReason(answer, focused)}
          playing={playing}
          onPlay={play}
        />
        <UserEventStream sessions={answer.sessions} selected={selected} focused={focused} onToggle={toggle} onFocus={setFocused} />
      </section>
    </div>
  );
}
