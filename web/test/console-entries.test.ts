import { describe, expect, it } from "vitest";
import { filterConsoleEntries, readConsoleEntry } from "../src/player/console-entries";
import { at, consoleEvent, customEvent, mouseMoveEvent } from "./recording-fixtures";

describe("reading console entries", () => {
  it("joins console plugin arguments, strings bare and the rest as JSON", () => {
    const entry = readConsoleEntry(consoleEvent(5, "warn", ["low stock", { sku: "mug" }, 3]));
    expect(entry).toEqual({ timeMs: at(5), category: "warn", level: "warn", message: 'low stock {"sku":"mug"} 3', detail: "at app.js:1:2" });
  });

  it("reads failed requests and runtime errors", () => {
    const request = readConsoleEntry(customEvent(6, "fetch-request", { method: "post", url: "https://x/api", status: 0, duration: 12.4, type: "fetch" }));
    expect(request).toMatchObject({ category: "network", message: "POST https://x/api → failed (no response)", detail: "fetch, 12 ms" });
    const error = readConsoleEntry(customEvent(7, "reel.error", { message: "<img src=x onerror=alert(1)>", stack: "Error\n at a.js:1", filename: "a.js", lineno: 1, colno: 2 }));
    expect(error).toMatchObject({ category: "error", level: "runtime error", message: "<img src=x onerror=alert(1)>", detail: "Error\n at a.js:1\na.js:1:2" });
  });

  it("ignores other events and tolerates malformed ones", () => {
    expect(readConsoleEntry(mouseMoveEvent(1))).toBeNull();
    expect(readConsoleEntry({ type: 6, timestamp: 1, data: { plugin: "rrweb/console@1", payload: null } })).toMatchObject({ level: "log", message: "" });
    expect(readConsoleEntry({ type: 5, timestamp: 1, data: null })).toBeNull();
  });

  it("filters by level and search text", () => {
    const entries = [
      readConsoleEntry(consoleEvent(1, "log", ["hello"]))!,
      readConsoleEntry(consoleEvent(2, "error", ["Boom happened"]))!,
      readConsoleEntry(consoleEvent(3, "info", ["boom again"]))!,
    ];
    expect(filterConsoleEntries(entries, { categories: new Set(["log"]), search: "" }).map((entry) => entry.message)).toEqual(["hello", "boom again"]);
    expect(filterConsoleEntries(entries, { categories: new Set(["log", "error"]), search: " BOOM " }).map((entry) => entry.message)).toEqual([
      "Boom happened",
      "boom again",
    ]);
  });
});
