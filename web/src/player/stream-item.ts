/** One row of the event stream beside the replay, whatever it was read from. */

export type StreamItemKind = "page" | "click" | "custom" | "error" | "network" | "frustration";

export const STREAM_ITEM_KINDS: StreamItemKind[] = ["page", "click", "custom", "error", "network", "frustration"];

export const STREAM_ITEM_KIND_LABELS: Record<StreamItemKind, string> = {
  page: "Page views",
  click: "Clicks",
  custom: "Custom",
  error: "Errors",
  network: "Network",
  frustration: "Frustration",
};

export interface StreamItem {
  key: string;
  kind: StreamItemKind;
  timeMs: number;
  title: string;
  detail: string | null;
  /** For frustration items: `rage_click`, `dead_click`, `error_click`, `thrashed_cursor`, … */
  frustrationKind: string | null;
  /** Where the item was read from: the analytics events, the recording, or the server's signals. */
  origin: "analytics" | "recording" | "signals";
}
