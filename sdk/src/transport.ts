/**
 * HTTP transport to `POST {serverUrl}/api/v1/ingest`.
 *
 * Normal path: gzip when possible, `Authorization: Bearer`, and `keepalive: true` whenever the
 * body fits in the browser's keepalive budget, so a navigation does not abort the request.
 * Unload path (pagehide, hidden tab): must send synchronously, so plain JSON through a keepalive
 * fetch, or `navigator.sendBeacon` with `?api_key=` when fetch cannot take it.
 */

import type { Batch } from "./batch";
import { buildIngestPayload } from "./batch";
import { gzipText } from "./compression";
import type { BatchSender, SendOutcome } from "./delivery-queue";
import type { KeepaliveBudget, PostOptions } from "./http-post";
import { encodeBody, postDuringUnload, postWithKeepalive } from "./http-post";

export { KEEPALIVE_BUDGET_BYTES, KeepaliveBudget } from "./http-post";

export interface TransportOptions extends PostOptions {
  ingestUrl: string;
  apiKey: string;
  compressBatches: boolean;
  nowMs: () => number;
  keepaliveBudget: KeepaliveBudget;
  /** gzip (in a worker when possible); defaults to CompressionStream on the main thread. */
  gzip?: (text: string) => Promise<Uint8Array>;
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfterMs(headerValue: string | null, nowMs: number): number | undefined {
  if (headerValue === null || headerValue.trim() === "") {
    return undefined;
  }
  const seconds = Number(headerValue);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1_000);
  }
  const dateMs = Date.parse(headerValue);
  return Number.isNaN(dateMs) ? undefined : Math.max(0, dateMs - nowMs);
}

/** 2xx delivered; 429 and 5xx retried; every other status is final and drops the batch. */
export function outcomeForStatus(status: number, retryAfterMs?: number): SendOutcome {
  if (status >= 200 && status < 300) {
    return { kind: "delivered" };
  }
  if (status === 429 || status >= 500) {
    return retryAfterMs === undefined ? { kind: "retry" } : { kind: "retry", retryAfterMs };
  }
  return { kind: "rejected", status };
}

export function createBatchSender(options: TransportOptions): BatchSender {
  return async (batch: Batch): Promise<SendOutcome> => {
    const json = JSON.stringify(buildIngestPayload(batch, options.nowMs()));
    const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, "Content-Type": "application/json" };
    const body = await encodeBody(json, options.compressBatches ? (options.gzip ?? gzipText) : null, headers);
    try {
      const response = await postWithKeepalive(options.ingestUrl, body, headers, options);
      return outcomeForStatus(response.status, parseRetryAfterMs(response.headers.get("Retry-After"), options.nowMs()));
    } catch {
      return { kind: "retry" };
    }
  };
}

function beaconUrl(ingestUrl: string, apiKey: string): string {
  const separator = ingestUrl.includes("?") ? "&" : "?";
  return `${ingestUrl}${separator}api_key=${encodeURIComponent(apiKey)}`;
}

/**
 * Hands `batch` to the browser so it is sent even if the page goes away. Returns null when
 * nothing took it (the batch then stays queued), else a promise of whether the server is known
 * to have it.
 */
export function sendBatchDuringUnload(batch: Batch, options: TransportOptions): Promise<boolean> | null {
  const json = JSON.stringify(buildIngestPayload(batch, options.nowMs()));
  const headers = { Authorization: `Bearer ${options.apiKey}`, "Content-Type": "application/json" };
  const answer = postDuringUnload(options.ingestUrl, beaconUrl(options.ingestUrl, options.apiKey), json, headers, options);
  return answer === null ? null : answer.then((response) => response !== null && outcomeForStatus(response.status).kind === "delivered");
}
