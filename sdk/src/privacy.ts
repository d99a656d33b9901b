/**
 * Masking rules shared by the recorder (rrweb's mask callbacks) and the analytics autocapture
 * (element texts), so a text masked in the replay is masked in the events too.
 *
 * Per element, first match wins (shared/specs/amplitude-compat.md §8):
 *   1. passwords, hidden inputs and card-like fields: always masked, whatever else applies;
 *   2. `.amp-mask`, `[data-amp-mask]` or a mask selector on the element or an ancestor: masked;
 *   3. `.amp-unmask` or an unmask selector on the element or an ancestor: clear;
 *   4. the level: `conservative` masks all text and inputs, `medium` all inputs (and
 *      contenteditable text, which is typed), `light` only email and phone inputs and values
 *      that look like card numbers.
 * Masked text keeps its length and spaces: every other character becomes `*`.
 */

import type { PrivacySettings } from "./capture-settings";

/** The parts of a DOM element the rules read (a structural type, so tests need no DOM). */
export interface ElementLike {
  closest(selector: string): unknown;
  getAttribute(name: string): string | null;
  tagName: string;
}

export const BLOCK_CLASS = "amp-block";
const MASK_SELECTOR = ".amp-mask,[data-amp-mask]";
const UNMASK_SELECTOR = ".amp-unmask";
const EDITABLE_SELECTOR = "[contenteditable]:not([contenteditable=false])";
const CARD_LIKE_NAME = /card.?(number|num|no\b)|cc.?(num|number|csc|cvc|exp)|cvv|cvc|csc|security.?code|iban/i;
const CARD_NUMBER_VALUE = /^\s*(?:\d[ -]?){12,18}\d\s*$/;
const SENSITIVE_TEXT = /\b(?:\d[ -]?){12,18}\d\b|\b\d{3}-\d{2}-\d{4}\b|[^\s@]+@[^\s@]+\.[^\s@]+/g;
/** What analytics events show instead of a masked or sensitive text. */
export const MASKED_TEXT = "*****";

export function maskCharacters(text: string): string {
  return text.replace(/\S/g, "*");
}

/** Replaces card numbers, US social security numbers and email addresses in `text` with `*****`. */
export function scrubSensitiveText(text: string): string {
  return text.replace(SENSITIVE_TEXT, MASKED_TEXT);
}

function matchesClosest(element: ElementLike, selector: string): boolean {
  try {
    return selector !== "" && element.closest(selector) !== null;
  } catch {
    return false; // an invalid selector from the settings must not break recording
  }
}

/** Password, hidden and card-like fields: never recorded, not even under `amp-unmask`. */
export function isSensitiveField(element: ElementLike): boolean {
  const type = (element.getAttribute("type") ?? "").toLowerCase();
  if (type === "password" || type === "hidden") {
    return true;
  }
  const autocomplete = element.getAttribute("autocomplete") ?? "";
  if (/(^|\s)cc-/i.test(autocomplete)) {
    return true;
  }
  const names = `${element.getAttribute("name") ?? ""} ${element.getAttribute("id") ?? ""} ${autocomplete}`;
  return CARD_LIKE_NAME.test(names);
}

export interface PrivacyRules {
  /** For rrweb's `blockSelector`. */
  blockSelector: string;
  /** For rrweb's `maskTextSelector`: elements whose texts rrweb hands to `maskText`. */
  maskTextSelector: string;
  isTextMasked(element: ElementLike | null): boolean;
  /** Inside an element the replay shows as an empty box. */
  isBlocked(element: ElementLike): boolean;
  isInputMasked(element: ElementLike, value: string): boolean;
  maskText(text: string, element: ElementLike | null): string;
  maskInputValue(value: string, element: ElementLike): string;
}

export function createPrivacyRules(settings: PrivacySettings): PrivacyRules {
  const maskSelector = [MASK_SELECTOR, ...settings.maskSelectors].join(",");
  const unmaskSelector = [UNMASK_SELECTOR, ...settings.unmaskSelectors].join(",");
  const level = settings.level;
  const blockSelector = [`.${BLOCK_CLASS}`, ...settings.blockSelectors].join(",");
  const rules: PrivacyRules = {
    blockSelector,
    isBlocked: (element) => matchesClosest(element, blockSelector),
    maskTextSelector: level === "conservative" ? "*" : level === "medium" ? `${maskSelector},${EDITABLE_SELECTOR}` : maskSelector,
    isTextMasked(element) {
      if (element === null) {
        return level === "conservative";
      }
      if (matchesClosest(element, maskSelector)) {
        return true;
      }
      if (matchesClosest(element, unmaskSelector)) {
        return false;
      }
      return level === "conservative" || (level === "medium" && matchesClosest(element, EDITABLE_SELECTOR));
    },
    isInputMasked(element, value) {
      if (isSensitiveField(element) || matchesClosest(element, maskSelector)) {
        return true;
      }
      if (matchesClosest(element, unmaskSelector)) {
        return CARD_NUMBER_VALUE.test(value);
      }
      if (level !== "light") {
        return true;
      }
      const type = (element.getAttribute("type") ?? "").toLowerCase();
      return type === "email" || type === "tel" || CARD_NUMBER_VALUE.test(value);
    },
    maskText: (text, element) => (rules.isTextMasked(element) ? maskCharacters(text) : text),
    maskInputValue: (value, element) => (rules.isInputMasked(element, value) ? maskCharacters(value) : value),
  };
  return rules;
}
