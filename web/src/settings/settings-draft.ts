/**
 * The "Session Replay & Heatmaps" form's state: the project's settings as the form shows them
 * (a percentage, one selector per line) and the `PATCH /api/v1/projects/{id}` body it stands for.
 */

import type { PrivacyLevel, ProjectUpdate, ProjectWithSettings } from "../api/project-settings-types";

export const PRIVACY_LEVELS: readonly { value: PrivacyLevel; label: string; detail: string }[] = [
  { value: "light", label: "Light", detail: "Masks passwords and card-like fields only." },
  { value: "medium", label: "Medium", detail: "Masks every input field." },
  { value: "conservative", label: "Conservative", detail: "Masks all text and every input." },
];
export const RETENTION_OPTIONS: readonly { days: number; label: string }[] = [
  { days: 90, label: "90 days (default)" },
  { days: 30, label: "30 days" },
];

export interface SettingsDraft {
  replayCaptureEnabled: boolean;
  /** The percentage as typed, "0" to "100". */
  sampleRatePercent: string;
  privacyLevel: PrivacyLevel;
  /** One CSS selector per line. */
  blockSelectors: string;
  maskSelectors: string;
  unmaskSelectors: string;
  consoleCaptureEnabled: boolean;
  interactionCaptureEnabled: boolean;
  retentionDays: number;
}

/** 0.255 → "25.5" (at most two decimals, no trailing zeros). */
export function rateToPercentText(rate: number): string {
  return String(Math.round(rate * 10_000) / 100);
}

export function selectorsToText(selectors: readonly string[] | undefined): string {
  return (selectors ?? []).join("\n");
}

/** One selector per non-blank line, trimmed. */
export function textToSelectors(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function projectToDraft(project: ProjectWithSettings): SettingsDraft {
  const settings = project.settings;
  return {
    replayCaptureEnabled: settings.replay_capture_enabled,
    sampleRatePercent: rateToPercentText(settings.replay_sample_rate),
    privacyLevel: settings.privacy_level,
    blockSelectors: selectorsToText(settings.privacy_block_selectors),
    maskSelectors: selectorsToText(settings.privacy_mask_selectors),
    unmaskSelectors: selectorsToText(settings.privacy_unmask_selectors),
    consoleCaptureEnabled: settings.console_capture_enabled,
    interactionCaptureEnabled: settings.interaction_capture_enabled,
    retentionDays: project.retention_days,
  };
}

/** The percentage as a share 0..1, or a sentence saying what is wrong with it. */
export function percentTextToRate(text: string): number | string {
  const trimmed = text.trim().replace(/%$/, "").trim();
  const percent = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    return "The replay sample rate is a percentage from 0 to 100.";
  }
  return Math.round(percent * 100) / 10_000;
}

/** The PATCH body: every field this form shows (other settings keep their values), or a sentence. */
export function draftToUpdate(draft: SettingsDraft): { update: ProjectUpdate } | { error: string } {
  const rate = percentTextToRate(draft.sampleRatePercent);
  if (typeof rate === "string") {
    return { error: rate };
  }
  return {
    update: {
      retention_days: draft.retentionDays,
      settings: {
        replay_capture_enabled: draft.replayCaptureEnabled,
        replay_sample_rate: rate,
        privacy_level: draft.privacyLevel,
        privacy_block_selectors: textToSelectors(draft.blockSelectors),
        privacy_mask_selectors: textToSelectors(draft.maskSelectors),
        privacy_unmask_selectors: textToSelectors(draft.unmaskSelectors),
        console_capture_enabled: draft.consoleCaptureEnabled,
        interaction_capture_enabled: draft.interactionCaptureEnabled,
      },
    },
  };
}

export function draftsEqual(left: SettingsDraft, right: SettingsDraft): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
