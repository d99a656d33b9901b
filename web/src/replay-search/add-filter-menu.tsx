/** "+ Add Filter": a menu of every filter kind; kinds with fields open their form, the rest are added at once. */

import { useEffect, useRef, useState } from "react";
import type { ReplayFilter, ReplayFilterKind } from "../api/replay-search-types";
import type { CohortChoices } from "./cohort-filter-form";
import { CohortFilterForm } from "./cohort-filter-form";
import { EventPerformedFilterForm, PropertyFilterForm } from "./property-filter-forms";
import { FILTER_KIND_CHOICES, FILTER_KINDS_WITHOUT_FIELDS } from "./replay-filter-labels";
import { CountryFilterForm, DurationFilterForm, UrlVisitedFilterForm } from "./simple-filter-forms";

function FilterForm(props: { kind: ReplayFilterKind; cohorts: CohortChoices; onApply: (filter: ReplayFilter) => void; onCancel: () => void }) {
  const { onApply, onCancel } = props;
  switch (props.kind) {
    case "duration":
      return <DurationFilterForm onApply={onApply} onCancel={onCancel} />;
    case "country":
      return <CountryFilterForm onApply={onApply} onCancel={onCancel} />;
    case "url_visited":
      return <UrlVisitedFilterForm onApply={onApply} onCancel={onCancel} />;
    case "event_performed":
      return <EventPerformedFilterForm onApply={onApply} onCancel={onCancel} />;
    case "event_property":
    case "user_property":
      return <PropertyFilterForm kind={props.kind} onApply={onApply} onCancel={onCancel} />;
    case "cohort":
      return <CohortFilterForm choices={props.cohorts} onApply={onApply} onCancel={onCancel} />;
    default:
      return null;
  }
}

type MenuState = { kind: "closed" } | { kind: "choosing" } | { kind: "editing"; filterKind: ReplayFilterKind };

export function AddFilterMenu(props: { onAdd: (filter: ReplayFilter) => void; cohorts: CohortChoices; disabled: boolean }) {
  const [menu, setMenu] = useState<MenuState>({ kind: "closed" });
  const anchorRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (menu.kind === "closed") {
      return;
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setMenu({ kind: "closed" });
      }
    };
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (menu.kind === "choosing" && event.target instanceof Node && !anchorRef.current?.contains(event.target)) {
        setMenu({ kind: "closed" });
      }
    };
    document.addEventListener("keydown", closeOnEscape);
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => {
      document.removeEventListener("keydown", closeOnEscape);
      document.removeEventListener("mousedown", closeOnOutsideClick);
    };
  }, [menu.kind]);

  const choose = (kind: ReplayFilterKind) => {
    if (FILTER_KINDS_WITHOUT_FIELDS.includes(kind)) {
      props.onAdd({ kind } as ReplayFilter);
      setMenu({ kind: "closed" });
    } else {
      setMenu({ kind: "editing", filterKind: kind });
    }
  };
  const apply = (filter: ReplayFilter) => {
    props.onAdd(filter);
    setMenu({ kind: "closed" });
  };

  return (
    <div className="add-filter" ref={anchorRef}>
      <button
        type="button"
        className="add-filter-button"
        data-testid="add-filter"
        aria-haspopup="menu"
        aria-expanded={menu.kind !== "closed"}
        disabled={props.disabled}
        title={props.disabled ? "Filters are at their limit" : undefined}
        onClick={() => setMenu(menu.kind === "closed" ? { kind: "choosing" } : { kind: "closed" })}
      >
        + Add Filter
      </button>
      {menu.kind === "choosing" && (
        <div className="add-filter-popover add-filter-kinds" role="menu" data-testid="add-filter-menu">
          {FILTER_KIND_CHOICES.map((choice) => (
            <button key={choice.kind} type="button" role="menuitem" className="add-filter-kind" data-testid={`add-filter-${choice.kind}`} onClick={() => choose(choice.kind)}>
              {choice.label}
            </button>
          ))}
        </div>
      )}
      {menu.kind === "editing" && (
        <div className="add-filter-popover" data-testid="add-filter-form">
          <FilterForm kind={menu.filterKind} cohorts={props.cohorts} onApply={apply} onCancel={() => setMenu({ kind: "closed" })} />
        </div>
      )}
    </div>
  );
}
