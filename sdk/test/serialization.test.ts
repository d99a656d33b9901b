import { describe, expect, it } from "vitest";
import { describeConsoleCall, installConsoleCapture, traceFromStack } from "../src/console-capture";
import type { ConsoleEntry } from "../src/console-capture";
import { CONSOLE_SERIALIZATION_LIMITS, describeError, serializeArguments, serializeBounded, truncateText } from "../src/value-serialization";

describe("bounded serialization", () => {
  it("cuts long strings and says how long they were", () => {
    const text = JSON.parse(serializeBounded("x".repeat(5_000))) as string;
    expect(text).toBe(`${"x".repeat(1_000)}… (5000 characters)`);
    expect(truncateText("short", 10)).toBe("short");
  });

  it("cuts depth, keys and items, and names cycles", () => {
    const circular: Record<string, unknown> = { name: "loop" };
    circular.self = circular;
    expect(JSON.parse(serializeBounded({ a: { b: { c: { d: 1 } } } }))).toEqual({ a: { b: { c: "[object]" } } });
    expect(JSON.parse(serializeBounded({ a: { b: { c: [1, 2] } } }))).toEqual({ a: { b: { c: "[array of 2]" } } });
    expect(JSON.parse(serializeBounded(circular))).toEqual({ name: "loop", self: "[circular]" });
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_unused, index) => [`key${index}`, index]));
    expect(Object.keys(JSON.parse(serializeBounded(wide)))).toHaveLength(CONSOLE_SERIALIZATION_LIMITS.keysMax + 1);
    const long = JSON.parse(serializeBounded(Array.from({ length: 120 }, (_unused, index) => index))) as unknown[];
    expect(long).toHaveLength(51);
    expect(long.at(-1)).toBe("… 70 more items");
  });

  it("keeps a shared object that is not a cycle", () => {
    const shared = { id: 1 };
    expect(JSON.parse(serializeBounded({ first: shared, second: shared }))).toEqual({ first: { id: 1 }, second: { id: 1 } });
  });

  it("turns values JSON cannot hold into strings", () => {
    const values = [undefined, Number.NaN, Number.POSITIVE_INFINITY, 12n, Symbol("s"), function namedFunction() {}, () => 1, null, true, 3];
    expect(values.map((value) => JSON.parse(serializeBounded(value)))).toEqual([
      "undefined",
      "NaN",
      "Infinity",
      "12",
      "Symbol(s)",
      "[function namedFunction]",
      "[function anonymous]",
      null,
      true,
      3,
    ]);
  });

  it("keeps an error's message and stack", () => {
    const error = new TypeError("bad input");
    const text = JSON.parse(serializeBounded(error)) as string;
    expect(text.startsWith("TypeError: bad input\n")).toBe(true);
    expect(text).toContain("serialization.test.ts");
    const stackless = new Error("no stack");
    stackless.stack = undefined;
    expect(describeError(stackless, 100)).toBe("Error: no stack");
  });

  it("survives getters that throw", () => {
    const hostile = Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("no"); } });
    expect(JSON.parse(serializeBounded(hostile))).toEqual({ boom: "[unreadable]" });
  });

  it("caps the total length of one call's arguments", () => {
    const serialized = serializeArguments(["a".repeat(900), "b".repeat(900), "c".repeat(900)], 2_000);
    expect(serialized).toHaveLength(3);
    expect(JSON.parse(serialized[2])).toBe("[1 more arguments cut: over 2000 characters]");
  });
});

describe("console capture", () => {
  function fakeConsole() {
    const calls: Array<[string, unknown[]]> = [];
    const target = Object.fromEntries(["log", "info", "warn", "error", "debug"].map((level) => [level, (...values: unknown[]) => calls.push([level, values])]));
    return { target: target as unknown as Console, calls };
  }

  it("reports the wanted levels and always calls the original", () => {
    const { target, calls } = fakeConsole();
    const entries: ConsoleEntry[] = [];
    const restore = installConsoleCapture(target, (level) => level !== "info", (entry) => entries.push(entry));
    target.log("hello", { n: 1 });
    target.info("not wanted");
    target.error(new Error("bad"));
    target.debug("never wrapped");
    expect(calls.map(([level]) => level)).toEqual(["log", "info", "error", "debug"]);
    expect(entries.map((entry) => entry.level)).toEqual(["log", "error"]);
    expect(entries[0].payload).toEqual(['"hello"', '{"n":1}']);
    expect(JSON.parse(entries[1].payload[0])).toMatch(/^Error: bad\n/);
    expect(entries[0].trace[0]).toContain("serialization.test.ts");
    restore();
    target.log("after restore");
    expect(entries).toHaveLength(2);
  });

  it("does not report console calls made while reporting, and never throws at the page", () => {
    const { target, calls } = fakeConsole();
    let reports = 0;
    installConsoleCapture(target, () => true, () => {
      reports += 1;
      target.warn("from inside the reporter");
      throw new Error("reporter failed");
    });
    expect(() => target.log("outer")).not.toThrow();
    expect(reports).toBe(1);
    expect(calls.map(([level]) => level)).toEqual(["warn", "log"]);
  });

  it("reads frames from a V8 stack, skipping the capture's own", () => {
    const stack = "Error\n    at consoleWithCapture (https://cdn/reel.js:1:2)\n    at handleClick (https://shop/app.js:10:5)\n    at https://shop/app.js:20:1";
    expect(traceFromStack(stack, 1)).toEqual(["handleClick (https://shop/app.js:10:5)", "https://shop/app.js:20:1"]);
    expect(traceFromStack(undefined, 1)).toEqual([]);
    expect(describeConsoleCall("warn", ["x"], stack)).toEqual({ level: "warn", trace: ["handleClick (https://shop/app.js:10:5)", "https://shop/app.js:20:1"], payload: ['"x"'] });
  });
});
