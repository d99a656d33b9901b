/** Small hand-made rrweb events for the unit tests. */

import type { RecordedEvent } from "../src/api/types";

export const START_MS = 1_764_252_000_000;

export function at(offsetMs: number): number {
  return START_MS + offsetMs;
}

export function metaEvent(offsetMs: number, href = "https://shop.example/"): RecordedEvent {
  return { type: 4, timestamp: at(offsetMs), data: { href, width: 1200, height: 800 } };
}

/** A page with a button (id 10) holding a text node (id 11), inside a div (id 9). */
export function fullSnapshotEvent(offsetMs: number): RecordedEvent {
  const button = { type: 2, id: 10, tagName: "button", attributes: { id: "buy" }, childNodes: [{ type: 3, id: 11, textContent: " Add to cart " }] };
  const wrapper = { type: 2, id: 9, tagName: "div", attributes: {}, childNodes: [button] };
  const body = { type: 2, id: 5, tagName: "body", attributes: {}, childNodes: [wrapper] };
  const html = { type: 2, id: 3, tagName: "html", attributes: {}, childNodes: [{ type: 2, id: 4, tagName: "head", attributes: {}, childNodes: [] }, body] };
  return { type: 2, timestamp: at(offsetMs), data: { node: { type: 0, id: 1, childNodes: [html] }, initialOffset: { left: 0, top: 0 } } };
}

export function mouseMoveEvent(offsetMs: number): RecordedEvent {
  return { type: 3, timestamp: at(offsetMs), data: { source: 1, positions: [{ x: 1, y: 2, id: 5, timeOffset: 0 }] } };
}

export function clickEvent(offsetMs: number, nodeId: number): RecordedEvent {
  return { type: 3, timestamp: at(offsetMs), data: { source: 2, type: 2, id: nodeId, x: 3, y: 4 } };
}

export function mutationEvent(offsetMs: number): RecordedEvent {
  return { type: 3, timestamp: at(offsetMs), data: { source: 0, texts: [], attributes: [], removes: [], adds: [] } };
}

export function customEvent(offsetMs: number, tag: string, payload: unknown): RecordedEvent {
  return { type: 5, timestamp: at(offsetMs), data: { tag, payload } };
}

export function consoleEvent(offsetMs: number, level: string, argumentsList: unknown[]): RecordedEvent {
  return {
    type: 6,
    timestamp: at(offsetMs),
    data: { plugin: "rrweb/console@1", payload: { level, trace: ["at app.js:1:2"], payload: argumentsList.map((argument) => JSON.stringify(argument)) } },
  };
}
