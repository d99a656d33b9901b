/** The player's keyboard shortcuts, in one table that both the key handler and the help panel read. */

export type PlayerAction =
  | "toggle-play"
  | "skip-back"
  | "skip-forward"
  | "slower"
  | "faster"
  | "toggle-skip-inactivity"
  | "toggle-console"
  | "toggle-expand"
  | "toggle-fullscreen"
  | "copy-link"
  | "show-shortcuts";

export interface KeyboardShortcut {
  action: PlayerAction;
  /** `KeyboardEvent.key` values that trigger the action. */
  keys: string[];
  /** How the help panel writes the keys. */
  label: string;
  description: string;
}

export const SKIP_STEP_MS = 10_000;

export const KEYBOARD_SHORTCUTS: KeyboardShortcut[] = [
  { action: "toggle-play", keys: [" ", "k"], label: "Space or K", description: "Play or pause" },
  { action: "skip-back", keys: ["ArrowLeft", "j"], label: "← or J", description: "Back 10 seconds" },
  { action: "skip-forward", keys: ["ArrowRight", "l"], label: "→ or L", description: "Forward 10 seconds" },
  { action: "slower", keys: ["<", ","], label: "<", description: "Slower" },
  { action: "faster", keys: [">", "."], label: ">", description: "Faster" },
  { action: "toggle-skip-inactivity", keys: ["i"], label: "I", description: "Skip inactivity on or off" },
  { action: "toggle-console", keys: ["c"], label: "C", description: "Open or close the console" },
  { action: "toggle-expand", keys: ["e"], label: "E", description: "Expand or shrink the player" },
  { action: "toggle-fullscreen", keys: ["f"], label: "F", description: "Full screen" },
  { action: "copy-link", keys: ["u"], label: "U", description: "Copy a link to this moment" },
  { action: "show-shortcuts", keys: ["?"], label: "?", description: "Show these shortcuts" },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action for a key press, or null (modifier combinations belong to the browser). */
export function actionForKey(press: KeyPress): PlayerAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) {
    return null;
  }
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  for (const shortcut of KEYBOARD_SHORTCUTS) {
    if (shortcut.keys.includes(key)) {
      return shortcut.action;
    }
  }
  return null;
}

/** Keys typed into these go to the field, not to the player. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable) {
    return true;
  }
  const tag = target.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") {
    return true;
  }
  if (tag !== "input") {
    return false;
  }
  const type = (target as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "range", "submit", "reset"].includes(type);
}

export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4, 8];

export function nextSpeed(current: number, direction: 1 | -1): number {
  const index = PLAYBACK_SPEEDS.indexOf(current);
  const nextIndex = Math.min(PLAYBACK_SPEEDS.length - 1, Math.max(0, (index === -1 ? 1 : index) + direction));
  return PLAYBACK_SPEEDS[nextIndex];
}
