/**
 * The wall-clock moment being replayed, as the recorded person saw it. When the recording carries
 * the browser's timezone (a `reel.environment` custom event with an IANA `timezone`), times are
 * shown in it. Otherwise they are shown in the viewer's own timezone, labelled as such: rrweb's
 * events carry only epoch milliseconds, so guessing from the recorded URL or language would be
 * wrong as often as right.
 */

export interface ClockZone {
  /** An IANA name, e.g. "Europe/Berlin". */
  timeZone: string;
  /** True when the timezone came from the recording, false for the viewer's fallback. */
  recorded: boolean;
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function clockZone(recordedTimezone: string | null, fallbackTimeZone: string = viewerTimeZone()): ClockZone {
  return recordedTimezone === null ? { timeZone: fallbackTimeZone, recorded: false } : { timeZone: recordedTimezone, recorded: true };
}

/** "Thu, Nov 27, 2026, 14:46:59 GMT+1" in `zone`. */
export function formatSessionMoment(epochMs: number, zone: ClockZone, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone.timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(epochMs));
}

/** "Europe/Berlin (recorded)" or "Europe/London (your timezone; the recording has none)". */
export function describeClockZone(zone: ClockZone): string {
  return zone.recorded ? `${zone.timeZone} (recorded)` : `${zone.timeZone} (your timezone; the recording has none)`;
}
