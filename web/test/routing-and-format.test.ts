import { describe, expect, it } from "vitest";
import { buildSdkSnippet } from "../src/components/sdk-setup-panel";
import { formatDuration, formatPlayerTime, formatUrlForDisplay, isWebUrl } from "../src/format";
import { matchRoute } from "../src/navigation";
import { safeReturnPath } from "../src/pages/login-page";

describe("routes", () => {
  it("matches the five pages and nothing else", () => {
    expect(matchRoute("/")).toEqual({ name: "home" });
    expect(matchRoute("/replays")).toEqual({ name: "session-list" });
    expect(matchRoute("/login")).toEqual({ name: "login" });
    expect(matchRoute("/replays/b7d7c1a0-1")).toEqual({ name: "replay", sessionId: "b7d7c1a0-1" });
    expect(matchRoute("/replays/a%2Fb")).toEqual({ name: "replay", sessionId: "a/b" });
    expect(matchRoute("/analytics/segmentation")).toEqual({ name: "segmentation" });
    expect(matchRoute("/analytics/funnels")).toEqual({ name: "funnels" });
    expect(matchRoute("/analytics/funnels/")).toEqual({ name: "funnels" });
    expect(matchRoute("/analytics")).toEqual({ name: "not-found" });
    expect(matchRoute("/replays/")).toEqual({ name: "session-list" });
    expect(matchRoute("/settings")).toEqual({ name: "not-found" });
  });

  it("returns after login only to paths on this site", () => {
    expect(safeReturnPath("?return_to=%2Freplays%2Fabc")).toBe("/replays/abc");
    expect(safeReturnPath("?return_to=https%3A%2F%2Fevil.example")).toBe("/");
    expect(safeReturnPath("?return_to=%2F%2Fevil.example")).toBe("/");
    expect(safeReturnPath("")).toBe("/");
  });
});

describe("formatting", () => {
  it("formats player times", () => {
    expect(formatPlayerTime(0)).toBe("0:00");
    expect(formatPlayerTime(65_400)).toBe("1:05");
    expect(formatPlayerTime(3_723_000)).toBe("1:02:03");
    expect(formatPlayerTime(-5)).toBe("0:00");
  });

  it("formats durations", () => {
    expect(formatDuration(45_000)).toBe("45s");
    expect(formatDuration(187_000)).toBe("3m 07s");
    expect(formatDuration(7_500_000)).toBe("2h 05m");
  });

  it("shortens URLs on this server", () => {
    expect(formatUrlForDisplay("http://127.0.0.1:8080/demo/?a=1", "http://127.0.0.1:8080")).toBe("/demo/?a=1");
    expect(formatUrlForDisplay("https://shop.example/cart", "http://127.0.0.1:8080")).toBe("shop.example/cart");
    expect(formatUrlForDisplay(null, "http://x")).toBe("—");
  });

  it("links only http(s) URLs", () => {
    expect(isWebUrl("https://shop.example/")).toBe(true);
    expect(isWebUrl("javascript:alert(1)")).toBe(false);
    expect(isWebUrl("not a url")).toBe(false);
    expect(isWebUrl(null)).toBe(false);
  });

  it("builds an SDK snippet with the key and the server", () => {
    const snippet = buildSdkSnippet("https://reel.example", "key123");
    expect(snippet).toContain('<script src="https://reel.example/sdk/reel.js"></script>');
    expect(snippet).toContain('Reel.init({ apiKey: "key123", serverUrl: "https://reel.example" });');
  });
});
