/**
 * Console capture: wraps console.log / info / warn / error so that each call also becomes an
 * rrweb plugin event in the `rrweb/console@1` format (docs/analytics-api.md):
 *   {type: 6, data: {plugin: "rrweb/console@1", payload: {level, trace: [frames], payload: [JSON strings]}}}
 * The original console method always runs, and a failure in capture never reaches the page.
 */

import { CONSOLE_LEVELS } from "./config";
import { serializeArguments } from "./value-serialization";

export const CONSOLE_PLUGIN_NAME = "rrweb/console@1";
/** Upper bound on the serialized arguments of one call, in characters. */
export const CONSOLE_CALL_LENGTH_MAX = 10_000;
const TRACE_FRAMES_MAX = 10;

export interface ConsoleEntry {
  level: string;
  trace: string[];
  payload: string[];
}

/** The stack frames of `stack` below the first `skippedFrames`, without the `at ` prefixes. */
export function traceFromStack(stack: string | undefined, skippedFrames: number): string[] {
  if (typeof stack !== "string") {
    return [];
  }
  return stack
    .split("\n")
    .slice(1 + skippedFrames)
    .map((line) => line.trim().replace(/^at /, ""))
    .filter((line) => line !== "")
    .slice(0, TRACE_FRAMES_MAX);
}

export function describeConsoleCall(level: string, values: unknown[], stack: string | undefined): ConsoleEntry {
  return { level, trace: traceFromStack(stack, 1), payload: serializeArguments(values, CONSOLE_CALL_LENGTH_MAX) };
}

/**
 * Wraps the console methods of `target`. `wants(level)` is asked on every call (settings change
 * per session); `report` gets the entries. Returns a function that puts the originals back.
 */
export function installConsoleCapture(
  target: Console,
  wants: (level: string) => boolean,
  report: (entry: ConsoleEntry) => void,
): () => void {
  const originals = new Map<string, (...values: unknown[]) => void>();
  let reporting = false;
  const methods = target as unknown as Record<string, (...values: unknown[]) => void>;
  for (const level of CONSOLE_LEVELS) {
    const original = methods[level];
    if (typeof original !== "function") {
      continue;
    }
    originals.set(level, original);
    methods[level] = function consoleWithCapture(this: unknown, ...values: unknown[]): void {
      if (!reporting) {
        reporting = true; // a console call made while reporting is not reported again
        try {
          if (wants(level)) {
            report(describeConsoleCall(level, values, new Error().stack));
          }
        } catch {
          // capture must never break the page's logging
        } finally {
          reporting = false;
        }
      }
      return original.apply(this, values);
    };
  }
  return () => {
    for (const [level, original] of originals) {
      methods[level] = original;
    }
  };
}
