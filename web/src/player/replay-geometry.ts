/** Pure helpers for the player: fitting the recorded viewport in the stage, positions on the timeline. */

export interface ViewportSize {
  width: number;
  height: number;
}

export interface ViewportPlacement {
  scale: number;
  left: number;
  top: number;
}

/**
 * Scales the recorded viewport down to fit inside the container, centred. It is never scaled up:
 * a small viewport (a phone) shows at its real size, sharp, rather than blown up and blurred.
 */
export function fitViewport(viewport: ViewportSize, container: ViewportSize): ViewportPlacement {
  if (viewport.width <= 0 || viewport.height <= 0 || container.width <= 0 || container.height <= 0) {
    return { scale: 1, left: 0, top: 0 };
  }
  const scale = Math.min(1, container.width / viewport.width, container.height / viewport.height);
  return {
    scale,
    left: (container.width - viewport.width * scale) / 2,
    top: (container.height - viewport.height * scale) / 2,
  };
}

/** The fraction 0..1 of a click at `clientX` along an element spanning `left`..`left + width`. */
export function fractionAlong(clientX: number, left: number, width: number): number {
  if (width <= 0) {
    return 0;
  }
  return Math.min(1, Math.max(0, (clientX - left) / width));
}

/** Where `timeMs` sits on a timeline from `startMs` to `endMs`, as a CSS percentage. */
export function timelinePercent(timeMs: number, startMs: number, endMs: number): string {
  const spanMs = endMs - startMs;
  if (spanMs <= 0) {
    return "0%";
  }
  const fraction = Math.min(1, Math.max(0, (timeMs - startMs) / spanMs));
  return `${fraction * 100}%`;
}
