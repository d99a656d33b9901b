/**
 * Runtime errors of the host page (window `error` and `unhandledrejection`), described as the
 * payload of the rrweb custom event `reel.error` (docs/ingest-protocol.md).
 */

export const ERROR_EVENT_TAG = "reel.error";
const MESSAGE_LENGTH_MAX = 2_000;
const STACK_LENGTH_MAX = 8_000;

export interface RuntimeErrorPayload {
  message: string;
  stack: string | null;
  filename: string | null;
  lineno: number | null;
  colno: number | null;
}

function truncate(text: string, lengthMax: number): string {
  return text.length > lengthMax ? `${text.slice(0, lengthMax)}…` : text;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return value;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function stackOf(error: unknown): string | null {
  if (error !== null && typeof error === "object" && typeof (error as { stack?: unknown }).stack === "string") {
    return truncate((error as { stack: string }).stack, STACK_LENGTH_MAX);
  }
  return null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function describeErrorEvent(event: ErrorEvent): RuntimeErrorPayload {
  const errorMessage = event.error instanceof Error ? event.error.message : "";
  return {
    message: truncate(event.message || errorMessage || "unknown error", MESSAGE_LENGTH_MAX),
    stack: stackOf(event.error),
    filename: event.filename || null,
    lineno: numberOrNull(event.lineno),
    colno: numberOrNull(event.colno),
  };
}

export function describeUnhandledRejection(reason: unknown): RuntimeErrorPayload {
  const message =
    reason instanceof Error ? `Unhandled promise rejection: ${reason.message}` : `Unhandled promise rejection: ${describeValue(reason)}`;
  return {
    message: truncate(message, MESSAGE_LENGTH_MAX),
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
  const onError = (event: Event): void => {
    // resource load failures (img, script) reach window only in the capture phase; this listener
    // is registered for the bubbling phase, so every event here is a script error
    report(describeErrorEvent(event as ErrorEvent));
  };
  const onUnhandledRejection = (event: Event): void => {
    report(describeUnhandledRejection((event as PromiseRejectionEvent).reason));
  };
  target.addEventListener("error", onError);
  target.addEventListener("unhandledrejection", onUnhandledRejection);
  return () => {
    target.removeEventListener("error", onError);
    target.removeEventListener("unhandledrejection", onUnhandledRejection);
  };
}
