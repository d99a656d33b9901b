/**
 * The `[Amplitude] Element …` properties of click and change events
 * (shared/specs/amplitude-compat.md §7, §8.2). Values of fields are never read; texts are masked
 * where the replay masks them (`*****`) and scrubbed of card numbers, SSNs and emails.
 */

import type { PrivacyRules } from "./privacy";
import { MASKED_TEXT, scrubSensitiveText } from "./privacy";

const HIERARCHY_DEPTH_MAX = 10;
const ATTRIBUTES_PER_ELEMENT_MAX = 10;
const ATTRIBUTE_LENGTH_MAX = 128;
const TEXT_LENGTH_MAX = 255;
const PATH_DEPTH_MAX = 5;
/** Attributes never copied into the hierarchy: identity is reported elsewhere, `value` may be typed. */
const SKIPPED_ATTRIBUTES = new Set(["id", "class", "style", "value", "data-amp-mask-attributes"]);
const TRACK_ATTRIBUTE_PREFIX = "data-amp-track-";
const FIELD_TAGS = new Set(["input", "select", "textarea"]);

export interface HierarchyEntry {
  tag: string;
  index: number;
  indexOfType: number;
  prevSib?: string;
  id?: string;
  classes?: string[];
  attrs?: Record<string, string>;
}

function tagOf(element: Element): string {
  return element.tagName.toLowerCase();
}

function classesOf(element: Element): string[] {
  return Array.from(element.classList);
}

/** Attribute names whose values `data-amp-mask-attributes` on the element or an ancestor redacts. */
function redactedAttributeNames(element: Element): Set<string> {
  const names = new Set<string>();
  for (let current: Element | null = element; current !== null; current = current.parentElement) {
    const list = current.getAttribute("data-amp-mask-attributes");
    if (list !== null) {
      list.split(",").forEach((name) => names.add(name.trim().toLowerCase()));
    }
  }
  return names;
}

/** The element's position among its element siblings, and among those of its tag. */
function siblingIndexes(element: Element): { index: number; indexOfType: number } {
  let index = 0;
  let indexOfType = 0;
  for (let sibling = element.previousElementSibling; sibling !== null; sibling = sibling.previousElementSibling) {
    index += 1;
    indexOfType += sibling.tagName === element.tagName ? 1 : 0;
  }
  return { index, indexOfType };
}

function describeLevel(element: Element, redacted: Set<string>): HierarchyEntry {
  const entry: HierarchyEntry = { tag: tagOf(element), ...siblingIndexes(element) };
  if (element.previousElementSibling !== null) {
    entry.prevSib = tagOf(element.previousElementSibling);
  }
  if (element.id) {
    entry.id = element.id;
  }
  const classes = classesOf(element);
  if (classes.length > 0) {
    entry.classes = classes;
  }
  const attrs: Record<string, string> = {};
  let count = 0;
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.name.toLowerCase();
    if (SKIPPED_ATTRIBUTES.has(name) || name.startsWith("on") || count >= ATTRIBUTES_PER_ELEMENT_MAX) {
      continue;
    }
    attrs[name] = redacted.has(name) ? MASKED_TEXT : attribute.value.slice(0, ATTRIBUTE_LENGTH_MAX);
    count += 1;
  }
  if (count > 0) {
    entry.attrs = attrs;
  }
  return entry;
}

/** Innermost first, up to and including `body`. */
export function elementHierarchy(element: Element): HierarchyEntry[] {
  const redacted = redactedAttributeNames(element);
  const hierarchy: HierarchyEntry[] = [];
  for (let current: Element | null = element; current !== null && hierarchy.length < HIERARCHY_DEPTH_MAX; current = current.parentElement) {
    if (tagOf(current) === "html") {
      break;
    }
    hierarchy.push(describeLevel(current, redacted));
  }
  return hierarchy;
}

/** A CSS path such as `div.card > button#add-mug` (stops at the first id). */
export function elementPath(element: Element): string {
  const parts: string[] = [];
  for (let current: Element | null = element; current !== null && parts.length < PATH_DEPTH_MAX; current = current.parentElement) {
    const tag = tagOf(current);
    if (tag === "html") {
      break;
    }
    if (current.id) {
      parts.unshift(`${tag}#${CSS.escape(current.id)}`);
      break;
    }
    let part = tag + classesOf(current).slice(0, 2).map((name) => `.${CSS.escape(name)}`).join("");
    const { indexOfType } = siblingIndexes(current);
    let hasLaterOfType = false;
    for (let sibling = current.nextElementSibling; sibling !== null && !hasLaterOfType; sibling = sibling.nextElementSibling) {
      hasLaterOfType = sibling.tagName === current.tagName;
    }
    if (indexOfType > 0 || hasLaterOfType) {
      part += `:nth-of-type(${indexOfType + 1})`;
    }
    parts.unshift(part);
  }
  return parts.join(" > ");
}

/** The text analytics may show for `element`: masked, or collapsed, cut and scrubbed. */
export function visibleElementText(element: Element, rules: PrivacyRules): string {
  const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, TEXT_LENGTH_MAX);
  if (text === "") {
    return "";
  }
  return rules.isTextMasked(element) || rules.isBlocked(element) ? MASKED_TEXT : scrubSensitiveText(text);
}

export function elementProperties(element: Element, rules: PrivacyRules, viewport: { width: number; height: number }): Record<string, unknown> {
  const tag = tagOf(element);
  const rectangle = element.getBoundingClientRect();
  const properties: Record<string, unknown> = {
    "[Amplitude] Element Hierarchy": elementHierarchy(element),
    "[Amplitude] Element Tag": tag,
    "[Amplitude] Element Position Left": Math.round(rectangle.left),
    "[Amplitude] Element Position Top": Math.round(rectangle.top),
    "[Amplitude] Element Path": elementPath(element),
    "[Amplitude] Viewport Height": viewport.height,
    "[Amplitude] Viewport Width": viewport.width,
  };
  if (!FIELD_TAGS.has(tag)) {
    properties["[Amplitude] Element Text"] = visibleElementText(element, rules);
  }
  const trackAttributes: Record<string, string> = {};
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name.startsWith(TRACK_ATTRIBUTE_PREFIX)) {
      trackAttributes[attribute.name.slice(TRACK_ATTRIBUTE_PREFIX.length)] = attribute.value.slice(0, ATTRIBUTE_LENGTH_MAX);
    }
  }
  if (Object.keys(trackAttributes).length > 0) {
    properties["[Amplitude] Element Attributes"] = trackAttributes;
  }
  const optional: Array<[string, string | null]> = [
    ["[Amplitude] Element ID", element.id || null],
    ["[Amplitude] Element Class", typeof element.className === "string" && element.className !== "" ? element.className : null],
    ["[Amplitude] Element Aria Label", element.getAttribute("aria-label")],
    ["[Amplitude] Element Href", tag === "a" ? element.getAttribute("href") : null],
  ];
  for (const [name, value] of optional) {
    if (value !== null) {
      properties[name] = value;
    }
  }
  return properties;
}
