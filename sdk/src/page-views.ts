/**
 * Which page the visitor is on: a page view at load and at every URL change made through the
 * History API or back/forward (`pushState`, `replaceState`, `popstate`), each with its own
 * Page View ID, and the page before it (the referrer for the first one).
 */

import type { PreviousPage } from "./page-properties";
import { previousPageOf } from "./page-properties";

export class PageTracker {
  pageViewId = "";
  previous: PreviousPage;
  #currentHref: string;
  readonly #target: Window;
  readonly #createUuid: () => string;
  readonly #onPageView: () => void;
  readonly #restorers: Array<() => void> = [];

  constructor(target: Window, createUuid: () => string, onPageView: () => void) {
    this.#target = target;
    this.#createUuid = createUuid;
    this.#onPageView = onPageView;
    this.#currentHref = target.location.href;
    this.previous = previousPageOf(target.document.referrer, target.location.hostname);
  }

  /** Counts the current page as viewed and starts watching URL changes. */
  start(): void {
    this.pageViewId = this.#createUuid();
    this.#onPageView();
    const history = this.#target.history;
    for (const method of ["pushState", "replaceState"] as const) {
      const original = history[method];
      const tracker = this;
      history[method] = function historyWithPageViews(this: History, ...values: Parameters<History["pushState"]>): void {
        original.apply(this, values);
        tracker.#checkUrl();
      };
      this.#restorers.push(() => {
        history[method] = original;
      });
    }
    const onPopState = (): void => this.#checkUrl();
    this.#target.addEventListener("popstate", onPopState);
    this.#restorers.push(() => this.#target.removeEventListener("popstate", onPopState));
  }

  stop(): void {
    this.#restorers.splice(0).forEach((restore) => restore());
  }

  #checkUrl(): void {
    const href = this.#target.location.href;
    if (href === this.#currentHref) {
      return;
    }
    this.previous = { location: this.#currentHref, type: "internal" };
    this.#currentHref = href;
    this.pageViewId = this.#createUuid();
    this.#onPageView();
  }
}
