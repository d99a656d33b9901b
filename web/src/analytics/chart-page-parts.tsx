/** The frame of every chart page: the heading with Export CSV and Run, the project's state, the form, the error box, a hint or the results. */

import type { ReactNode } from "react";
import type { User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { BuiltinFieldsDatalist } from "./property-picker";
import type { ProjectState, RunState } from "./use-segmentation";

function ChartHeading(props: { title: string; canExport: boolean; canRun: boolean; running: boolean; onExport: () => void; onRun: () => void }) {
  return (
    <div className="page-heading">
      <h1>{props.title}</h1>
      <div className="heading-actions">
        <button type="button" className="button-secondary" data-testid="export-csv" disabled={!props.canExport || props.running} onClick={props.onExport}>
          Export CSV
        </button>
        <button type="button" className="button-run" data-testid="run-query" disabled={!props.canRun || props.running} onClick={props.onRun}>
          {props.running ? "Running…" : "Run"}
        </button>
      </div>
    </div>
  );
}

function ProjectNotice(props: { project: ProjectState }) {
  const { project } = props;
  if (project.kind === "failed") {
    return <p className="error-text">Could not load the project: {project.message}</p>;
  }
  return project.kind === "none" ? <p className="muted">No project exists yet.</p> : null;
}

export interface ChartPageLayoutProps {
  user: User;
  /** Names the page's test ids: `<name>-page`, `<name>-error`, `<name>-hint`, `<name>-results`. */
  name: string;
  title: string;
  /** The error box says "Could not run the <what>." */
  what: string;
  project: ProjectState;
  state: RunState<unknown, unknown>;
  onExport: () => void;
  onRun: () => void;
  /** The form's panels, side by side. */
  builder: ReactNode;
  /** Shown before the first answer. */
  hint: ReactNode;
  /** The chart and table of the answer, dimmed while a newer query runs. */
  results: ReactNode;
}

export function ChartPageLayout(props: ChartPageLayoutProps) {
  const { name, state } = props;
  return (
    <AppShell user={props.user}>
      <div className={`${name}-page`} data-testid={`${name}-page`}>
        <ChartHeading
          title={props.title}
          canExport={state.answer !== null}
          canRun={props.project.kind === "loaded"}
          running={state.running}
          onExport={props.onExport}
          onRun={props.onRun}
        />
        <ProjectNotice project={props.project} />
        <BuiltinFieldsDatalist />
        <div className="query-builder">{props.builder}</div>
        {state.error !== null && (
          <div className="error-box" role="alert" data-testid={`${name}-error`}>
            <strong>Could not run the {props.what}.</strong> {state.error}
          </div>
        )}
        {state.answer === null && state.error === null && !state.running && (
          <div className="empty-state" data-testid={`${name}-hint`}>
            {props.hint}
          </div>
        )}
        {state.answer !== null && (
          <div className={state.running ? "chart-results chart-results-stale" : "chart-results"} data-testid={`${name}-results`} aria-busy={state.running}>
            {props.results}
          </div>
        )}
      </div>
    </AppShell>
  );
}
