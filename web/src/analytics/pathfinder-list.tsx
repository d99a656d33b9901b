/**
 * The Pathfinder: the most common paths, most users first, each with a bar as long as its share of
 * the top path and, with `onViewPath`, a "View User Streams" button.
 */

import type { JourneysResult } from "../api/journeys-types";
import { formatMeasure } from "./table-model";

export function PathfinderList(props: { result: JourneysResult; onViewPath?: (pathIndex: number) => void }) {
  const { onViewPath } = props;
  const { result } = props;
  const most = Math.max(1, ...result.paths.map((path) => path.users));
  if (result.paths.length === 0) {
    return (
      <p className="muted table-empty" data-testid="journeys-empty">
        No paths in this range.
      </p>
    );
  }
  return (
    <ol className="pathfinder" data-testid="pathfinder">
      {result.paths.map((path, index) => (
        <li key={index} className="pathfinder-path" data-testid="journey-path" data-events={JSON.stringify(path.events)} data-users={path.users}>
          <div className="pathfinder-events">
            {path.events.map((eventType, step) => (
              <span key={step} className="pathfinder-event">
                {eventType}
              </span>
            ))}
          </div>
          <div className="pathfinder-bar-track">
            <div className="pathfinder-bar" data-testid="path-bar" style={{ width: `${(path.users / most) * 100}%` }} />
          </div>
          <span className="pathfinder-users numeric">
            {formatMeasure(path.users)} {path.users === 1 ? "user" : "users"}
          </span>
          {onViewPath !== undefined && (
            <button type="button" className="button-quiet small" data-testid="view-path-streams" onClick={() => onViewPath(index)}>
              View User Streams
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
