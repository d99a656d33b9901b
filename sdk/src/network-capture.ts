/**
 * Failed-request capture: wraps `fetch` and `XMLHttpRequest` and reports calls that ended with a
 * status of 400 or more, or with no answer at all (status 0: network error, abort, timeout), and
 * the start of every request (a reaction the dead-click rule looks for).
 * URLs are reported without query and fragment unless `captureQuery`; headers only when their
 * name is allowlisted; bodies only for URLs under an allowlisted prefix. Requests to the Reel
 * server (`isIgnored`) are never reported. The page always gets the original promise / events.
 */

import { utf8ByteLength } from "./events";
import { truncateText } from "./value-serialization";

export type NetworkFailure = "network_error" | "abort" | "timeout";

export interface NetworkRequestRecord {
  type: "fetch" | "xmlhttprequest";
  method: string;
  /** Origin and path, without query and fragment. */
  url: string;
  query: string | null;
  fragment: string | null;
  status: number;
  failure: NetworkFailure | null;
  startMs: number;
  endMs: number;
  requestBodySize?: number;
  responseBodySize?: number;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  requestBody?: string;
  responseBody?: string;
}

export interface NetworkCaptureOptions {
  nowMs: () => number;
  isEnabled: () => boolean;
  isIgnored: (absoluteUrl: string) => boolean;
  headerAllowlist: string[];
  bodyUrlAllowlist: string[];
  bodyMaxBytes: number;
  captureQuery: boolean;
  report: (record: NetworkRequestRecord) => void;
  /** Every request the page starts (not the SDK's own), whatever its outcome and the switch. */
  started: (method: string) => void;
}

interface UrlParts {
  absolute: string;
  url: string;
  query: string;
  fragment: string;
}

export function splitUrl(rawUrl: string, baseUrl: string): UrlParts {
  try {
    const parsed = new URL(rawUrl, baseUrl);
    return { absolute: parsed.href, url: parsed.href.split(/[?#]/)[0], query: parsed.search.slice(1), fragment: parsed.hash.slice(1) };
  } catch {
    return { absolute: rawUrl, url: rawUrl.split(/[?#]/)[0], query: "", fragment: "" };
  }
}

export function failureOfError(error: unknown): NetworkFailure {
  const name = error !== null && typeof error === "object" ? (error as { name?: unknown }).name : undefined;
  return name === "AbortError" ? "abort" : name === "TimeoutError" ? "timeout" : "network_error";
}

export function isFailedStatus(status: number): boolean {
  return status === 0 || status >= 400;
}

function bodySize(body: unknown): number | undefined {
  if (typeof body === "string") {
    return utf8ByteLength(body);
  }
  if (typeof Blob === "function" && body instanceof Blob) {
    return body.size;
  }
  return body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? body.byteLength : undefined;
}

function pickHeaders(read: (name: string) => string | null | undefined, allowlist: string[]): Record<string, string> | undefined {
  const picked: Record<string, string> = {};
  for (const name of allowlist) {
    const value = read(name);
    if (typeof value === "string") {
      picked[name] = value;
    }
  }
  return Object.keys(picked).length > 0 ? picked : undefined;
}

/** Installs the wrappers on `target` (a window); returns a function that removes them. */
export function installNetworkCapture(target: Window & typeof globalThis, options: NetworkCaptureOptions): () => void {
  const restorers: Array<() => void> = [];
  const base = (): string => target.location.href;
  const wantsBody = (absoluteUrl: string): boolean => options.bodyUrlAllowlist.some((prefix) => absoluteUrl.startsWith(prefix));
  const cap = (text: string): string => truncateText(text, options.bodyMaxBytes);
  const describe = (type: NetworkRequestRecord["type"], method: string, parts: UrlParts, startMs: number): NetworkRequestRecord => ({
    type,
    method,
    url: parts.url,
    query: options.captureQuery ? parts.query : null,
    fragment: options.captureQuery ? parts.fragment : null,
    status: 0,
    failure: null,
    startMs,
    endMs: startMs,
  });

  const originalFetch = target.fetch;
  if (typeof originalFetch === "function") {
    target.fetch = function fetchWithCapture(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
      const forwarded = arguments as unknown as Parameters<typeof fetch>;
      const request = typeof Request === "function" && input instanceof Request ? input : null;
      const parts = splitUrl(request !== null ? request.url : String(input), base());
      const method = String(init?.method ?? request?.method ?? "GET").toUpperCase();
      if (options.isIgnored(parts.absolute)) {
        return originalFetch.apply(this, forwarded);
      }
      options.started(method);
      if (!options.isEnabled()) {
        return originalFetch.apply(this, forwarded);
      }
      const record = describe("fetch", method, parts, options.nowMs());
      const requestBody = init?.body;
      record.requestBodySize = bodySize(requestBody);
      if (options.headerAllowlist.length > 0) {
        const headers = new Headers(init?.headers ?? request?.headers);
        record.requestHeaders = pickHeaders((name) => headers.get(name), options.headerAllowlist);
      }
      if (typeof requestBody === "string" && wantsBody(parts.absolute)) {
        record.requestBody = cap(requestBody);
      }
      const promise = originalFetch.apply(this, forwarded);
      promise.then(
        (response) => {
          if (response.type === "opaque" || !isFailedStatus(response.status)) {
            return; // a no-cors answer has status 0 but arrived
          }
          record.status = response.status;
          record.endMs = options.nowMs();
          record.responseHeaders = pickHeaders((name) => response.headers.get(name), options.headerAllowlist);
          const length = Number(response.headers.get("content-length"));
          if (response.headers.has("content-length") && Number.isFinite(length)) {
            record.responseBodySize = length;
          }
          if (!wantsBody(parts.absolute)) {
            options.report(record);
            return;
          }
          response
            .clone()
            .text()
            .then(
              (text) => {
                record.responseBody = cap(text);
                options.report(record);
              },
              () => options.report(record),
            );
        },
        (error: unknown) => {
          record.failure = failureOfError(error);
          record.endMs = options.nowMs();
          options.report(record);
        },
      );
      return promise;
    };
    restorers.push(() => {
      target.fetch = originalFetch;
    });
  }

  const prototype = target.XMLHttpRequest?.prototype;
  if (prototype !== undefined) {
    const originalOpen = prototype.open;
    const originalSend = prototype.send;
    const originalSetRequestHeader = prototype.setRequestHeader;
    const opened = new WeakMap<XMLHttpRequest, { method: string; rawUrl: string; headers: Record<string, string> }>();
    prototype.open = function openWithCapture(this: XMLHttpRequest, method: string, url: string | URL): void {
      opened.set(this, { method: String(method).toUpperCase(), rawUrl: String(url), headers: {} });
      return originalOpen.apply(this, arguments as unknown as Parameters<typeof originalOpen>);
    } as typeof prototype.open;
    prototype.setRequestHeader = function setRequestHeaderWithCapture(this: XMLHttpRequest, name: string, value: string): void {
      const state = opened.get(this);
      if (state !== undefined && options.headerAllowlist.includes(name.toLowerCase())) {
        state.headers[name.toLowerCase()] = value;
      }
      return originalSetRequestHeader.call(this, name, value);
    };
    prototype.send = function sendWithCapture(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null): void {
      const state = opened.get(this);
      const parts = state === undefined ? null : splitUrl(state.rawUrl, base());
      const ignored = parts === null || options.isIgnored(parts.absolute);
      if (state !== undefined && !ignored) {
        options.started(state.method);
      }
      if (state !== undefined && parts !== null && !ignored && options.isEnabled()) {
        const record = describe("xmlhttprequest", state.method, parts, options.nowMs());
        record.requestBodySize = bodySize(body);
        record.requestHeaders = pickHeaders((name) => state.headers[name], options.headerAllowlist);
        if (typeof body === "string" && wantsBody(parts.absolute)) {
          record.requestBody = cap(body);
        }
        const request = this;
        const noteFailure = (failure: NetworkFailure) => () => {
          record.failure = failure;
        };
        request.addEventListener("abort", noteFailure("abort"), { once: true });
        request.addEventListener("timeout", noteFailure("timeout"), { once: true });
        request.addEventListener("error", noteFailure("network_error"), { once: true });
        request.addEventListener(
          "loadend",
          () => {
            if (!isFailedStatus(request.status)) {
              return;
            }
            record.status = request.status;
            record.endMs = options.nowMs();
            if (record.status === 0 && record.failure === null) {
              record.failure = "network_error";
            }
            record.responseHeaders = pickHeaders((name) => request.getResponseHeader(name), options.headerAllowlist);
            if (wantsBody(parts.absolute) && (request.responseType === "" || request.responseType === "text")) {
              record.responseBody = cap(request.responseText);
            }
            options.report(record);
          },
          { once: true },
        );
      }
      return originalSend.call(this, body);
    };
    restorers.push(() => {
      prototype.open = originalOpen;
      prototype.send = originalSend;
      prototype.setRequestHeader = originalSetRequestHeader;
    });
  }
  return () => restorers.forEach((restore) => restore());
}
