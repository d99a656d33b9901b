/**
 * Options accepted by `Reel.init` and the validated configuration derived from them.
 * Every limit is a config value whose name ends with its unit.
 */

export interface ReelInitOptions {
  /** The project's ingest API key (write-only). */
  apiKey: string;
  /** Where the Reel server listens, e.g. `https://reel.example.com`. */
  serverUrl: string;
  /** How often buffered events are sent. */
  flushIntervalMs?: number;
  /** A new session starts after this long without user activity. */
  sessionIdleTimeoutMs?: number;
  /** Upper bound on one batch's JSON size before compression. */
  batchMaxBytes?: number;
  /** Upper bound on the number of events in one batch. */
  batchMaxEvents?: number;
  /** Upper bound on one batch's JSON size when sent while the page unloads (keepalive limit is 64 KB). */
  unloadBatchMaxBytes?: number;
  /** How many times one batch is tried before it is dropped. */
  retryMaxAttempts?: number;
  /** The first retry waits about this long; each later retry doubles it. */
  retryBaseDelayMs?: number;
  /** No retry waits longer than this. */
  retryMaxDelayMs?: number;
  /** How many batches may wait for delivery; newer batches are dropped past this. */
  queueMaxBatches?: number;
  /** Deprecated: `false` means `privacyLevel: "light"` when no level is given. */
  maskAllInputs?: boolean;
  /**
   * How much is masked in replays: `light` (passwords, card, email and phone fields), `medium`
   * (every input; the default), `conservative` (every input and all text). When the project's
   * remote settings also name a level, the stricter of the two applies.
   */
  privacyLevel?: PrivacyLevel;
  /** Elements replayed as same-size empty boxes (merged with the remote list; `.amp-block` always). */
  blockSelectors?: string[];
  /** Elements whose text and values are masked (merged with the remote list; `.amp-mask` always). */
  maskSelectors?: string[];
  /** Elements whose text and values are recorded in clear (`.amp-unmask` always); passwords and card fields stay masked. */
  unmaskSelectors?: string[];
  /** Record replays at all (also a project setting; both must allow it). */
  recordReplays?: boolean;
  /** Share of sessions recorded, 0..1, used until the project's remote settings are known. */
  sampleRate?: number;
  /** Read the project's settings from `GET {serverUrl}/config/{apiKey}`. */
  fetchRemoteSettings?: boolean;
  /** How long a new session waits for the remote settings before it uses the cached or local ones. */
  remoteSettingsTimeoutMs?: number;
  /** Record console output (levels: log, info, warn, error) into replays, until remote settings say otherwise. */
  consoleCapture?: boolean;
  consoleLevels?: string[];
  /** Report failed fetch / XMLHttpRequest calls, until remote settings say otherwise. */
  networkCapture?: boolean;
  /** Lower-case header names whose values are reported with failed requests. */
  networkHeaderAllowlist?: string[];
  /** URL prefixes whose request and response bodies are reported with failed requests. */
  networkBodyUrlAllowlist?: string[];
  /** Upper bound on a reported request or response body. */
  networkBodyMaxBytes?: number;
  /** Report the query string of failed requests (off: URLs are reported without it). */
  networkCaptureQuery?: boolean;
  /** Send analytics events (page views, clicks, field changes, forms, network and runtime errors). */
  autocapture?: boolean;
  /** Analytics events are sent this long after the first unsent one. */
  analyticsFlushIntervalMs?: number;
  /** Upper bound on the events in one analytics request. */
  analyticsBatchMaxEvents?: number;
  /** Upper bound on unsent analytics events kept (in memory and localStorage). */
  analyticsQueueMaxEvents?: number;
  /** gzip batches with CompressionStream when the browser has it. */
  compressBatches?: boolean;
  /** Keep unsent replay batches in IndexedDB so the next page load sends them. */
  persistBatches?: boolean;
  /** The signed-in user, if already known at init. */
  userId?: string | null;
}

export type PrivacyLevel = "light" | "medium" | "conservative";
export const PRIVACY_LEVELS: readonly PrivacyLevel[] = ["light", "medium", "conservative"];
export const CONSOLE_LEVELS: readonly string[] = ["log", "info", "warn", "error"];

export interface ReelConfig {
  apiKey: string;
  serverUrl: string;
  ingestUrl: string;
  flushIntervalMs: number;
  sessionIdleTimeoutMs: number;
  batchMaxBytes: number;
  batchMaxEvents: number;
  unloadBatchMaxBytes: number;
  retryMaxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  queueMaxBatches: number;
  /** The level asked for in code, or null when the code left it to the project (then `medium`). */
  privacyLevel: PrivacyLevel | null;
  blockSelectors: string[];
  maskSelectors: string[];
  unmaskSelectors: string[];
  recordReplays: boolean;
  sampleRate: number;
  fetchRemoteSettings: boolean;
  remoteSettingsTimeoutMs: number;
  consoleCapture: boolean;
  consoleLevels: string[];
  networkCapture: boolean;
  networkHeaderAllowlist: string[];
  networkBodyUrlAllowlist: string[];
  networkBodyMaxBytes: number;
  networkCaptureQuery: boolean;
  autocapture: boolean;
  analyticsUrl: string;
  analyticsFlushIntervalMs: number;
  analyticsBatchMaxEvents: number;
  analyticsQueueMaxEvents: number;
  compressBatches: boolean;
  persistBatches: boolean;
  userId: string | null;
}

/** Defaults of the numeric options; each must be a positive number (rounded down). */
export const NUMERIC_OPTION_DEFAULTS = {
  flushIntervalMs: 2_000,
  sessionIdleTimeoutMs: 30 * 60 * 1_000,
  batchMaxBytes: 900_000,
  batchMaxEvents: 1_000,
  unloadBatchMaxBytes: 60_000,
  retryMaxAttempts: 6,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 30_000,
  queueMaxBatches: 100,
  remoteSettingsTimeoutMs: 1_500,
  networkBodyMaxBytes: 10_240,
  analyticsFlushIntervalMs: 1_000,
  analyticsBatchMaxEvents: 30,
  analyticsQueueMaxEvents: 300,
};
/** Switches that are on unless set to `false`. */
const SWITCHES_ON_BY_DEFAULT = ["recordReplays", "fetchRemoteSettings", "consoleCapture", "networkCapture", "autocapture", "compressBatches", "persistBatches"] as const;
const STRING_LIST_OPTIONS = ["blockSelectors", "maskSelectors", "unmaskSelectors", "networkHeaderAllowlist", "networkBodyUrlAllowlist"] as const;
export const USER_ID_LENGTH_MAX = 200;

function readPositiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1) {
    throw new Error(`reel: ${name} must be a positive number, got ${String(value)}`);
  }
  return Math.floor(value);
}

function readNonEmptyString(name: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new Error(`reel: ${name} is required`);
  }
  return value.trim();
}

function readStringList(name: string, value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new Error(`reel: ${name} must be an array of strings`);
  }
  return value.map((item: string) => item.trim()).filter((item) => item !== "");
}

function readPrivacyLevel(options: ReelInitOptions): PrivacyLevel | null {
  const level = options.privacyLevel;
  if (level === undefined) {
    return options.maskAllInputs === false ? "light" : null;
  }
  if (!PRIVACY_LEVELS.includes(level)) {
    throw new Error(`reel: privacyLevel must be one of ${PRIVACY_LEVELS.join(", ")}`);
  }
  return level;
}

function readSampleRate(value: unknown): number {
  if (value === undefined) {
    return 1;
  }
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new Error(`reel: sampleRate must be between 0 and 1, got ${String(value)}`);
  }
  return value;
}

/** Returns the user id if it is acceptable to the server, or null for "no user". */
export function normalizeUserId(userId: unknown): string | null {
  if (userId === null || userId === undefined || userId === "") {
    return null;
  }
  if (typeof userId !== "string" && typeof userId !== "number") {
    throw new Error("reel: userId must be a string");
  }
  const text = String(userId);
  if (text.length > USER_ID_LENGTH_MAX) {
    throw new Error(`reel: userId must be at most ${USER_ID_LENGTH_MAX} characters`);
  }
  return text;
}

export function resolveConfig(options: ReelInitOptions): ReelConfig {
  if (options === null || typeof options !== "object") {
    throw new Error("reel: init needs an options object with apiKey and serverUrl");
  }
  const given = options as unknown as Record<string, unknown>;
  const resolved: Record<string, unknown> = {};
  for (const [name, fallback] of Object.entries(NUMERIC_OPTION_DEFAULTS)) {
    resolved[name] = readPositiveInteger(name, given[name], fallback);
  }
  for (const name of SWITCHES_ON_BY_DEFAULT) {
    resolved[name] = given[name] !== false;
  }
  for (const name of STRING_LIST_OPTIONS) {
    resolved[name] = readStringList(name, given[name]);
  }
  const serverUrl = readNonEmptyString("serverUrl", options.serverUrl).replace(/\/+$/, "");
  const config = {
    ...(resolved as unknown as ReelConfig),
    apiKey: readNonEmptyString("apiKey", options.apiKey),
    serverUrl,
    ingestUrl: `${serverUrl}/api/v1/ingest`,
    analyticsUrl: `${serverUrl}/2/httpapi`,
    privacyLevel: readPrivacyLevel(options),
    sampleRate: readSampleRate(options.sampleRate),
    consoleLevels: options.consoleLevels === undefined ? [...CONSOLE_LEVELS] : readStringList("consoleLevels", options.consoleLevels).filter((level) => CONSOLE_LEVELS.includes(level)),
    networkCaptureQuery: options.networkCaptureQuery === true,
    userId: normalizeUserId(options.userId),
  };
  config.networkHeaderAllowlist = config.networkHeaderAllowlist.map((name) => name.toLowerCase());
  config.unloadBatchMaxBytes = Math.min(config.unloadBatchMaxBytes, config.batchMaxBytes);
  return config;
}
