/**
 * Click hints (`reel.click_hint`, shared/docs/frustration-signals.md): what the server cannot see
 * in the recording when it decides whether a click was on something that looked clickable.
 */

export const CLICK_HINT_TAG = "reel.click_hint";

/** Natively interactive elements and interactive ARIA roles (on the element or an ancestor). */
export const INTERACTIVE_SELECTOR =
  "a[href],button,summary,select,textarea,input:not([type=hidden]),[contenteditable]:not([contenteditable=false])," +
  "[role=button],[role=link],[role=checkbox],[role=radio],[role=switch],[role=tab],[role^=menuitem],[role=option],[role=treeitem],[role=combobox],[role=slider]";

export interface ClickHint {
  cursor_pointer: boolean;
  interactive: boolean;
}

export function describeClickTarget(node: Node | null, view: Pick<Window, "getComputedStyle">): ClickHint | null {
  const element = node === null ? null : node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (element === null) {
    return null;
  }
  return {
    cursor_pointer: view.getComputedStyle(element).cursor === "pointer",
    interactive: element.closest(INTERACTIVE_SELECTOR) !== null,
  };
}
