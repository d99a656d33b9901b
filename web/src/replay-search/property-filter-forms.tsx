/** Forms of the analytics-backed filters: an event performed (with property filters), one event or user property. */

import { useState } from "react";
import type { PropertyScope } from "../api/segmentation-types";
import type { FilterDraft } from "../analytics/filter-draft";
import { filtersToQuery } from "../analytics/filter-draft";
import { FilterEditor } from "../analytics/filter-editor";
import { BuiltinFieldsDatalist } from "../analytics/property-picker";
import type { FilterFormProps, FilterFormResult } from "./filter-form-frame";
import { FilterFormFrame } from "./filter-form-frame";
import { PerformedEventEditor, emptyPerformedEvent, performedEventToRequest } from "./performed-event-editor";

export function EventPerformedFilterForm(props: FilterFormProps) {
  const [draft, setDraft] = useState(emptyPerformedEvent);
  const submit = (): FilterFormResult => {
    const performed = performedEventToRequest(draft, "Event performed");
    return typeof performed === "string" ? performed : { kind: "event_performed", ...performed };
  };
  return (
    <FilterFormFrame title="Event performed" onSubmit={submit} onApply={props.onApply} onCancel={props.onCancel}>
      <BuiltinFieldsDatalist />
      <PerformedEventEditor draft={draft} onChange={setDraft} testIdPrefix="performed" />
    </FilterFormFrame>
  );
}

/** One property condition: on some event of the session (`event_property`) or on the session's user (`user_property`). */
export function PropertyFilterForm(props: FilterFormProps & { kind: "event_property" | "user_property" }) {
  const scope: PropertyScope = props.kind === "user_property" ? "user" : "event";
  const [draft, setDraft] = useState<FilterDraft>({ property: { scope, name: "" }, operator: "is", values: "" });
  const title = props.kind === "user_property" ? "User property" : "Event property";
  const submit = (): FilterFormResult => {
    const filters = filtersToQuery([draft], title);
    return typeof filters === "string" ? filters : { kind: props.kind, filter: filters[0] };
  };
  return (
    <FilterFormFrame title={title} onSubmit={submit} onApply={props.onApply} onCancel={props.onCancel}>
      <BuiltinFieldsDatalist />
      <FilterEditor filter={draft} onChange={setDraft} onRemove={props.onCancel} fixedScope={props.kind === "user_property" ? "user" : undefined} />
    </FilterFormFrame>
  );
}
