/** The menu a chart point opens. "View User Streams" is a placeholder for the Microscope. */

import { useEffect, useRef } from "react";

export function PointMenu(props: { title: string; detail: string; onClose: () => void }) {
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
      <button type="button" role="menuitem" className="point-menu-item" disabled title="Coming soon" data-testid="view-user-streams">
        View User Streams
      </button>
    </div>
  );
}
