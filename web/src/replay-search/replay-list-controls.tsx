/** Above the replay list: the date range (presets or two calendars, UTC days) and the projects. */

import type { Project } from "../api/types";
import type { DatePreset } from "./date-presets";
import { DATE_PRESET_CHOICES, presetRange } from "./date-presets";
import type { ReplayListState } from "./replay-list-url";

export function DateRangeChooser(props: { state: ReplayListState; onChange: (changes: Partial<ReplayListState>) => void }) {
  const { state, onChange } = props;
  const shown = presetRange(state.preset, { startDate: state.customStartDate, endDate: state.customEndDate });
  const choosePreset = (preset: DatePreset) => {
    // Custom starts from the days on screen, so switching does not jump.
    onChange(preset === "custom" ? { preset, customStartDate: shown.startDate, customEndDate: shown.endDate } : { preset });
  };
  // A start after the end (or an end before the start) moves the other day along: never an empty range.
  const changeStart = (day: string) => day !== "" && onChange({ customStartDate: day, customEndDate: day > state.customEndDate ? day : state.customEndDate });
  const changeEnd = (day: string) => day !== "" && onChange({ customEndDate: day, customStartDate: day < state.customStartDate ? day : state.customStartDate });
  return (
    <div className="date-range-chooser">
      <select aria-label="Date range" data-testid="date-preset" value={state.preset} onChange={(event) => choosePreset(event.target.value as DatePreset)}>
        {DATE_PRESET_CHOICES.map((choice) => (
          <option key={choice.preset} value={choice.preset}>
            {choice.label}
          </option>
        ))}
      </select>
      {state.preset === "custom" ? (
        <>
          <input
            type="date"
            aria-label="Start date"
            data-testid="custom-start-date"
            value={state.customStartDate}
            onChange={(event) => changeStart(event.target.value)}
          />
          <span className="muted">to</span>
          <input
            type="date"
            aria-label="End date"
            data-testid="custom-end-date"
            value={state.customEndDate}
            onChange={(event) => changeEnd(event.target.value)}
          />
        </>
      ) : (
        <span className="muted small" data-testid="date-range-days">
          {shown.startDate} – {shown.endDate}
        </span>
      )}
      <span className="muted small">UTC</span>
    </div>
  );
}

export function ProjectChooser(props: { projects: readonly Project[]; projectIds: readonly number[]; onChange: (projectIds: number[]) => void }) {
  if (props.projects.length < 2) {
    return null;
  }
  const value = props.projectIds.length === 1 ? String(props.projectIds[0]) : "";
  return (
    <select aria-label="Projects" data-testid="project-chooser" value={value} onChange={(event) => props.onChange(event.target.value === "" ? [] : [Number(event.target.value)])}>
      <option value="">All projects</option>
      {props.projects.map((project) => (
        <option key={project.id} value={project.id}>
          {project.organization_name === undefined ? project.name : `${project.organization_name} / ${project.name}`}
        </option>
      ))}
    </select>
  );
}
