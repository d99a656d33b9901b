/**
 * What a session records, decided once when the session starts ("changes apply to sessions that
 * start afterwards"): local options merged with the project's remote settings
 * (`GET {serverUrl}/config/{apiKey}?config_group=browser`, docs/analytics-api.md).
 *
 * Merge rules (shared/specs/amplitude-compat.md §4.3, with Reel's choices where it differs):
 * - no usable remote answer: the cached answer of an earlier page, else the local options;
 * - `sr_sampling_config` present: `capture_enabled` must be `true` (missing means off), and its
 *   `sample_rate` replaces the local one; local `recordReplays: false` still wins;
 * - privacy: the stricter of the local and remote levels when both are given; selector lists
 *   are the union of both (masking wins over unmasking, so a union never leaks);
 * - `sr_logging_config.console` / `.network` replace the local switches when present.
 */

import type { PrivacyLevel, ReelConfig } from "./config";
import { CONSOLE_LEVELS, PRIVACY_LEVELS } from "./config";

export interface PrivacySettings {
  level: PrivacyLevel;
  blockSelectors: string[];
  maskSelectors: string[];
  unmaskSelectors: string[];
}

export interface CaptureSettings {
  captureEnabled: boolean;
  sampleRate: number;
  privacy: PrivacySettings;
  consoleEnabled: boolean;
  consoleLevels: string[];
  networkEnabled: boolean;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return items.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

function union(first: string[], second: string[]): string[] {
  return [...new Set([...first, ...second])];
}

export function localCaptureSettings(config: ReelConfig): CaptureSettings {
  return {
    captureEnabled: config.recordReplays,
    sampleRate: config.sampleRate,
    privacy: {
      level: config.privacyLevel ?? "medium",
      blockSelectors: config.blockSelectors,
      maskSelectors: config.maskSelectors,
      unmaskSelectors: config.unmaskSelectors,
    },
    consoleEnabled: config.consoleCapture,
    consoleLevels: config.consoleLevels,
    networkEnabled: config.networkCapture,
  };
}

export function stricterPrivacyLevel(first: PrivacyLevel, second: PrivacyLevel): PrivacyLevel {
  return PRIVACY_LEVELS.indexOf(first) >= PRIVACY_LEVELS.indexOf(second) ? first : second;
}

/** The `configs.sessionReplay` object of a remote answer, or null when the answer has none. */
export function sessionReplayConfigOf(body: unknown): JsonObject | null {
  const configs = isObject(body) ? body.configs : null;
  const sessionReplay = isObject(configs) ? configs.sessionReplay : null;
  return isObject(sessionReplay) ? sessionReplay : null;
}

/**
 * Local settings with a remote `configs.sessionReplay` object applied. `localLevel` is the level
 * the code asked for (null: none). Returns the local settings when `remote` is null.
 */
export function mergeRemoteSettings(
  local: CaptureSettings,
  localLevel: PrivacyLevel | null,
  remote: JsonObject | null,
): CaptureSettings {
  if (remote === null) {
    return local;
  }
  const merged: CaptureSettings = { ...local, privacy: { ...local.privacy } };
  const sampling = remote.sr_sampling_config;
  if (isObject(sampling) && Object.keys(sampling).length > 0) {
    merged.captureEnabled = local.captureEnabled && sampling.capture_enabled === true;
    const rate = sampling.sample_rate;
    if (typeof rate === "number" && rate >= 0 && rate <= 1) {
      merged.sampleRate = rate;
    }
  }
  const privacy = remote.sr_privacy_config;
  if (isObject(privacy)) {
    const remoteLevel = PRIVACY_LEVELS.find((level) => level === privacy.defaultMaskLevel);
    if (remoteLevel !== undefined) {
      merged.privacy.level = localLevel === null ? remoteLevel : stricterPrivacyLevel(localLevel, remoteLevel);
    }
    merged.privacy.blockSelectors = union(local.privacy.blockSelectors, stringList(privacy.blockSelector));
    merged.privacy.maskSelectors = union(local.privacy.maskSelectors, stringList(privacy.maskSelector));
    merged.privacy.unmaskSelectors = union(local.privacy.unmaskSelectors, stringList(privacy.unmaskSelector));
  }
  const logging = remote.sr_logging_config;
  if (isObject(logging)) {
    if (isObject(logging.console)) {
      merged.consoleEnabled = logging.console.enabled === true;
      if (Array.isArray(logging.console.levels)) {
        merged.consoleLevels = stringList(logging.console.levels).filter((level) => CONSOLE_LEVELS.includes(level));
      }
    }
    if (isObject(logging.network)) {
      merged.networkEnabled = logging.network.enabled === true;
    }
  }
  return merged;
}
