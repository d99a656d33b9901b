/** The replay list's filters: one removable chip per added filter (all combine with AND) and "+ Add Filter". */

import type { ReplayFilter } from "../api/replay-search-types";
import { removeAt } from "../analytics/list-edit";
import { AddFilterMenu } from "../replay-search/add-filter-menu";
import type { CohortChoices } from "../replay-search/cohort-filter-form";
import { describeReplayFilter } from "../replay-search/replay-filter-labels";
import { REPLAY_FILTERS_MAX } from "../replay-search/replay-list-url";

export function SessionFilterBar(props: { filters: readonly ReplayFilter[]; onChange: (filters: ReplayFilter[]) => void; cohorts: CohortChoices }) {
  const { filters, onChange } = props;
  const cohortNames = new Map(props.cohorts.cohorts.map((cohort) => [cohort.id, cohort.name]));
  return (
    <div className="filter-bar" data-testid="session-filters">
      {filters.map((filter, index) => {
        const text = describeReplayFilter(filter, cohortNames);
        return (
          <span key={`${index}-${text}`} className="filter-chip filter-chip-on" data-testid="filter-chip" data-kind={filter.kind}>
            {text}
            <button type="button" className="filter-chip-remove" aria-label={`Remove filter ${text}`} data-testid="remove-filter-chip" onClick={() => onChange(removeAt(filters, index))}>
              ×
            </button>
          </span>
        );
      })}
      <AddFilterMenu cohorts={props.cohorts} disabled={filters.length >= REPLAY_FILTERS_MAX} onAdd={(filter) => onChange([...filters, filter])} />
      {filters.length > 1 && <span className="muted small">All filters must match.</span>}
    </div>
  );
}
