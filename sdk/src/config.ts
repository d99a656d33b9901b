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
  /** Record every input value as asterisks. */
  maskAllInputs?: boolean;
  /** gzip batches with CompressionStream when the browser has it. */
  compressBatches?: boolean;
  /** The signed-in user, if already known at init. */
  userId?: string | null;
}

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
  maskAllInputs: boolean;
  compressBatches: boolean;
  userId: string | null;
}

export const DEFAULT_FLUSH_INTERVAL_MS = 2_000;
export const DEFAULT_SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1_000;
export const DEFAULT_BATCH_MAX_BYTES = 900_000;
export const DEFAULT_BATCH_MAX_EVENTS = 1_000;
export const DEFAULT_UNLOAD_BATCH_MAX_BYTES = 60_000;
export const DEFAULT_RETRY_MAX_ATTEMPTS = 6;
export const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;
export const DEFAULT_RETRY_MAX_DELAY_MS = 30_000;
export const DEFAULT_QUEUE_MAX_BATCHES = 100;
export const USER_ID_LENGTH_MAX = 200;

function readPositiveInteger(name: string, value: number | undefined, fallback: number): number {
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
  const apiKey = readNonEmptyString("apiKey", options.apiKey);
  const serverUrl = readNonEmptyString("serverUrl", options.serverUrl).replace(/\/+$/, "");
  const batchMaxBytes = readPositiveInteger("batchMaxBytes", options.batchMaxBytes, DEFAULT_BATCH_MAX_BYTES);
  const unloadBatchMaxBytes = readPositiveInteger(
    "unloadBatchMaxBytes",
    options.unloadBatchMaxBytes,
    DEFAULT_UNLOAD_BATCH_MAX_BYTES,
  );
  return {
    apiKey,
    serverUrl,
    ingestUrl: `${serverUrl}/api/v1/ingest`,
    flushIntervalMs: readPositiveInteger("flushIntervalMs", options.flushIntervalMs, DEFAULT_FLUSH_INTERVAL_MS),
    sessionIdleTimeoutMs: readPositiveInteger(
      "sessionIdleTimeoutMs",
      options.sessionIdleTimeoutMs,
      DEFAULT_SESSION_IDLE_TIMEOUT_MS,
    ),
    batchMaxBytes,
    batchMaxEvents: readPositiveInteger("batchMaxEvents", options.batchMaxEvents, DEFAULT_BATCH_MAX_EVENTS),
    unloadBatchMaxBytes: Math.min(unloadBatchMaxBytes, batchMaxBytes),
    retryMaxAttempts: readPositiveInteger("retryMaxAttempts", options.retryMaxAttempts, DEFAULT_RETRY_MAX_ATTEMPTS),
    retryBaseDelayMs: readPositiveInteger("retryBaseDelayMs", options.retryBaseDelayMs, DEFAULT_RETRY_BASE_DELAY_MS),
    retryMaxDelayMs: readPositiveInteger("retryMaxDelayMs", options.retryMaxDelayMs, DEFAULT_RETRY_MAX_DELAY_MS),
    queueMaxBatches: readPositiveInteger("queueMaxBatches", options.queueMaxBatches, DEFAULT_QUEUE_MAX_BATCHES),
    maskAllInputs: options.maskAllInputs !== false,
    compressBatches: options.compressBatches !== false,
    userId: normalizeUserId(options.userId),
  };
}
