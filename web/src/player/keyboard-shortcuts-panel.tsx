/** The list of keyboard shortcuts, shown over the replay from the keyboard button or "?". */

import { KEYBOARD_SHORTCUTS } from "./keyboard-shortcuts";

export function KeyboardShortcutsPanel(props: { onClose(): void }) {
  return (
    <div className="shortcuts-panel" data-testid="shortcuts-panel" role="dialog" aria-label="Keyboard shortcuts">
      <div className="shortcuts-heading">
        <h3>Keyboard shortcuts</h3>
        <button type="button" className="button-quiet" onClick={props.onClose} aria-label="Close the shortcuts">
          ✕
        </button>
      </div>
      <dl className="shortcuts-list">
        {KEYBOARD_SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="shortcut-row">
            <dt>
              <kbd>{shortcut.label}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
