/**
 * The two ways the SDK posts to the Reel server, shared by replay batches and analytics events:
 * a normal POST (gzip when possible; `keepalive` whenever the body fits the page's keepalive
 * budget, so a navigation does not abort it), and a POST while the page goes away (a keepalive
 * fetch, else `navigator.sendBeacon`, both with plain JSON that needs no preflight).
 */

import { isGzipAvailable } from "./compression";
import { utf8ByteLength } from "./events";

/** Browsers allow 64 KiB of keepalive request bodies in flight per page; keep a margin. */
export const KEEPALIVE_BUDGET_BYTES = 60_000;

/** Tracks the bytes of keepalive requests this page has in flight. */
export class KeepaliveBudget {
  #capacityBytes: number;
  #reservedBytes = 0;

  constructor(capacityBytes: number = KEEPALIVE_BUDGET_BYTES) {
    this.#capacityBytes = capacityBytes;
  }

  tryReserve(byteLength: number): boolean {
    if (this.#reservedBytes + byteLength > this.#capacityBytes) {
      return false;
    }
    this.#reservedBytes += byteLength;
    return true;
  }

  release(byteLength: number): void {
    this.#reservedBytes = Math.max(0, this.#reservedBytes - byteLength);
  }
}

export interface PostOptions {
  keepaliveBudget: KeepaliveBudget;
  fetchFunction?: typeof fetch;
  sendBeaconFunction?: (url: string, data: Blob) => boolean;
}

/** `json` gzipped when `gzip` is given and works, with the matching header; else as it is. */
export async function encodeBody(
  json: string,
  gzip: ((text: string) => Promise<Uint8Array>) | null,
  headers: Record<string, string>,
): Promise<string | Uint8Array> {
  if (gzip === null || !isGzipAvailable()) {
    return json;
  }
  try {
    const body = await gzip(json);
    headers["Content-Encoding"] = "gzip";
    return body;
  } catch {
    return json;
  }
}

export async function postWithKeepalive(url: string, body: string | Uint8Array, headers: Record<string, string>, options: PostOptions): Promise<Response> {
  const byteLength = typeof body === "string" ? utf8ByteLength(body) : body.byteLength;
  const keepalive = options.keepaliveBudget.tryReserve(byteLength);
  try {
    return await (options.fetchFunction ?? globalThis.fetch)(url, { method: "POST", headers, body: body as BodyInit, keepalive, credentials: "omit" });
  } finally {
    if (keepalive) {
      options.keepaliveBudget.release(byteLength);
    }
  }
}

/**
 * Hands `json` to the browser so it is sent even if the page goes away: a keepalive fetch to
 * `url`, else a `text/plain` beacon to `beaconUrl` (a CORS-simple request; the server accepts any
 * Content-Type). Returns null when neither took it, else a promise of the answer (null when
 * unknown: a beacon's answer never is, a keepalive fetch's only if the page lives long enough).
 */
export function postDuringUnload(url: string, beaconUrl: string, json: string, headers: Record<string, string>, options: PostOptions): Promise<Response | null> | null {
  const byteLength = utf8ByteLength(json);
  if (options.keepaliveBudget.tryReserve(byteLength)) {
    const release = (): void => options.keepaliveBudget.release(byteLength);
    try {
      return (options.fetchFunction ?? globalThis.fetch)(url, { method: "POST", headers, body: json, keepalive: true, credentials: "omit" })
        .catch(() => null)
        .finally(release);
    } catch {
      release();
    }
  }
  const sendBeacon = options.sendBeaconFunction ?? (typeof navigator !== "undefined" && navigator.sendBeacon ? navigator.sendBeacon.bind(navigator) : undefined);
  try {
    if (sendBeacon?.(beaconUrl, new Blob([json], { type: "text/plain" }))) {
      return Promise.resolve(null);
    }
  } catch {
    // refused
  }
  return null;
}
