/** Display formatting for times and durations. */

/** "1:05" for 65 s, "1:02:03" past an hour; negative or non-finite input shows 0:00. */
export function formatPlayerTime(durationMs: number): string {
  const totalSeconds = Number.isFinite(durationMs) && durationMs > 0 ? Math.floor(durationMs / 1_000) : 0;
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const paddedSeconds = String(seconds).padStart(2, "0");
  if (hours > 0) {
    return `${hours}:${String(minutes).padStart(2, "0")}:${paddedSeconds}`;
  }
  return `${minutes}:${paddedSeconds}`;
}

/** "45s", "3m 07s", "2h 05m" */
export function formatDuration(durationMs: number): string {
  const totalSeconds = Number.isFinite(durationMs) && durationMs > 0 ? Math.round(durationMs / 1_000) : 0;
  if (totalSeconds < 60) {
    return `${totalSeconds}s`;
  }
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) {
    return `${totalMinutes}m ${String(totalSeconds % 60).padStart(2, "0")}s`;
  }
  return `${Math.floor(totalMinutes / 60)}h ${String(totalMinutes % 60).padStart(2, "0")}m`;
}

/** "Nov 27, 02:32:16 PM"; the year is shown only when it is not the current one. */
export function formatDateTime(epochMs: number, locale?: string, nowMs: number = Date.now()): string {
  const date = new Date(epochMs);
  const sameYear = date.getFullYear() === new Date(nowMs).getFullYear();
  return date.toLocaleString(locale, {
    year: sameYear ? undefined : "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
}

/** Shows a URL without its origin when it is on this server (the demo shop), else in full. */
export function formatUrlForDisplay(url: string | null, currentOrigin: string): string {
  if (url === null || url === "") {
    return "—";
  }
  try {
    const parsed = new URL(url);
    if (parsed.origin === currentOrigin) {
      return `${parsed.pathname}${parsed.search}${parsed.hash}`;
    }
    return `${parsed.host}${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** True for http(s) URLs only: recorded URLs come from browsers anyone can script. */
export function isWebUrl(url: string | null): url is string {
  if (url === null) {
    return false;
  }
  try {
    const protocol = new URL(url).protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
