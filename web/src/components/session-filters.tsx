/** The replay list's quick filters: frustration signals and errors. */

import type { SessionFilters } from "../api/types";

export const NO_FILTERS: SessionFilters = { hasRageClicks: false, hasDeadClicks: false, hasErrors: false };

const FILTER_CHOICES: { key: keyof SessionFilters; label: string; testId: string }[] = [
  { key: "hasRageClicks", label: "Has rage clicks", testId: "filter-rage-clicks" },
  { key: "hasDeadClicks", label: "Has dead clicks", testId: "filter-dead-clicks" },
  { key: "hasErrors", label: "Has errors", testId: "filter-errors" },
];

export function SessionFilterBar(props: { filters: SessionFilters; onChange: (filters: SessionFilters) => void }) {
  return (
    <div className="filter-bar" data-testid="session-filters">
      {FILTER_CHOICES.map((choice) => (
        <label key={choice.key} className={props.filters[choice.key] ? "filter-chip filter-chip-on" : "filter-chip"}>
          <input
            type="checkbox"
            data-testid={choice.testId}
            checked={props.filters[choice.key]}
            onChange={(event) => props.onChange({ ...props.filters, [choice.key]: event.target.checked })}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
