/** /settings/project (the "Project" tab of Settings): the project's "Session Replay & Heatmaps" settings and retention (`GET`/`PATCH /api/v1/projects/{id}`). */

import type { FormEvent } from "react";
import { useEffect, useMemo, useState } from "react";
import type { User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { CaptureFields, PrivacyFields, RecordingFields, RetentionFields } from "../settings/replay-settings-fields";
import type { SettingsDraft } from "../settings/settings-draft";
import { draftToUpdate, draftsEqual, projectToDraft } from "../settings/settings-draft";
import type { SaveState } from "../settings/use-project-settings";
import { SettingsTabs } from "../settings/settings-tabs";
import { useProjectSettings } from "../settings/use-project-settings";
import "../settings/project-settings.css";
import "../settings/organizations-settings.css";

function SaveStatus(props: { save: SaveState; dirty: boolean }) {
  const { save } = props;
  if (save.kind === "failed") {
    return (
      <div className="error-box settings-error" role="alert" data-testid="settings-error">
        <strong>Not saved.</strong> {save.message}
      </div>
    );
  }
  if (save.kind === "saved" && !props.dirty) {
    return (
      <span className="settings-saved small" role="status" data-testid="settings-saved">
        ✓ Saved
      </span>
    );
  }
  return props.dirty ? <span className="muted small">Unsaved changes</span> : null;
}

function SettingsForm(props: { saved: SettingsDraft; save: SaveState; onSubmit: (draft: SettingsDraft) => void; onEdit: () => void }) {
  const [draft, setDraft] = useState(props.saved);
  useEffect(() => setDraft(props.saved), [props.saved]);
  const dirty = !draftsEqual(draft, props.saved);
  const change = (patch: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...patch });
    props.onEdit();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(draft);
  };
  return (
    <form className="settings-form" noValidate onSubmit={submit} data-testid="replay-settings-form">
      <RecordingFields draft={draft} onChange={change} />
      <PrivacyFields draft={draft} onChange={change} />
      <CaptureFields draft={draft} onChange={change} />
      <RetentionFields draft={draft} onChange={change} />
      <div className="settings-footer">
        <p className="settings-note small" data-testid="settings-new-sessions-note">
          Changes apply to new sessions only: sessions already recorded keep the settings they started with.
        </p>
        <SaveStatus save={props.save} dirty={dirty} />
        <div className="settings-buttons">
          <button type="button" className="button-secondary" data-testid="settings-reset" disabled={!dirty || props.save.kind === "saving"} onClick={() => setDraft(props.saved)}>
            Discard
          </button>
          <button type="submit" className="button-run" data-testid="settings-save" disabled={!dirty || props.save.kind === "saving"}>
            {props.save.kind === "saving" ? "Saving…" : "Save"}
          </button>
        </div>
      </div>
    </form>
  );
}

export function ProjectSettingsPage(props: { user: User }) {
  const { load, save, submit, fail, clearStatus } = useProjectSettings();
  // A new draft only with a new answer of the server (load or save): the form shows it then.
  const savedDraft = useMemo(() => (load.kind === "loaded" ? projectToDraft(load.project) : null), [load]);

  const onSubmit = (draft: SettingsDraft) => {
    const converted = draftToUpdate(draft);
    if ("error" in converted) {
      fail(converted.error);
      return;
    }
    submit(converted.update);
  };

  return (
    <AppShell user={props.user}>
      <div className="project-settings-page" data-testid="project-settings-page">
        <div className="page-heading">
          <div>
            <h1>Settings</h1>
            {load.kind === "loaded" && (
              <div className="muted small" data-testid="settings-project-name">
                Project <strong>{load.project.name}</strong>
              </div>
            )}
          </div>
        </div>
        <SettingsTabs />
        <section className="settings-section" aria-labelledby="replay-settings-title">
          <h2 id="replay-settings-title" className="settings-section-title">
            Session Replay &amp; Heatmaps
          </h2>
          {load.kind === "loading" && <p className="muted">Loading the settings…</p>}
          {load.kind === "none" && <p className="muted">No project exists yet.</p>}
          {load.kind === "failed" && (
            <p className="error-text" role="alert">
              Could not load the project: {load.message}
            </p>
          )}
          {savedDraft !== null && <SettingsForm saved={savedDraft} save={save} onSubmit={onSubmit} onEdit={clearStatus} />}
        </section>
      </div>
    </AppShell>
  );
}
