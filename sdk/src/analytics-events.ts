/**
 * Analytics events in Amplitude's HTTP API v2 shape (shared/specs/amplitude-compat.md §3), and
 * the event properties of the events built from captured data (network, runtime errors).
 */

import type { NetworkRequestRecord } from "./network-capture";
import type { RuntimeErrorPayload } from "./runtime-errors";

export interface AnalyticsEvent {
  event_type: string;
  device_id: string;
  user_id?: string;
  session_id: number;
  time: number;
  insert_id: string;
  event_id: number;
  library: string;
  platform: "Web";
  language: string;
  ip: "$remote";
  user_agent: string;
  event_properties: Record<string, unknown>;
}

export const PAGE_VIEWED = "[Amplitude] Page Viewed";
export const ELEMENT_CLICKED = "[Amplitude] Element Clicked";
export const ELEMENT_CHANGED = "[Amplitude] Element Changed";
export const FORM_STARTED = "[Amplitude] Form Started";
export const FORM_SUBMITTED = "[Amplitude] Form Submitted";
export const NETWORK_REQUEST = "[Amplitude] Network Request";
export const RUNTIME_ERROR = "[Reel] Runtime Error";
export const SESSION_REPLAY_ID_PROPERTY = "[Amplitude] Session Replay ID";
/** `session_id` of events that happen while no session is live (Amplitude's convention). */
export const NO_SESSION_ID = -1;

export function sessionReplayId(deviceId: string, sessionId: number): string {
  return `${deviceId}/${sessionId}`;
}

/** Properties of `[Amplitude] Network Request` (spec §7). */
export function networkRequestProperties(record: NetworkRequestRecord): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    "[Amplitude] URL": record.url,
    "[Amplitude] Request Method": record.method,
    "[Amplitude] Status Code": record.status,
    "[Amplitude] Start Time": record.startMs,
    "[Amplitude] Completion Time": record.endMs,
    "[Amplitude] Duration": record.endMs - record.startMs,
    "[Amplitude] Request Type": record.type === "fetch" ? "fetch" : "xhr",
  };
  if (record.query !== null) {
    properties["[Amplitude] URL Query"] = record.query;
    properties["[Amplitude] URL Fragment"] = record.fragment;
  }
  const optional: Array<[string, unknown]> = [
    ["[Amplitude] Request Body Size", record.requestBodySize],
    ["[Amplitude] Response Body Size", record.responseBodySize],
    ["[Amplitude] Request Headers", record.requestHeaders && JSON.stringify(record.requestHeaders)],
    ["[Amplitude] Response Headers", record.responseHeaders && JSON.stringify(record.responseHeaders)],
    ["[Amplitude] Request Body", record.requestBody],
    ["[Amplitude] Response Body", record.responseBody],
    // Reel's addition: why a request got no answer (status 0)
    ["[Reel] Failure", record.failure ?? undefined],
  ];
  for (const [name, value] of optional) {
    if (value !== undefined) {
      properties[name] = value;
    }
  }
  return properties;
}

/** The payload of the `fetch-request` recording event (Amplitude's replay format). */
export function networkRequestRecordingPayload(record: NetworkRequestRecord): Record<string, unknown> {
  const query = record.query ? `?${record.query}` : "";
  const payload: Record<string, unknown> = {
    timestamp: record.startMs,
    type: record.type,
    method: record.method,
    url: `${record.url}${query}`,
    status: record.status,
    duration: record.endMs - record.startMs,
  };
  if (record.requestHeaders) {
    payload.requestHeaders = record.requestHeaders;
  }
  if (record.responseHeaders) {
    payload.responseHeaders = record.responseHeaders;
  }
  if (record.failure !== null) {
    payload.failure = record.failure;
  }
  return payload;
}

/** Properties of `[Reel] Runtime Error` (docs/analytics-api.md). */
export function runtimeErrorProperties(payload: RuntimeErrorPayload): Record<string, unknown> {
  return {
    Kind: payload.kind,
    Message: payload.message,
    Stack: payload.stack,
    Filename: payload.filename,
    "Line Number": payload.lineno,
    "Column Number": payload.colno,
  };
}
