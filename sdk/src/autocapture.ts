/**
 * Element interactions as analytics events, with Amplitude's names (spec §7):
 * `[Amplitude] Element Clicked` (allowlisted clickable elements), `[Amplitude] Element Changed`
 * (a field's `change`, never its value, never for password or hidden inputs),
 * `[Amplitude] Form Started` (first change in a form on this page view) and
 * `[Amplitude] Form Submitted`.
 */

import { ELEMENT_CHANGED, ELEMENT_CLICKED, FORM_STARTED, FORM_SUBMITTED } from "./analytics-events";
import { elementProperties } from "./element-properties";
import type { PrivacyRules } from "./privacy";

export const CLICK_ALLOWLIST_SELECTOR =
  "a,button,input,select,textarea,label,video,audio,[contenteditable=true],[contenteditable=''],[role=button],[role=link],[data-amp-default-track],.amp-default-track";
const FIELD_SELECTOR = "input,select,textarea";

export interface AutocaptureHooks {
  track(eventType: string, properties: Record<string, unknown>): void;
  privacyRules(): PrivacyRules;
  pageViewId(): string;
}

function isPasswordOrHidden(element: Element): boolean {
  const type = (element.getAttribute("type") ?? "").toLowerCase();
  return element.tagName === "INPUT" && (type === "password" || type === "hidden");
}

function formProperties(form: HTMLFormElement): Record<string, unknown> {
  return {
    "[Amplitude] Form ID": form.id || null,
    "[Amplitude] Form Name": form.getAttribute("name"),
    "[Amplitude] Form Destination": form.action || null,
  };
}

/** Listens on `target`'s document (capture phase, passive); returns a function that stops. */
export function installAutocapture(target: Window, hooks: AutocaptureHooks): () => void {
  const document = target.document;
  let startedForms = new WeakSet<HTMLFormElement>();
  let startedFormsPageViewId = "";
  const describe = (element: Element): Record<string, unknown> => ({
    ...elementProperties(element, hooks.privacyRules(), { width: target.innerWidth, height: target.innerHeight }),
    "[Amplitude] Page View ID": hooks.pageViewId(),
  });
  const onClick = (event: Event): void => {
    const element = event.target instanceof Element ? event.target.closest(CLICK_ALLOWLIST_SELECTOR) : null;
    if (element !== null && !isPasswordOrHidden(element)) {
      hooks.track(ELEMENT_CLICKED, describe(element));
    }
  };
  const onChange = (event: Event): void => {
    const element = event.target instanceof Element ? event.target : null;
    if (element === null || !element.matches(FIELD_SELECTOR)) {
      return;
    }
    const form = (element as HTMLInputElement).form;
    if (form) {
      if (startedFormsPageViewId !== hooks.pageViewId()) {
        startedForms = new WeakSet();
        startedFormsPageViewId = hooks.pageViewId();
      }
      if (!startedForms.has(form)) {
        startedForms.add(form);
        hooks.track(FORM_STARTED, formProperties(form));
      }
    }
    if (!isPasswordOrHidden(element)) {
      hooks.track(ELEMENT_CHANGED, describe(element));
    }
  };
  const onSubmit = (event: Event): void => {
    if (event.target instanceof HTMLFormElement) {
      hooks.track(FORM_SUBMITTED, formProperties(event.target));
    }
  };
  const listeners: Array<[string, (event: Event) => void]> = [
    ["click", onClick],
    ["change", onChange],
    ["submit", onSubmit],
  ];
  const options = { capture: true, passive: true };
  for (const [type, listener] of listeners) {
    document.addEventListener(type, listener, options);
  }
  return () => {
    for (const [type, listener] of listeners) {
      document.removeEventListener(type, listener, options);
    }
  };
}
