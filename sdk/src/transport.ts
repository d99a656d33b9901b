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
import { gzipText, isGzipAvailable } from "./compression";
import type { BatchSender, SendOutcome } from "./delivery-queue";
import { utf8ByteLength } from "./events";

/** Browsers allow 64 KiB of keepalive request bodies in flight per page; keep a margin. */
export const KEEPALIVE_BUDGET_BYTES = 60_000;

/** Tracks the bytes of keepalive requests this page has in flight. */
export class KeepaliveBudget {
  private readonly capacityBytes: number;
  private reservedBytes = 0;

  constructor(capacityBytes: number = KEEPALIVE_BUDGET_BYTES) {
    this.capacityBytes = capacityBytes;
  }

  tryReserve(byteLength: number): boolean {
    if (this.reservedBytes + byteLength > this.capacityBytes) {
      return false;
    }
    this.reservedBytes += byteLength;
    return true;
  }

  release(byteLength: number): void {
    this.reservedBytes = Math.max(0, this.reservedBytes - byteLength);
  }
}

export interface TransportOptions {
  ingestUrl: string;
  apiKey: string;
  compressBatches: boolean;
  nowMs: () => number;
  keepaliveBudget: KeepaliveBudget;
  fetchFunction?: typeof fetch;
  sendBeaconFunction?: (url: string, data: Blob) => boolean;
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

async function encodeBody(json: string, compress: boolean): Promise<{ body: string | Uint8Array; gzipped: boolean }> {
  if (!compress || !isGzipAvailable()) {
    return { body: json, gzipped: false };
  }
  try {
    return { body: await gzipText(json), gzipped: true };
  } catch {
    return { body: json, gzipped: false };
  }
}

export function createBatchSender(options: TransportOptions): BatchSender {
  return async (batch: Batch): Promise<SendOutcome> => {
    const fetchFunction = options.fetchFunction ?? globalThis.fetch;
    const json = JSON.stringify(buildIngestPayload(batch, options.nowMs()));
    const { body, gzipped } = await encodeBody(json, options.compressBatches);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.apiKey}`,
      "Content-Type": "application/json",
    };
    if (gzipped) {
      headers["Content-Encoding"] = "gzip";
    }
    const bodyByteLength = typeof body === "string" ? utf8ByteLength(body) : body.byteLength;
    const keepalive = options.keepaliveBudget.tryReserve(bodyByteLength);
    try {
      const response = await fetchFunction(options.ingestUrl, {
        method: "POST",
        headers,
        body: body as BodyInit,
        keepalive,
        credentials: "omit",
      });
      return outcomeForStatus(response.status, parseRetryAfterMs(response.headers.get("Retry-After"), options.nowMs()));
    } catch {
      return { kind: "retry" };
    } finally {
      if (keepalive) {
        options.keepaliveBudget.release(bodyByteLength);
      }
    }
  };
}

function beaconUrl(ingestUrl: string, apiKey: string): string {
  const separator = ingestUrl.includes("?") ? "&" : "?";
  return `${ingestUrl}${separator}api_key=${encodeURIComponent(apiKey)}`;
}

/**
 * Hands `batch` to the browser so it is sent even if the page goes away. Returns false when
 * neither a keepalive fetch nor a beacon would take it (the batch then stays queued).
 */
export function sendBatchDuringUnload(batch: Batch, options: TransportOptions): boolean {
  const json = JSON.stringify(buildIngestPayload(batch, options.nowMs()));
  const bodyByteLength = utf8ByteLength(json);
  const fetchFunction = options.fetchFunction ?? globalThis.fetch;
  if (typeof fetchFunction === "function" && options.keepaliveBudget.tryReserve(bodyByteLength)) {
    const release = (): void => options.keepaliveBudget.release(bodyByteLength);
    try {
      fetchFunction(options.ingestUrl, {
        method: "POST",
        headers: { Authorization: `Bearer ${options.apiKey}`, "Content-Type": "application/json" },
        body: json,
        keepalive: true,
        credentials: "omit",
      }).then(release, release);
      return true;
    } catch {
      release();
    }
  }
  const sendBeaconFunction =
    options.sendBeaconFunction ??
    (typeof navigator !== "undefined" && typeof navigator.sendBeacon === "function"
      ? navigator.sendBeacon.bind(navigator)
      : undefined);
  if (sendBeaconFunction === undefined) {
    return false;
  }
  try {
    // text/plain keeps the beacon a CORS "simple" request; the server accepts any Content-Type
    return sendBeaconFunction(beaconUrl(options.ingestUrl, options.apiKey), new Blob([json], { type: "text/plain" }));
  } catch {
    return false;
  }
}
