import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Batch } from "../src/batch";
import type { StoredBatch } from "../src/batch-store";
import { batchKey, selectBatchesToKeep } from "../src/batch-store";
import { NUMERIC_OPTION_DEFAULTS, resolveConfig } from "../src/config";
import { LIBRARY_NAME, SDK_VERSION } from "../src/version";

describe("the SDK version", () => {
  it("is package.json's", () => {
    const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(SDK_VERSION).toBe(packageJson.version);
    expect(LIBRARY_NAME).toBe(`reel-sdk/${packageJson.version}`);
  });
});

describe("options", () => {
  const required = { apiKey: " key ", serverUrl: "https://reel.example/" };

  it("have defaults for every limit and switch, and mask every input unless told otherwise", () => {
    const config = resolveConfig(required);
    expect(config).toMatchObject({ ...NUMERIC_OPTION_DEFAULTS, apiKey: "key", serverUrl: "https://reel.example" });
    expect(config.ingestUrl).toBe("https://reel.example/api/v1/ingest");
    expect(config.analyticsUrl).toBe("https://reel.example/2/httpapi");
    expect(config).toMatchObject({ privacyLevel: null, recordReplays: true, sampleRate: 1, fetchRemoteSettings: true, autocapture: true, networkCaptureQuery: false, persistBatches: true });
    expect(config.consoleLevels).toEqual(["log", "info", "warn", "error"]);
  });

  it("read privacy, sampling and capture options", () => {
    const config = resolveConfig({ ...required, privacyLevel: "conservative", sampleRate: 0.1, consoleLevels: ["error", "table"], networkHeaderAllowlist: ["X-Request-Id"], blockSelectors: [" .ads "] });
    expect(config).toMatchObject({ privacyLevel: "conservative", sampleRate: 0.1, consoleLevels: ["error"], networkHeaderAllowlist: ["x-request-id"], blockSelectors: [".ads"] });
    expect(resolveConfig({ ...required, maskAllInputs: false }).privacyLevel).toBe("light");
  });

  it("refuse values that cannot work", () => {
    expect(() => resolveConfig({ ...required, apiKey: "" })).toThrow(/apiKey/);
    expect(() => resolveConfig({ ...required, flushIntervalMs: 0 })).toThrow(/flushIntervalMs/);
    expect(() => resolveConfig({ ...required, sampleRate: 2 })).toThrow(/sampleRate/);
    expect(() => resolveConfig({ ...required, privacyLevel: "none" as never })).toThrow(/privacyLevel/);
    expect(() => resolveConfig({ ...required, maskSelectors: "p" as never })).toThrow(/maskSelectors/);
  });
});

describe("stored batches", () => {
  function stored(sequence: number, storedAtMs: number): StoredBatch {
    const batch: Batch = { sessionId: 1, deviceId: "d", userId: null, sequence, events: [] };
    return { key: batchKey(batch), storedAtMs, batch };
  }

  it("keep the oldest young ones, up to the count limit", () => {
    const { keep, drop } = selectBatchesToKeep([stored(3, 300), stored(1, 100), stored(2, 200), stored(0, 1)], 1_000, 950, 2);
    expect(keep.map((item) => item.batch.sequence)).toEqual([1, 2]);
    expect(drop.map((item) => item.batch.sequence)).toEqual([0, 3]);
    expect(stored(7, 0).key).toBe("d|1|7");
  });
});
