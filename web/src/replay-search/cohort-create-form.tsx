/** A new cohort made inline: a name, user-property filters and events performed (POST /api/v1/projects/{id}/cohorts). */

import { useState } from "react";
import type { Cohort, CohortDefinition } from "../api/replay-search-types";
import { createCohort } from "../api/replay-search-client";
import type { Project } from "../api/types";
import type { FilterDraft } from "../analytics/filter-draft";
import { filtersToQuery } from "../analytics/filter-draft";
import { FilterRows } from "../analytics/filter-editor";
import { removeAt, replaceAt } from "../analytics/list-edit";
import type { PerformedEventDraft } from "./performed-event-editor";
import { PerformedEventEditor, emptyPerformedEvent, performedEventToRequest } from "./performed-event-editor";

function userFilter(): FilterDraft {
  return { property: { scope: "user", name: "" }, operator: "is", values: "" };
}

function definitionFromDrafts(userFilters: FilterDraft[], performed: PerformedEventDraft[]): CohortDefinition | string {
  const userProperties = filtersToQuery(userFilters, "User properties");
  if (typeof userProperties === "string") {
    return userProperties;
  }
  const events = [];
  for (const [index, draft] of performed.entries()) {
    const event = performedEventToRequest(draft, `Event ${index + 1}`);
    if (typeof event === "string") {
      return event;
    }
    events.push(event);
  }
  if (userProperties.length === 0 && events.length === 0) {
    return "Give at least one condition: a user property or an event performed.";
  }
  return { user_properties: userProperties, performed: events };
}

export function CohortCreateForm(props: { projects: readonly Project[]; onCreated: (cohort: Cohort) => void; onCancel: () => void }) {
  const [projectId, setProjectId] = useState(props.projects[0]?.id ?? 0);
  const [name, setName] = useState("");
  const [userFilters, setUserFilters] = useState<FilterDraft[]>([]);
  const [performed, setPerformed] = useState<PerformedEventDraft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = () => {
    const definition = definitionFromDrafts(userFilters, performed);
    if (name.trim() === "") {
      setProblem("Give the cohort a name.");
    } else if (typeof definition === "string") {
      setProblem(definition);
    } else {
      setSaving(true);
      setProblem(null);
      createCohort(projectId, name.trim(), definition)
        .then(props.onCreated)
        .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
        .finally(() => setSaving(false));
    }
  };

  return (
    <div className="cohort-create" data-testid="cohort-create">
      <div className="query-line">
        <input type="text" className="query-values" aria-label="Cohort name" data-testid="cohort-name" placeholder="Cohort name" value={name} onChange={(event) => setName(event.target.value)} />
        {props.projects.length > 1 && (
          <select aria-label="Cohort project" data-testid="cohort-project" value={projectId} onChange={(event) => setProjectId(Number(event.target.value))}>
            {props.projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="muted small">Users whose current properties pass every filter and who performed every event:</div>
      <FilterRows filters={userFilters} onChange={setUserFilters} fixedScope="user" />
      {performed.map((draft, index) => (
        <div key={index} className="cohort-event">
          <PerformedEventEditor draft={draft} onChange={(changed) => setPerformed(replaceAt(performed, index, changed))} testIdPrefix="cohort" />
          <button type="button" className="button-quiet small" data-testid="cohort-remove-event" onClick={() => setPerformed(removeAt(performed, index))}>
            Remove event
          </button>
        </div>
      ))}
      <div className="series-actions">
        <button type="button" className="link-button" data-testid="cohort-add-user-filter" onClick={() => setUserFilters([...userFilters, userFilter()])}>
          + user property
        </button>
        <button type="button" className="link-button" data-testid="cohort-add-event" onClick={() => setPerformed([...performed, emptyPerformedEvent()])}>
          + event performed
        </button>
      </div>
      {problem !== null && (
        <p className="error-text small" role="alert" data-testid="cohort-problem">
          {problem}
        </p>
      )}
      <div className="replay-filter-form-actions">
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Back
        </button>
        <button type="button" className="button-run" data-testid="save-cohort" disabled={saving} onClick={save}>
          {saving ? "Saving…" : "Save cohort and filter"}
        </button>
      </div>
    </div>
  );
}
