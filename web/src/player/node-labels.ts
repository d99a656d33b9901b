/**
 * Friendly names for clicked elements when the server has no analytics events for the session:
 * remembers, per rrweb node id, the element's tag, a short label (its text, aria-label, alt,
 * title or button value) and its parent, from full snapshots and mutations. Labels are taken when
 * a node is added; text already masked by the recorder stays masked.
 */

import type { RecordedEvent } from "../api/types";
import { EVENT_TYPE_FULL_SNAPSHOT, SOURCE_MUTATION, incrementalSource, isRecord, numberOrNull, stringOrNull } from "./rrweb-event-types";

const SERIALIZED_ELEMENT = 2;
const SERIALIZED_TEXT = 3;
const LABEL_CHARS_MAX = 48;
/** A bound on remembered nodes; a page with more loses names for the newest nodes only. */
const REMEMBERED_NODES_MAX = 50_000;
const ANCESTOR_STEPS_MAX = 6;
const INTERACTIVE_TAGS = new Set(["a", "button", "input", "select", "textarea", "label", "summary"]);

interface NodeLabel {
  tag: string;
  label: string;
  parentId: number | null;
  role: string | null;
}

interface SerializedNode {
  type?: unknown;
  id?: unknown;
  tagName?: unknown;
  attributes?: unknown;
  childNodes?: unknown;
  textContent?: unknown;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function shorten(text: string): string {
  return text.length > LABEL_CHARS_MAX ? `${text.slice(0, LABEL_CHARS_MAX - 1)}…` : text;
}

/** The text inside a serialized subtree, stopping once it is long enough for a label. */
function subtreeText(node: SerializedNode, budget: { chars: number }): string {
  if (budget.chars <= 0) {
    return "";
  }
  if (node.type === SERIALIZED_TEXT) {
    const text = stringOrNull(node.textContent) ?? "";
    budget.chars -= text.length;
    return text;
  }
  if (node.type !== SERIALIZED_ELEMENT || !Array.isArray(node.childNodes)) {
    return "";
  }
  const tag = stringOrNull(node.tagName);
  if (tag === "script" || tag === "style") {
    return "";
  }
  let text = "";
  for (const child of node.childNodes as SerializedNode[]) {
    text += ` ${subtreeText(child, budget)}`;
  }
  return text;
}

function labelOf(node: SerializedNode, tag: string): string {
  const attributes = isRecord(node.attributes) ? node.attributes : {};
  const text = collapseWhitespace(subtreeText(node, { chars: LABEL_CHARS_MAX * 4 }));
  const candidates = [
    stringOrNull(attributes["aria-label"]),
    text,
    stringOrNull(attributes.alt),
    stringOrNull(attributes.title),
    tag === "input" ? stringOrNull(attributes.value) : null,
    stringOrNull(attributes.placeholder),
    stringOrNull(attributes.id) === null ? null : `#${String(attributes.id)}`,
  ];
  for (const candidate of candidates) {
    if (candidate !== null && collapseWhitespace(candidate) !== "") {
      return shorten(collapseWhitespace(candidate));
    }
  }
  return "";
}

function elementKind(tag: string, role: string | null): string {
  if (role === "button" || tag === "button") return "button";
  if (role === "link" || tag === "a") return "link";
  if (tag === "img") return "image";
  if (tag === "input" || tag === "textarea" || tag === "select") return "field";
  return tag;
}

export class NodeLabelIndex {
  private readonly labels = new Map<number, NodeLabel>();

  addEvent(event: RecordedEvent): void {
    if (event.type === EVENT_TYPE_FULL_SNAPSHOT && isRecord(event.data)) {
      this.labels.clear();
      this.rememberSubtree(event.data.node as SerializedNode, null);
      return;
    }
    if (incrementalSource(event) !== SOURCE_MUTATION || !isRecord(event.data) || !Array.isArray(event.data.adds)) {
      return;
    }
    for (const add of event.data.adds as unknown[]) {
      if (isRecord(add)) {
        this.rememberSubtree(add.node as SerializedNode, numberOrNull(add.parentId));
      }
    }
  }

  private rememberSubtree(node: SerializedNode, parentId: number | null): void {
    if (!isRecord(node) || this.labels.size >= REMEMBERED_NODES_MAX) {
      return;
    }
    const id = numberOrNull(node.id);
    const tag = stringOrNull(node.tagName)?.toLowerCase() ?? null;
    if (id !== null && node.type === SERIALIZED_ELEMENT && tag !== null) {
      const attributes = isRecord(node.attributes) ? node.attributes : {};
      this.labels.set(id, { tag, label: labelOf(node, tag), parentId, role: stringOrNull(attributes.role) });
    } else if (id !== null && node.type === SERIALIZED_TEXT) {
      // clicks can land on a text node; its parent names the element
      this.labels.set(id, { tag: "#text", label: "", parentId, role: null });
    }
    if (Array.isArray(node.childNodes)) {
      for (const child of node.childNodes as SerializedNode[]) {
        this.rememberSubtree(child, id);
      }
    }
  }

  /** "Clicked 'Add to cart' button", naming the nearest interactive ancestor of the clicked node. */
  describeClick(nodeId: number | null): string {
    if (nodeId === null) {
      return "Clicked";
    }
    let current = this.labels.get(nodeId) ?? null;
    if (current?.tag === "#text") {
      current = current.parentId === null ? null : (this.labels.get(current.parentId) ?? null);
    }
    let chosen = current;
    for (let step = 0; current !== null && step < ANCESTOR_STEPS_MAX; step += 1) {
      if (INTERACTIVE_TAGS.has(current.tag) || current.role === "button" || current.role === "link") {
        chosen = current;
        break;
      }
      current = current.parentId === null ? null : (this.labels.get(current.parentId) ?? null);
    }
    if (chosen === null) {
      return "Clicked";
    }
    const kind = elementKind(chosen.tag, chosen.role);
    return chosen.label === "" ? `Clicked ${kind}` : `Clicked '${chosen.label}' ${kind}`;
  }
}
