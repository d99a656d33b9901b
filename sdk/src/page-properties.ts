/**
 * Page enrichment: the `[Amplitude] Page …` properties every analytics event carries
 * (shared/specs/amplitude-compat.md §7), and where the visitor came from.
 */

import type { ElementLike, PrivacyRules } from "./privacy";
import { MASKED_TEXT, scrubSensitiveText } from "./privacy";

export type PreviousPageType = "direct" | "internal" | "external";

export interface PreviousPage {
  location: string;
  type: PreviousPageType;
}

export function previousPageOf(previousLocation: string, currentHostname: string): PreviousPage {
  if (previousLocation === "") {
    return { location: "", type: "direct" };
  }
  try {
    const type = new URL(previousLocation).hostname === currentHostname ? "internal" : "external";
    return { location: previousLocation, type };
  } catch {
    return { location: previousLocation, type: "external" };
  }
}

/** The page title as analytics may show it: masked where the replay masks it, scrubbed of card numbers and emails. */
export function visibleTitle(title: string, titleElement: ElementLike | null, rules: PrivacyRules): string {
  const masked = titleElement !== null ? rules.isTextMasked(titleElement) : rules.isTextMasked(null);
  return masked ? MASKED_TEXT : scrubSensitiveText(title);
}

export function pageProperties(
  location: Pick<Location, "hostname" | "href" | "pathname" | "origin">,
  title: string,
  previous: PreviousPage,
): Record<string, unknown> {
  return {
    "[Amplitude] Page Domain": location.hostname,
    "[Amplitude] Page Location": location.href,
    "[Amplitude] Page Path": location.pathname,
    "[Amplitude] Page Title": title,
    "[Amplitude] Page URL": `${location.origin}${location.pathname}`,
    "[Amplitude] Previous Page Location": previous.location,
    "[Amplitude] Previous Page Type": previous.type,
  };
}
