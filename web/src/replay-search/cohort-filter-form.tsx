/** The cohort filter: pick a saved cohort (of any listed project), or make a new one inline. */

import { useState } from "react";
import type { Cohort } from "../api/replay-search-types";
import type { Project } from "../api/types";
import { BuiltinFieldsDatalist } from "../analytics/property-picker";
import { CohortCreateForm } from "./cohort-create-form";
import type { FilterFormProps, FilterFormResult } from "./filter-form-frame";
import { FilterFormFrame } from "./filter-form-frame";

export interface CohortChoices {
  cohorts: readonly Cohort[];
  projects: readonly Project[];
  problem: string | null;
  reload: () => void;
}

function cohortLabel(cohort: Cohort, projects: readonly Project[]): string {
  if (projects.length < 2) {
    return cohort.name;
  }
  const project = projects.find((candidate) => candidate.id === cohort.project_id);
  return `${cohort.name} (${project?.name ?? `project ${cohort.project_id}`})`;
}

export function CohortFilterForm(props: FilterFormProps & { choices: CohortChoices }) {
  const { cohorts, projects } = props.choices;
  const [creating, setCreating] = useState(cohorts.length === 0);
  const [cohortId, setCohortId] = useState<number | null>(cohorts[0]?.id ?? null);

  if (creating) {
    return (
      <div className="replay-filter-form" data-testid="filter-form">
        <div className="replay-filter-form-title">New cohort</div>
        {props.choices.problem !== null && <p className="error-text small">{props.choices.problem}</p>}
        <BuiltinFieldsDatalist />
        <CohortCreateForm
          projects={projects}
          onCancel={() => (cohorts.length === 0 ? props.onCancel() : setCreating(false))}
          onCreated={(cohort) => {
            props.choices.reload();
            props.onApply({ kind: "cohort", cohort_id: cohort.id });
          }}
        />
      </div>
    );
  }
  const submit = (): FilterFormResult => (cohortId === null ? "Pick a cohort." : { kind: "cohort", cohort_id: cohortId });
  return (
    <FilterFormFrame title="Cohort" onSubmit={submit} onApply={props.onApply} onCancel={props.onCancel}>
      <div className="query-line">
        <select aria-label="Cohort" data-testid="cohort-select" value={cohortId ?? ""} onChange={(event) => setCohortId(Number(event.target.value))}>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohortLabel(cohort, projects)}
            </option>
          ))}
        </select>
        <button type="button" className="link-button" data-testid="new-cohort" onClick={() => setCreating(true)}>
          + New cohort
        </button>
      </div>
      {props.choices.problem !== null && <p className="error-text small">{props.choices.problem}</p>}
    </FilterFormFrame>
  );
}
