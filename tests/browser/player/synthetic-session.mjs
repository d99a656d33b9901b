// Generates rrweb recordings of any length by hand, for player tests and the player benchmark: a
// shop-like page whose headline says how far into the session it is ("T+125s", updated every 5 s,
// 3 ms before each step), mouse movement, clicks, console output, failed requests, runtime errors,
// idle stretches, and a keyframe (Meta + FullSnapshot) every `keyframeIntervalMs`, as the SDK's
// periodic snapshot makes.

const EVENT_TYPE_FULL_SNAPSHOT = 2;
const EVENT_TYPE_INCREMENTAL_SNAPSHOT = 3;
const EVENT_TYPE_META = 4;
const EVENT_TYPE_CUSTOM = 5;
const EVENT_TYPE_PLUGIN = 6;
const SOURCE_MUTATION = 0;
const SOURCE_MOUSE_MOVE = 1;
const SOURCE_MOUSE_INTERACTION = 2;
const MOUSE_INTERACTION_CLICK = 2;

export const HEADLINE_TEXT_NODE_ID = 9;
export const BUY_BUTTON_ID = 12;
export const HEADLINE_STEP_MS = 5_000;
export const VIEWPORT = { width: 1000, height: 640 };
const LIST_ITEM_COUNT = 120;
const FIRST_LIST_NODE_ID = 100;

function element(id, tagName, attributes, childNodes = []) {
  return { type: 2, id, tagName, attributes, childNodes };
}

function text(id, textContent) {
  return { type: 3, id, textContent };
}

/** The headline a viewer should see at `offsetMs` into the session. */
export function headlineAt(offsetMs) {
  return `T+${Math.floor(offsetMs / HEADLINE_STEP_MS) * (HEADLINE_STEP_MS / 1_000)}s`;
}

function pageDocument(headline) {
  const listItems = [];
  for (let index = 0; index < LIST_ITEM_COUNT; index += 1) {
    const id = FIRST_LIST_NODE_ID + index * 2;
    listItems.push(
      element(id, "li", { class: "item", style: "padding: 2px 0" }, [text(id + 1, `Product ${index + 1}: a sturdy thing for desks, trails and quiet hours`)]),
    );
  }
  const head = element(4, "head", {}, [
    element(5, "style", {}, [text(6, "body { font: 16px sans-serif; margin: 0; background: #fde8d7; color: #1d2330 } h1 { margin: 24px 32px; font-size: 44px } button { font: 18px sans-serif; padding: 10px 18px; margin: 0 32px; background: #4f46e5; color: #fff; border: 0; border-radius: 8px } ul { margin: 16px 32px; columns: 2 }")]),
  ]);
  const body = element(7, "body", {}, [
    element(8, "h1", { id: "headline" }, [text(HEADLINE_TEXT_NODE_ID, headline)]),
    element(10, "p", { id: "lead" }, [text(11, "A synthetic session for the Reel player.")]),
    element(BUY_BUTTON_ID, "button", { id: "buy" }, [text(13, "Add to cart")]),
    element(14, "ul", { id: "list" }, listItems),
  ]);
  return { type: 0, id: 1, childNodes: [{ type: 1, id: 2, name: "html", publicId: "", systemId: "" }, element(3, "html", { lang: "en" }, [head, body])] };
}

export function keyframeEvents(timestampMs, headline, href) {
  return [
    { type: EVENT_TYPE_META, timestamp: timestampMs, data: { href, ...VIEWPORT } },
    { type: EVENT_TYPE_FULL_SNAPSHOT, timestamp: timestampMs + 1, data: { node: pageDocument(headline), initialOffset: { left: 0, top: 0 } } },
  ];
}

function headlineEvent(timestampMs, headline) {
  return { type: EVENT_TYPE_INCREMENTAL_SNAPSHOT, timestamp: timestampMs, data: { source: SOURCE_MUTATION, texts: [{ id: HEADLINE_TEXT_NODE_ID, value: headline }], attributes: [], removes: [], adds: [] } };
}

function mouseMoveEvent(timestampMs, step) {
  const positions = [];
  for (let index = 0; index < 4; index += 1) {
    const angle = (step * 4 + index) / 7;
    positions.push({ x: Math.round(500 + 300 * Math.cos(angle)), y: Math.round(320 + 200 * Math.sin(angle)), id: 7, timeOffset: -150 * (3 - index) });
  }
  return { type: EVENT_TYPE_INCREMENTAL_SNAPSHOT, timestamp: timestampMs, data: { source: SOURCE_MOUSE_MOVE, positions } };
}

export function clickEvent(timestampMs, nodeId = BUY_BUTTON_ID + 1) {
  return { type: EVENT_TYPE_INCREMENTAL_SNAPSHOT, timestamp: timestampMs, data: { source: SOURCE_MOUSE_INTERACTION, type: MOUSE_INTERACTION_CLICK, id: nodeId, x: 80, y: 130, pointerType: 0 } };
}

export function consoleEvent(timestampMs, level, message) {
  return { type: EVENT_TYPE_PLUGIN, timestamp: timestampMs, data: { plugin: "rrweb/console@1", payload: { level, trace: ["at shop.js:10:5"], payload: [JSON.stringify(message)] } } };
}

export function runtimeErrorEvent(timestampMs, message) {
  return { type: EVENT_TYPE_CUSTOM, timestamp: timestampMs, data: { tag: "reel.error", payload: { message, stack: `Error: ${message}\n    at shop.js:42:7`, filename: "shop.js", lineno: 42, colno: 7, kind: "error" } } };
}

export function failedRequestEvent(timestampMs, url, status) {
  return { type: EVENT_TYPE_CUSTOM, timestamp: timestampMs, data: { tag: "fetch-request", payload: { timestamp: timestampMs, type: "fetch", method: "POST", url, status, duration: 87 } } };
}

function insideAny(spans, offsetMs) {
  return spans.some((span) => offsetMs >= span.fromMs && offsetMs < span.toMs);
}

/**
 * @param {{startMs: number, durationMs: number, keyframeIntervalMs?: number, batchIntervalMs?: number,
 *   idleSpans?: {fromMs: number, toMs: number}[], clickEveryMs?: number | null, consoleEveryMs?: number,
 *   errorAtMs?: number[], hrefAt?: (offsetMs: number) => string, timezone?: string,
 *   extraEvents?: object[]}} options  times in
 *   `idleSpans` and `errorAtMs` are offsets; `hrefAt` names the page of each keyframe; `timezone`
 *   adds the `reel.environment` event the SDK is asked to send; `extraEvents` are merged in
 * @returns {object[][]} batches of events, one per `batchIntervalMs`, in order
 */
export function syntheticSessionBatches(options) {
  const keyframeIntervalMs = options.keyframeIntervalMs ?? 5 * 60_000;
  const batchIntervalMs = options.batchIntervalMs ?? 60_000;
  const idleSpans = options.idleSpans ?? [];
  const clickEveryMs = options.clickEveryMs === undefined ? 20_000 : options.clickEveryMs;
  const consoleEveryMs = options.consoleEveryMs ?? 60_000;
  const errorAtMs = new Set(options.errorAtMs ?? []);
  const hrefAt = options.hrefAt ?? (() => "https://shop.example/synthetic");
  const events = [];
  for (let offsetMs = 0; offsetMs <= options.durationMs; offsetMs += 1_000) {
    const timestampMs = options.startMs + offsetMs;
    if (offsetMs % keyframeIntervalMs === 0) {
      events.push(...keyframeEvents(timestampMs, headlineAt(offsetMs), hrefAt(offsetMs)));
      if (options.timezone !== undefined) {
        events.push({ type: EVENT_TYPE_CUSTOM, timestamp: timestampMs + 2, data: { tag: "reel.environment", payload: { timezone: options.timezone } } });
      }
    }
    if (offsetMs % HEADLINE_STEP_MS === 0 && offsetMs > 0) {
      // just before the step, so that a replay shown at exactly the step already reads it
      events.push(headlineEvent(timestampMs - 3, headlineAt(offsetMs)));
    }
    const idle = insideAny(idleSpans, offsetMs);
    if (!idle) {
      events.push(mouseMoveEvent(timestampMs + 500, offsetMs / 1_000));
    }
    if (!idle && clickEveryMs !== null && offsetMs > 0 && offsetMs % clickEveryMs === 0) {
      events.push(clickEvent(timestampMs + 600));
    }
    if (offsetMs > 0 && offsetMs % consoleEveryMs === 0) {
      const minute = Math.round(offsetMs / 60_000);
      const level = ["log", "info", "warn", "error"][minute % 4];
      events.push(consoleEvent(timestampMs + 700, level, `${level} message at minute ${minute}`));
    }
    if (errorAtMs.has(offsetMs)) {
      events.push(runtimeErrorEvent(timestampMs + 800, `Synthetic failure at ${offsetMs / 1_000}s`));
      events.push(failedRequestEvent(timestampMs + 810, "https://shop.example/api/cart", 500));
    }
  }
  events.push(...(options.extraEvents ?? []));
  events.sort((left, right) => left.timestamp - right.timestamp);
  const batches = [];
  for (const event of events) {
    const batchIndex = Math.floor((event.timestamp - options.startMs) / batchIntervalMs);
    (batches[batchIndex] ??= []).push(event);
  }
  return batches.filter((batch) => batch !== undefined);
}
