/**
 * Runtime errors of the host page (window `error` and `unhandledrejection`), described as the
 * payload of the rrweb custom event `reel.error` (docs/ingest-protocol.md) and of the analytics
 * event `[Reel] Runtime Error`.
 */

import { serializeBounded, truncateText } from "./value-serialization";

export const ERROR_EVENT_TAG = "reel.error";
const MESSAGE_LENGTH_MAX = 2_000;
const STACK_LENGTH_MAX = 8_000;

export interface RuntimeErrorPayload {
  kind: "error" | "unhandledrejection";
  message: string;
  stack: string | null;
  filename: string | null;
  lineno: number | null;
  colno: number | null;
}

function stackOf(error: unknown): string | null {
  const stack = error !== null && typeof error === "object" ? (error as { stack?: unknown }).stack : null;
  return typeof stack === "string" ? truncateText(stack, STACK_LENGTH_MAX) : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function describeErrorEvent(event: ErrorEvent): RuntimeErrorPayload {
  const errorMessage = event.error instanceof Error ? event.error.message : "";
  return {
    kind: "error",
    message: truncateText(event.message || errorMessage || "unknown error", MESSAGE_LENGTH_MAX),
    stack: stackOf(event.error),
    filename: event.filename || null,
    lineno: numberOrNull(event.lineno),
    colno: numberOrNull(event.colno),
  };
}

export function describeUnhandledRejection(reason: unknown): RuntimeErrorPayload {
  const description = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : serializeBounded(reason);
  return {
    kind: "unhandledrejection",
    message: truncateText(`Unhandled promise rejection: ${description}`, MESSAGE_LENGTH_MAX),
    stack: stackOf(reason),
    filename: null,
    lineno: null,
    colno: null,
  };
}

/** Calls `report` for each runtime error of `target`; returns a function that stops listening. */
export function listenForRuntimeErrors(
  target: Pick<Window, "addEventListener" | "removeEventListener">,
  report: (payload: RuntimeErrorPayload) => void,
): () => void {
  // resource load failures (img, script) reach window only in the capture phase; this listener
  // is registered for the bubbling phase, so every event here is a script error
  const onError = (event: Event): void => report(describeErrorEvent(event as ErrorEvent));
  const onUnhandledRejection = (event: Event): void => report(describeUnhandledRejection((event as PromiseRejectionEvent).reason));
  target.addEventListener("error", onError);
  target.addEventListener("unhandledrejection", onUnhandledRejection);
  return () => {
    target.removeEventListener("error", onError);
    target.removeEventListener("unhandledrejection", onUnhandledRejection);
  };
}
