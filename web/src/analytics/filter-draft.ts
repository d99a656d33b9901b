/** The "where" conditions of a series or a funnel step as the form holds them, and as the request sends them. */

import type { FilterOperator, PropertyRef, SegmentationFilter } from "../api/segmentation-types";

export interface FilterDraft {
  property: PropertyRef;
  operator: FilterOperator;
  /** Comma-separated values as typed. */
  values: string;
}

const OPERATORS_WITHOUT_VALUES: readonly FilterOperator[] = ["is_set", "is_not_set"];
const NUMERIC_OPERATORS: readonly FilterOperator[] = ["greater_than", "less_than"];

export function operatorTakesValues(operator: FilterOperator): boolean {
  return !OPERATORS_WITHOUT_VALUES.includes(operator);
}

export function emptyFilter(): FilterDraft {
  return { property: { scope: "event", name: "" }, operator: "is", values: "" };
}

function splitValues(text: string): string[] {
  return text
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** The filters of the request (an empty list for none), or a sentence naming `owner` ("Series A", "Step 2"). */
export function filtersToQuery(filters: readonly FilterDraft[], owner: string): SegmentationFilter[] | string {
  const converted: SegmentationFilter[] = [];
  for (const filter of filters) {
    const name = filter.property.name.trim();
    if (name === "") {
      return `${owner}: a filter has no property name.`;
    }
    let values: string[] = [];
    if (operatorTakesValues(filter.operator)) {
      values = splitValues(filter.values);
      if (values.length === 0) {
        return `${owner}: the filter on "${name}" has no value.`;
      }
      if (NUMERIC_OPERATORS.includes(filter.operator)) {
        if (values.length !== 1 || !Number.isFinite(Number(values[0]))) {
          return `${owner}: the filter on "${name}" needs one number.`;
        }
      }
    }
    converted.push({ property: { scope: filter.property.scope, name }, operator: filter.operator, values });
  }
  return converted;
}

/** The form's filters showing a request's (values joined by ", "). */
export function filtersToDraft(filters: readonly SegmentationFilter[] | undefined): FilterDraft[] {
  return (filters ?? []).map((filter) => ({ property: { ...filter.property }, operator: filter.operator, values: filter.values.join(", ") }));
}
