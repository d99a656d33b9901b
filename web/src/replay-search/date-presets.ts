/** The list's date ranges: "Last N days" (today and the N - 1 UTC days before it) or a custom range. */

export type DatePreset = "last_7_days" | "last_30_days" | "last_60_days" | "last_90_days" | "custom";

export const DEFAULT_DATE_PRESET: DatePreset = "last_30_days";

export const DATE_PRESET_CHOICES: readonly { preset: DatePreset; label: string; days: number | null }[] = [
  { preset: "last_7_days", label: "Last 7 days", days: 7 },
  { preset: "last_30_days", label: "Last 30 days", days: 30 },
  { preset: "last_60_days", label: "Last 60 days", days: 60 },
  { preset: "last_90_days", label: "Last 90 days", days: 90 },
  { preset: "custom", label: "Custom", days: null },
];

const DAY_MS = 86_400_000;

export function isDatePreset(text: string | null): text is DatePreset {
  return DATE_PRESET_CHOICES.some((choice) => choice.preset === text);
}

/** The UTC calendar day of a moment, `YYYY-MM-DD`. */
export function utcDayText(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Inclusive UTC days: the last `days` days up to and including today. */
export function lastDaysRange(days: number, nowMs: number = Date.now()): { startDate: string; endDate: string } {
  return { startDate: utcDayText(nowMs - (days - 1) * DAY_MS), endDate: utcDayText(nowMs) };
}

/** The days a preset covers today; a custom range keeps its own days. */
export function presetRange(preset: DatePreset, custom: { startDate: string; endDate: string }, nowMs: number = Date.now()) {
  const days = DATE_PRESET_CHOICES.find((choice) => choice.preset === preset)?.days ?? null;
  return days === null ? custom : lastDaysRange(days, nowMs);
}
