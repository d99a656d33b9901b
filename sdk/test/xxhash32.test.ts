import { describe, expect, it } from "vitest";
import { isSessionInSample, xxhash32, xxhash32OfText } from "../src/xxhash32";

describe("xxhash32", () => {
  it("matches the reference vectors", () => {
    expect(xxhash32OfText("")).toBe(0x02cc5d05);
    expect(xxhash32OfText("a")).toBe(0x550d7456);
    expect(xxhash32OfText("abc")).toBe(0x32d153ff);
    expect(xxhash32OfText("Nobody inspects the spammish repetition")).toBe(0xe2293b2f);
    expect(xxhash32OfText("abc", 1)).toBe(0xaa3da8ff);
  });

  it("covers the 16-byte stripe loop and the 4-byte tail", () => {
    const bytes = Uint8Array.from({ length: 101 }, (_unused, index) => (index * 7) & 0xff);
    expect(xxhash32(bytes)).toBe(xxhash32(bytes.slice()));
    expect(xxhash32OfText("0123456789abcdef")).toBe(xxhash32(new TextEncoder().encode("0123456789abcdef")));
    expect(xxhash32OfText("1764252000000")).toBeGreaterThanOrEqual(0);
  });
});

describe("session sampling", () => {
  it("keeps every session at rate 1 and none at rate 0", () => {
    expect(isSessionInSample(1_764_252_000_000, 1)).toBe(true);
    expect(isSessionInSample(1_764_252_000_000, 0)).toBe(false);
  });

  it("decides from the hash of the decimal session id", () => {
    const sessionId = 1_764_252_000_000;
    const position = (xxhash32OfText(String(sessionId)) % 1_000_000) / 1_000_000;
    expect(isSessionInSample(sessionId, position + 0.000001)).toBe(true);
    expect(isSessionInSample(sessionId, position)).toBe(false);
  });

  it("samples about the requested share of sessions", () => {
    let kept = 0;
    for (let index = 0; index < 10_000; index += 1) {
      kept += isSessionInSample(1_764_252_000_000 + index * 977, 0.25) ? 1 : 0;
    }
    expect(kept / 10_000).toBeGreaterThan(0.23);
    expect(kept / 10_000).toBeLessThan(0.27);
  });
});
