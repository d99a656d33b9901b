import { describe, expect, it } from "vitest";
import type { NetworkRequestRecord } from "../src/network-capture";
import { failureOfError, installNetworkCapture, isFailedStatus, splitUrl } from "../src/network-capture";
import { settle } from "./helpers";

/** A window with a scripted fetch and no XMLHttpRequest. */
function fakeWindow(answer: (url: string) => Promise<Response>) {
  const calls: string[] = [];
  const target = {
    location: { href: "https://shop.example/cart?step=1" },
    fetch: (input: RequestInfo | URL) => {
      calls.push(String(input));
      return answer(String(input));
    },
  };
  return { target: target as unknown as Window & typeof globalThis, calls };
}

function install(target: Window & typeof globalThis, overrides: { enabled?: boolean; headerAllowlist?: string[]; bodyUrlAllowlist?: string[]; captureQuery?: boolean } = {}) {
  const reports: NetworkRequestRecord[] = [];
  const started: string[] = [];
  let nowMs = 1_000;
  const remove = installNetworkCapture(target, {
    nowMs: () => (nowMs += 10),
    isEnabled: () => overrides.enabled ?? true,
    isIgnored: (url) => url.startsWith("https://reel.example/"),
    headerAllowlist: overrides.headerAllowlist ?? [],
    bodyUrlAllowlist: overrides.bodyUrlAllowlist ?? [],
    bodyMaxBytes: 20,
    captureQuery: overrides.captureQuery ?? false,
    report: (record) => reports.push(record),
    started: (method) => started.push(method),
  });
  return { reports, remove, started };
}

describe("network capture", () => {
  it("reports failed fetches without their query and passes the answer through", async () => {
    const { target } = fakeWindow(async (url) => new Response("gone", { status: url.includes("missing") ? 404 : 200 }));
    const { reports } = install(target);
    const answer = await target.fetch("/api/missing?token=secret#part", { method: "post", body: "abc" });
    expect(await answer.text()).toBe("gone");
    await target.fetch("/api/fine");
    await settle();
    expect(reports).toEqual([
      { type: "fetch", method: "POST", url: "https://shop.example/api/missing", query: null, fragment: null, status: 404, failure: null, startMs: 1_010, endMs: 1_020, requestBodySize: 3, requestHeaders: undefined, responseHeaders: undefined },
    ]);
  });

  it("reports network errors, aborts and timeouts as status 0 and rethrows them", async () => {
    const errors: Record<string, Error> = {
      "/offline": new TypeError("Failed to fetch"),
      "/aborted": new DOMException("The user aborted a request.", "AbortError"),
      "/slow": new DOMException("signal timed out", "TimeoutError"),
    };
    const { target } = fakeWindow(async (url) => {
      throw errors[new URL(url, "https://shop.example").pathname];
    });
    const { reports } = install(target);
    for (const path of Object.keys(errors)) {
      await expect(target.fetch(path)).rejects.toBe(errors[path]);
    }
    await settle();
    expect(reports.map((record) => [record.status, record.failure])).toEqual([
      [0, "network_error"],
      [0, "abort"],
      [0, "timeout"],
    ]);
  });

  it("never reports requests to the Reel server, nor failures while switched off; notes every other start", async () => {
    const { target } = fakeWindow(async () => new Response(null, { status: 500 }));
    const switchedOff = install(target, { enabled: false });
    await target.fetch("/api/broken", { method: "delete" });
    switchedOff.remove();
    const { reports, started } = install(target);
    await target.fetch("https://reel.example/2/httpapi", { method: "POST" });
    await target.fetch("/api/other");
    await settle();
    expect(switchedOff.reports).toEqual([]);
    expect(switchedOff.started).toEqual(["DELETE"]);
    expect(reports.map((record) => record.url)).toEqual(["https://shop.example/api/other"]);
    expect(started).toEqual(["GET"]);
  });

  it("adds allowlisted headers, capped bodies and the query when the app opts in", async () => {
    const { target } = fakeWindow(async () => new Response("a long answer body that is cut", { status: 503, headers: { "X-Request-Id": "r-1", "Set-Cookie": "s=1" } }));
    const { reports } = install(target, { headerAllowlist: ["x-request-id"], bodyUrlAllowlist: ["https://shop.example/api/"], captureQuery: true });
    await target.fetch("/api/cart?id=7", { method: "PUT", body: "request body", headers: { "X-Request-Id": "q-1", Authorization: "secret" } });
    await settle(40);
    expect(reports[0]).toMatchObject({
      query: "id=7",
      requestHeaders: { "x-request-id": "q-1" },
      responseHeaders: { "x-request-id": "r-1" },
      requestBody: "request body",
      responseBody: "a long answer body t… (30 characters)",
    });
  });

  it("restores the page's fetch", () => {
    const { target } = fakeWindow(async () => new Response(null));
    const original = target.fetch;
    const { remove } = install(target);
    expect(target.fetch).not.toBe(original);
    remove();
    expect(target.fetch).toBe(original);
  });

  it("splits URLs and classifies outcomes", () => {
    expect(splitUrl("../x?a=1#b", "https://shop.example/cart/item")).toEqual({ absolute: "https://shop.example/x?a=1#b", url: "https://shop.example/x", query: "a=1", fragment: "b" });
    expect(failureOfError(new Error("x"))).toBe("network_error");
    expect([0, 200, 399, 400, 503].map(isFailedStatus)).toEqual([true, false, false, true, true]);
  });
});
