/** Full screen for one element through the Fullscreen API, following exits made with Esc. */

import { useCallback, useEffect, useState } from "react";
import type { RefObject } from "react";

export function useFullscreen(elementRef: RefObject<HTMLElement | null>): { isFullscreen: boolean; toggleFullscreen(): void } {
  const [isFullscreen, setIsFullscreen] = useState(false);

  useEffect(() => {
    const handleChange = () => setIsFullscreen(document.fullscreenElement !== null && document.fullscreenElement === elementRef.current);
    document.addEventListener("fullscreenchange", handleChange);
    return () => document.removeEventListener("fullscreenchange", handleChange);
  }, [elementRef]);

  const toggleFullscreen = useCallback(() => {
    const element = elementRef.current;
    if (element === null) {
      return;
    }
    if (document.fullscreenElement === element) {
      void document.exitFullscreen();
    } else {
      element.requestFullscreen().catch((error: unknown) => console.warn("reel: full screen was refused", error));
    }
  }, [elementRef]);

  return { isFullscreen, toggleFullscreen };
}
