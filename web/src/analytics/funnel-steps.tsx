/** The funnel's ordered steps (2 to 10): an event each, with optional filters; add, remove, move up and down. */

import { FilterRows } from "./filter-editor";
import { emptyFilter } from "./filter-draft";
import type { StepDraft } from "./funnel-draft";
import { MAX_STEPS, MIN_STEPS, emptyStep } from "./funnel-draft";
import { moveAt, removeAt, replaceAt } from "./list-edit";
import { EventTypeInput, EventTypesDatalist } from "./series-editor";

function StepEditor(props: { index: number; count: number; step: StepDraft; onChange: (step: StepDraft) => void; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const { index, step, onChange } = props;
  const number = index + 1;
  return (
    <div className="series-card" data-testid="step-editor" data-step={number}>
      <div className="query-line">
        <span className="series-letter">{number}</span>
        <EventTypeInput value={step.eventType} onChange={(eventType) => onChange({ ...step, eventType })} label={`Step ${number} event`} testId="step-event-type" />
        <span className="step-order">
          <button type="button" className="button-quiet" aria-label={`Move step ${number} up`} data-testid="move-step-up" disabled={index === 0} onClick={() => props.onMove(-1)}>
            ↑
          </button>
          <button type="button" className="button-quiet" aria-label={`Move step ${number} down`} data-testid="move-step-down" disabled={index === props.count - 1} onClick={() => props.onMove(1)}>
            ↓
          </button>
          <button type="button" className="button-quiet" aria-label={`Remove step ${number}`} data-testid="remove-step" disabled={props.count <= MIN_STEPS} onClick={props.onRemove}>
            ×
          </button>
        </span>
      </div>
      <FilterRows filters={step.filters} onChange={(filters) => onChange({ ...step, filters })} />
      <div className="series-actions">
        <button type="button" className="link-button" data-testid="add-filter" onClick={() => onChange({ ...step, filters: [...step.filters, emptyFilter()] })}>
          + Filter
        </button>
      </div>
    </div>
  );
}

export function FunnelSteps(props: { steps: StepDraft[]; onChange: (steps: StepDraft[]) => void }) {
  const { steps, onChange } = props;
  return (
    <section className="query-panel" aria-label="Steps">
      <h2>Steps, in order</h2>
      <EventTypesDatalist withActive={false} />
      {steps.map((step, index) => (
        <StepEditor
          key={index}
          index={index}
          count={steps.length}
          step={step}
          onChange={(changed) => onChange(replaceAt(steps, index, changed))}
          onMove={(by) => onChange(moveAt(steps, index, by))}
          onRemove={() => onChange(removeAt(steps, index))}
        />
      ))}
      {steps.length < MAX_STEPS && (
        <button type="button" className="button-secondary" data-testid="add-step" onClick={() => onChange([...steps, emptyStep()])}>
          + Add step
        </button>
      )}
    </section>
  );
}
