/** One "where" condition of a series: property, operator, comma-separated values. */

import type { FilterOperator, PropertyScope } from "../api/segmentation-types";
import type { FilterDraft } from "./filter-draft";
import { operatorTakesValues } from "./filter-draft";
import { removeAt, replaceAt } from "./list-edit";
import { PropertyPicker } from "./property-picker";
import { FILTER_OPERATORS } from "./query-url";

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  is: "is",
  is_not: "is not",
  contains: "contains",
  does_not_contain: "does not contain",
  greater_than: "greater than",
  less_than: "less than",
  is_set: "is set",
  is_not_set: "is not set",
};

export function FilterEditor(props: { filter: FilterDraft; onChange: (filter: FilterDraft) => void; onRemove: () => void; fixedScope?: PropertyScope }) {
  const { filter, onChange } = props;
  return (
    <div className="query-line" data-testid="filter-row">
      <span className="query-keyword">where</span>
      <PropertyPicker
        property={filter.property}
        onChange={(property) => onChange({ ...filter, property })}
        testIdPrefix="filter"
        label="Filter property"
        fixedScope={props.fixedScope}
      />
      <select
        aria-label="Filter operator"
        data-testid="filter-operator"
        value={filter.operator}
        onChange={(event) => onChange({ ...filter, operator: event.target.value as FilterOperator })}
      >
        {FILTER_OPERATORS.map((operator) => (
          <option key={operator} value={operator}>
            {OPERATOR_LABELS[operator]}
          </option>
        ))}
      </select>
      {operatorTakesValues(filter.operator) && (
        <input
          type="text"
          className="query-values"
          aria-label="Filter values"
          data-testid="filter-values"
          placeholder={filter.operator === "greater_than" || filter.operator === "less_than" ? "a number" : "values, comma-separated"}
          value={filter.values}
          onChange={(event) => onChange({ ...filter, values: event.target.value })}
        />
      )}
      <button type="button" className="button-quiet" aria-label="Remove filter" data-testid="remove-filter" onClick={props.onRemove}>
        ×
      </button>
    </div>
  );
}

/** A series' or step's filters, one editor each. */
export function FilterRows(props: { filters: readonly FilterDraft[]; onChange: (filters: FilterDraft[]) => void; fixedScope?: PropertyScope }) {
  const { filters, onChange } = props;
  return filters.map((filter, index) => (
    <FilterEditor
      key={index}
      filter={filter}
      fixedScope={props.fixedScope}
      onChange={(changed) => onChange(replaceAt(filters, index, changed))}
      onRemove={() => onChange(removeAt(filters, index))}
    />
  ));
}
