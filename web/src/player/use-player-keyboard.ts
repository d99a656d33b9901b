/** Routes key presses anywhere on the replay page to player actions (KEYBOARD_SHORTCUTS), except while typing. */

import { useEffect, useRef } from "react";
import type { PlayerAction } from "./keyboard-shortcuts";
import { actionForKey, isTypingTarget } from "./keyboard-shortcuts";

export function usePlayerKeyboard(onAction: (action: PlayerAction) => void): void {
  const latestOnAction = useRef(onAction);
  latestOnAction.current = onAction;

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) {
        return;
      }
      const action = actionForKey(event);
      if (action === null) {
        return;
      }
      // space would also press a focused button, arrows would scroll the page
      event.preventDefault();
      latestOnAction.current(action);
    };
    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, []);
}
