/** Above the replay: the moment being replayed as the recorded person's clock showed it, and the page's URL. */

import { isWebUrl } from "../format";
import type { ClockZone } from "./session-clock";
import { describeClockZone, formatSessionMoment } from "./session-clock";

export function PlayerHeader(props: { currentMs: number; zone: ClockZone; currentUrl: string | null }) {
  return (
    <div className="player-header">
      <div className="player-clock">
        <span className="player-clock-time" data-testid="session-clock" data-epoch-ms={Math.round(props.currentMs)}>
          {formatSessionMoment(props.currentMs, props.zone)}
        </span>
        <span className="player-clock-zone muted small" data-testid="session-timezone" data-recorded={props.zone.recorded ? "true" : "false"}>
          {describeClockZone(props.zone)}
        </span>
      </div>
      <div className="player-url" data-testid="current-url" title={props.currentUrl ?? undefined}>
        <span className="player-url-lock" aria-hidden="true">
          ⌁
        </span>
        {isWebUrl(props.currentUrl) ? (
          <a href={props.currentUrl} target="_blank" rel="noreferrer noopener">
            {props.currentUrl}
          </a>
        ) : (
          <span>{props.currentUrl ?? "—"}</span>
        )}
      </div>
    </div>
  );
}
