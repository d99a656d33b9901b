import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Batch } from "../src/batch";
import {
  createBatchSender,
  KeepaliveBudget,
  outcomeForStatus,
  parseRetryAfterMs,
  sendBatchDuringUnload,
} from "../src/transport";

const batch: Batch = {
  sessionId: 1_764_252_000_000,
  deviceId: "device-1",
  userId: "alice",
  sequence: 3,
  events: [{ type: 4, timestamp: 1_764_252_000_001, data: { href: "https://shop.example/" } }],
};

interface CapturedRequest {
  url: string;
  init: RequestInit;
}

function capturingFetch(status: number, headers: Record<string, string> = {}) {
  const requests: CapturedRequest[] = [];
  const fetchFunction = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(null, { status, headers });
  }) as unknown as typeof fetch;
  return { fetchFunction, requests };
}

function baseOptions(overrides: Partial<Parameters<typeof createBatchSender>[0]> = {}) {
  return {
    ingestUrl: "https://reel.example/api/v1/ingest",
    apiKey: "key 1/2",
    compressBatches: true,
    nowMs: () => 1_764_252_002_000,
    keepaliveBudget: new KeepaliveBudget(),
    ...overrides,
  };
}

describe("status classification", () => {
  it("delivers on 2xx, retries 429 and 5xx, drops other statuses", () => {
    expect(outcomeForStatus(200).kind).toBe("delivered");
    expect(outcomeForStatus(429).kind).toBe("retry");
    expect(outcomeForStatus(500).kind).toBe("retry");
    expect(outcomeForStatus(503).kind).toBe("retry");
    expect(outcomeForStatus(400)).toEqual({ kind: "rejected", status: 400 });
    expect(outcomeForStatus(401)).toEqual({ kind: "rejected", status: 401 });
    expect(outcomeForStatus(413)).toEqual({ kind: "rejected", status: 413 });
  });

  it("reads Retry-After in seconds or as a date", () => {
    expect(parseRetryAfterMs("3", 0)).toBe(3_000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfterMs(null, 0)).toBeUndefined();
    expect(parseRetryAfterMs("soon", 0)).toBeUndefined();
  });
});

describe("normal sending", () => {
  it("posts a gzipped body with the bearer key and the protocol's fields", async () => {
    const { fetchFunction, requests } = capturingFetch(200);
    const outcome = await createBatchSender(baseOptions({ fetchFunction }))(batch);
    expect(outcome.kind).toBe("delivered");
    expect(requests).toHaveLength(1);
    const headers = requests[0].init.headers as Record<string, string>;
    expect(requests[0].url).toBe("https://reel.example/api/v1/ingest");
    expect(headers.Authorization).toBe("Bearer key 1/2");
    expect(headers["Content-Encoding"]).toBe("gzip");
    const body = JSON.parse(gunzipSync(requests[0].init.body as Uint8Array).toString("utf8"));
    expect(body).toEqual({
      session_id: 1_764_252_000_000,
      device_id: "device-1",
      user_id: "alice",
      sequence: 3,
      sent_at_ms: 1_764_252_002_000,
      events: batch.events,
    });
    expect(requests[0].init.keepalive).toBe(true);
    expect(requests[0].init.credentials).toBe("omit");
  });

  it("sends plain JSON when compression is off, and passes Retry-After on", async () => {
    const { fetchFunction, requests } = capturingFetch(429, { "Retry-After": "7" });
    const outcome = await createBatchSender(baseOptions({ fetchFunction, compressBatches: false }))(batch);
    expect(outcome).toEqual({ kind: "retry", retryAfterMs: 7_000 });
    expect(typeof requests[0].init.body).toBe("string");
    expect((requests[0].init.headers as Record<string, string>)["Content-Encoding"]).toBeUndefined();
  });

  it("turns a network failure into a retry", async () => {
    const failingFetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect((await createBatchSender(baseOptions({ fetchFunction: failingFetch }))(batch)).kind).toBe("retry");
  });

  it("does not use keepalive for a body beyond the keepalive budget", async () => {
    const { fetchFunction, requests } = capturingFetch(200);
    const budget = new KeepaliveBudget(10);
    await createBatchSender(baseOptions({ fetchFunction, keepaliveBudget: budget, compressBatches: false }))(batch);
    expect(requests[0].init.keepalive).toBe(false);
  });
});

describe("sending while the page unloads", () => {
  it("uses a keepalive fetch with plain JSON when the body fits, and learns the answer", async () => {
    const { fetchFunction, requests } = capturingFetch(200);
    const beacons: string[] = [];
    const handedOver = sendBatchDuringUnload(
      batch,
      baseOptions({ fetchFunction, sendBeaconFunction: (url) => beacons.push(url) > 0 }),
    );
    expect(await handedOver).toBe(true);
    expect(requests[0].init.keepalive).toBe(true);
    expect(JSON.parse(requests[0].init.body as string).sequence).toBe(3);
    expect(beacons).toHaveLength(0);
  });

  it("falls back to a beacon with the key in the query when the keepalive budget is used up", async () => {
    const { fetchFunction, requests } = capturingFetch(200);
    const beaconUrls: string[] = [];
    const handedOver = sendBatchDuringUnload(
      batch,
      baseOptions({
        fetchFunction,
        keepaliveBudget: new KeepaliveBudget(10),
        sendBeaconFunction: (url) => beaconUrls.push(url) > 0,
      }),
    );
    expect(handedOver).not.toBeNull();
    expect(await handedOver).toBe(false); // a beacon's answer is never known
    expect(requests).toHaveLength(0);
    expect(beaconUrls).toEqual(["https://reel.example/api/v1/ingest?api_key=key%201%2F2"]);
  });

  it("reports failure when the beacon is refused too", () => {
    const handedOver = sendBatchDuringUnload(
      batch,
      baseOptions({ keepaliveBudget: new KeepaliveBudget(10), sendBeaconFunction: () => false }),
    );
    expect(handedOver).toBeNull();
  });
});
