/** The frame of one filter's form in the "+ Add Filter" popover: title, fields, a refusal, Apply and Cancel. */

import type { FormEvent, ReactNode } from "react";
import { useState } from "react";
import type { ReplayFilter } from "../api/replay-search-types";

/** What a form's fields give on Apply: the filter, or a sentence saying what is missing. */
export type FilterFormResult = ReplayFilter | string;

export interface FilterFormProps {
  onApply: (filter: ReplayFilter) => void;
  onCancel: () => void;
}

export function FilterFormFrame(props: { title: string; onSubmit: () => FilterFormResult; onApply: (filter: ReplayFilter) => void; onCancel: () => void; children: ReactNode; applyLabel?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = props.onSubmit();
    if (typeof result === "string") {
      setProblem(result);
      return;
    }
    setProblem(null);
    props.onApply(result);
  };
  return (
    <form className="replay-filter-form" data-testid="filter-form" onSubmit={handleSubmit}>
      <div className="replay-filter-form-title">{props.title}</div>
      {props.children}
      {problem !== null && (
        <p className="error-text small" role="alert" data-testid="filter-form-problem">
          {problem}
        </p>
      )}
      <div className="replay-filter-form-actions">
        <button type="button" className="button-quiet" data-testid="cancel-filter" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-run" data-testid="apply-filter">
          {props.applyLabel ?? "Apply filter"}
        </button>
      </div>
    </form>
  );
}
