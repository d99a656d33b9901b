/** Names of the filter kinds (the "+ Add Filter" menu) and the text of an added filter's chip. */

import type { PropertyFilter, ReplayFilter, ReplayFilterKind } from "../api/replay-search-types";
import { OPERATOR_LABELS } from "../analytics/filter-editor";
import { formatDuration } from "../format";

export const FILTER_KIND_CHOICES: readonly { kind: ReplayFilterKind; label: string }[] = [
  { kind: "cohort", label: "Cohort" },
  { kind: "event_performed", label: "Event performed" },
  { kind: "event_property", label: "Event property" },
  { kind: "user_property", label: "User property" },
  { kind: "has_error", label: "Has error" },
  { kind: "has_rage_click", label: "Has rage click" },
  { kind: "has_dead_click", label: "Has dead click" },
  { kind: "duration", label: "Duration" },
  { kind: "country", label: "Country" },
  { kind: "url_visited", label: "URL visited" },
];

/** Kinds that need nothing more than their name: added straight from the menu. */
export const FILTER_KINDS_WITHOUT_FIELDS: readonly ReplayFilterKind[] = ["has_error", "has_rage_click", "has_dead_click"];

export function filterKindLabel(kind: ReplayFilterKind): string {
  return FILTER_KIND_CHOICES.find((choice) => choice.kind === kind)?.label ?? kind;
}

/** "plan is pro, team"; "price greater than 10"; "coupon is set". */
export function describePropertyFilter(filter: PropertyFilter): string {
  const operator = OPERATOR_LABELS[filter.operator];
  return filter.values.length === 0 ? `${filter.property.name} ${operator}` : `${filter.property.name} ${operator} ${filter.values.join(", ")}`;
}

function describeDuration(minMs: number | undefined, maxMs: number | undefined): string {
  if (minMs !== undefined && maxMs !== undefined) {
    return `Duration ${formatDuration(minMs)} – ${formatDuration(maxMs)}`;
  }
  return minMs !== undefined ? `Duration ≥ ${formatDuration(minMs)}` : `Duration ≤ ${formatDuration(maxMs ?? 0)}`;
}

export function describeReplayFilter(filter: ReplayFilter, cohortNames: ReadonlyMap<number, string>): string {
  switch (filter.kind) {
    case "has_error":
    case "has_rage_click":
    case "has_dead_click":
      return filterKindLabel(filter.kind);
    case "duration":
      return describeDuration(filter.min_ms, filter.max_ms);
    case "country":
      return `Country: ${filter.countries.join(", ")}`;
    case "url_visited":
      return `URL ${filter.operator === "is" ? "is" : "contains"} ${filter.value}`;
    case "event_performed": {
      const conditions = filter.filters.map(describePropertyFilter).join(" and ");
      return conditions === "" ? `Performed ${filter.event_type}` : `Performed ${filter.event_type} where ${conditions}`;
    }
    case "event_property":
      return `Event property: ${describePropertyFilter(filter.filter)}`;
    case "user_property":
      return `User property: ${describePropertyFilter(filter.filter)}`;
    case "cohort":
      return `Cohort: ${cohortNames.get(filter.cohort_id) ?? `#${filter.cohort_id}`}`;
  }
}
