/**
 * The menu a chart point opens: "View User Streams" (the Microscope), disabled where the point has no
 * users of its own, and, for a funnel step after the first, "View Dropped-off Users".
 */

import { useEffect, useRef } from "react";

export function PointMenu(props: { title: string; detail: string; onClose: () => void; onViewUserStreams?: () => void; onViewDroppedOff?: () => void }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const { onClose } = props;

  useEffect(() => {
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (menuRef.current !== null && event.target instanceof Node && !menuRef.current.contains(event.target)) {
        onClose();
      }
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        onClose();
      }
    };
    document.addEventListener("pointerdown", closeOnOutsidePress);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsidePress);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [onClose]);

  return (
    <div className="point-menu" ref={menuRef} role="menu" aria-label={props.title} data-testid="point-menu">
      <div className="point-menu-title">{props.title}</div>
      <div className="point-menu-detail muted small">{props.detail}</div>
      <button
        type="button"
        role="menuitem"
        className="point-menu-item"
        disabled={props.onViewUserStreams === undefined}
        title={props.onViewUserStreams === undefined ? "A formula or frequency point has no users of its own" : undefined}
        data-testid="view-user-streams"
        onClick={props.onViewUserStreams}
      >
        View User Streams
      </button>
      {props.onViewDroppedOff !== undefined && (
        <button type="button" role="menuitem" className="point-menu-item" data-testid="view-dropped-off" onClick={props.onViewDroppedOff}>
          View Dropped-off Users
        </button>
      )}
    </div>
  );
}
