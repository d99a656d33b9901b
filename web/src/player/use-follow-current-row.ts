/** Keeps the highlighted row of a scrolling list in view, scrolling only the list itself (never the page). */

import { useEffect } from "react";
import type { RefObject } from "react";

export function useFollowCurrentRow(listRef: RefObject<HTMLElement | null>, currentKey: string | null, enabled: boolean): void {
  useEffect(() => {
    const list = listRef.current;
    if (!enabled || list === null || currentKey === null) {
      return;
    }
    const row = list.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(currentKey)}"]`);
    if (row === null) {
      return;
    }
    const rowTop = row.offsetTop - list.offsetTop;
    const rowBottom = rowTop + row.offsetHeight;
    if (rowTop < list.scrollTop) {
      list.scrollTop = rowTop;
    } else if (rowBottom > list.scrollTop + list.clientHeight) {
      list.scrollTop = rowBottom - list.clientHeight;
    }
  }, [listRef, currentKey, enabled]);
}
