import { describe, expect, it } from "vitest";
import type { CaptureSettings } from "../src/capture-settings";
import { localCaptureSettings, mergeRemoteSettings, sessionReplayConfigOf, stricterPrivacyLevel } from "../src/capture-settings";
import { resolveConfig } from "../src/config";
import { decideSession, loadSessionDecision, storeSessionDecision } from "../src/session-decision";
import { createMemoryStorage } from "../src/storage";

const local: CaptureSettings = localCaptureSettings(resolveConfig({ apiKey: "key", serverUrl: "https://reel.example", blockSelectors: [".local-block"] }));

describe("remote settings", () => {
  it("find configs.sessionReplay, or nothing", () => {
    expect(sessionReplayConfigOf({ configs: { sessionReplay: { a: 1 } } })).toEqual({ a: 1 });
    expect(sessionReplayConfigOf({ configs: {} })).toBeNull();
    expect(sessionReplayConfigOf("<!doctype html>")).toBeNull();
    expect(sessionReplayConfigOf(null)).toBeNull();
  });

  it("leave the local settings alone when there are none", () => {
    expect(mergeRemoteSettings(local, null, null)).toBe(local);
    expect(mergeRemoteSettings(local, null, {})).toEqual(local);
  });

  it("take the sample rate from the project, and treat a missing capture_enabled as off", () => {
    expect(mergeRemoteSettings(local, null, { sr_sampling_config: { sample_rate: 0.25, capture_enabled: true } })).toMatchObject({ sampleRate: 0.25, captureEnabled: true });
    expect(mergeRemoteSettings(local, null, { sr_sampling_config: { sample_rate: 0.25 } }).captureEnabled).toBe(false);
    expect(mergeRemoteSettings(local, null, { sr_sampling_config: { sample_rate: 7, capture_enabled: true } }).sampleRate).toBe(1);
  });

  it("never let the project switch capture on when the code switched it off", () => {
    const off = { ...local, captureEnabled: false };
    expect(mergeRemoteSettings(off, null, { sr_sampling_config: { sample_rate: 1, capture_enabled: true } }).captureEnabled).toBe(false);
  });

  it("apply the stricter of the code's and the project's privacy levels, and join the selector lists", () => {
    const remote = { sr_privacy_config: { defaultMaskLevel: "light", blockSelector: ".remote-block", maskSelector: [".remote-mask"], unmaskSelector: [] } };
    expect(mergeRemoteSettings(local, null, remote).privacy).toEqual({
      level: "light",
      blockSelectors: [".local-block", ".remote-block"],
      maskSelectors: [".remote-mask"],
      unmaskSelectors: [],
    });
    expect(mergeRemoteSettings(local, "medium", remote).privacy.level).toBe("medium");
    expect(mergeRemoteSettings(local, "light", { sr_privacy_config: { defaultMaskLevel: "conservative" } }).privacy.level).toBe("conservative");
    expect(stricterPrivacyLevel("conservative", "light")).toBe("conservative");
  });

  it("take console and network switches from sr_logging_config", () => {
    const merged = mergeRemoteSettings(local, null, {
      sr_logging_config: { console: { enabled: true, levels: ["error", "trace"] }, network: { enabled: false } },
    });
    expect(merged).toMatchObject({ consoleEnabled: true, consoleLevels: ["error"], networkEnabled: false });
    expect(mergeRemoteSettings(local, null, { sr_logging_config: { console: { enabled: false } } }).consoleEnabled).toBe(false);
  });
});

describe("session decisions", () => {
  it("record a session in the sample, unless opted out; opt in only when capture is on", () => {
    expect(decideSession(1, local, null).record).toBe(true);
    expect(decideSession(1, local, "out").record).toBe(false);
    expect(decideSession(1, { ...local, sampleRate: 0 }, null).record).toBe(false);
    expect(decideSession(1, { ...local, sampleRate: 0 }, "in").record).toBe(true);
    expect(decideSession(1, { ...local, captureEnabled: false }, "in").record).toBe(false);
  });

  it("are stored for the session they belong to only", () => {
    const storage = createMemoryStorage();
    storeSessionDecision(storage, decideSession(5, local, "out"));
    expect(loadSessionDecision(storage, 5)).toMatchObject({ sessionId: 5, record: false, override: "out" });
    expect(loadSessionDecision(storage, 6)).toBeNull();
    storage.setItem("reel.session_decision", "{broken");
    expect(loadSessionDecision(storage, 5)).toBeNull();
  });
});
