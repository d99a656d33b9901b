/**
 * Sending analytics events to `POST {serverUrl}/2/httpapi` (Amplitude's HTTP API v2). The answer
 * is judged by the JSON `code` field, as Amplitude's SDKs do; only a non-JSON answer (or one
 * without a numeric `code`) falls back to the HTTP status.
 */

import type { AnalyticsEvent } from "./analytics-events";
import { isObject } from "./capture-settings";
import type { PostOptions } from "./http-post";
import { encodeBody, postDuringUnload, postWithKeepalive } from "./http-post";

export type AnalyticsOutcome =
  | { kind: "delivered" }
  | { kind: "retry"; retryAfterMs?: number }
  | { kind: "dropped" }
  | { kind: "dropped_some"; indexes: number[] }
  | { kind: "too_large" }
  /** Handed to a beacon: the browser sends it, nobody learns the answer. */
  | { kind: "unknown" };

/** Compressed bodies only from this size on (smaller ones gain nothing). */
export const ANALYTICS_GZIP_MIN_BYTES = 2_048;
const THROTTLED_RETRY_DELAY_MS = 30_000;


function indexesOf(value: unknown): number[] {
  if (Array.isArray(value)) {
    return value.filter((item): item is number => Number.isInteger(item));
  }
  return isObject(value) ? Object.values(value).flatMap(indexesOf) : [];
}

export function analyticsOutcome(httpStatus: number, body: unknown): AnalyticsOutcome {
  const answer = isObject(body) ? body : {};
  const code = typeof answer.code === "number" ? answer.code : httpStatus;
  if (code >= 200 && code < 300) {
    return { kind: "delivered" };
  }
  if (code === 413) {
    return { kind: "too_large" };
  }
  if (code === 429) {
    return { kind: "retry", retryAfterMs: THROTTLED_RETRY_DELAY_MS };
  }
  if (code === 0 || code === 408 || code >= 500) {
    return { kind: "retry" };
  }
  if (code === 400 && !answer.missing_field && !/^Invalid API key/i.test(String(answer.error ?? ""))) {
    const indexes = [
      ...indexesOf(answer.events_with_invalid_fields),
      ...indexesOf(answer.events_with_missing_fields),
      ...indexesOf(answer.events_with_invalid_id_lengths),
      ...indexesOf(answer.silenced_events),
    ];
    if (indexes.length > 0) {
      return { kind: "dropped_some", indexes: [...new Set(indexes)] };
    }
  }
  // any other 4xx: the same body would fail again (Amplitude's SDK retries a bare 400; Reel drops it)
  return { kind: "dropped" };
}

export interface AnalyticsTransportOptions extends PostOptions {
  url: string;
  apiKey: string;
  nowMs: () => number;
  /** gzip, or null when compression is not wanted. */
  gzip: ((text: string) => Promise<Uint8Array>) | null;
}

export function analyticsRequestBody(events: AnalyticsEvent[], apiKey: string, nowMs: number): string {
  return JSON.stringify({ api_key: apiKey, events, options: {}, client_upload_time: new Date(nowMs).toISOString() });
}

async function readOutcome(response: Response): Promise<AnalyticsOutcome> {
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // not JSON: the HTTP status decides
  }
  return analyticsOutcome(response.status, body);
}

export async function sendAnalyticsEvents(events: AnalyticsEvent[], options: AnalyticsTransportOptions): Promise<AnalyticsOutcome> {
  const json = analyticsRequestBody(events, options.apiKey, options.nowMs());
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const body = await encodeBody(json, json.length >= ANALYTICS_GZIP_MIN_BYTES ? options.gzip : null, headers);
  try {
    return await readOutcome(await postWithKeepalive(options.url, body, headers, options));
  } catch {
    return { kind: "retry" };
  }
}

/**
 * The page is going away: a keepalive fetch with a `text/plain` body (a CORS-simple request, no
 * preflight), else a beacon. Returns the outcome's promise, or null when neither would take it.
 */
export function sendAnalyticsEventsDuringUnload(events: AnalyticsEvent[], options: AnalyticsTransportOptions): Promise<AnalyticsOutcome> | null {
  const json = analyticsRequestBody(events, options.apiKey, options.nowMs());
  const answer = postDuringUnload(options.url, options.url, json, { "Content-Type": "text/plain" }, options);
  return answer === null ? null : answer.then((response) => (response === null ? { kind: "unknown" } : readOutcome(response)));
}
