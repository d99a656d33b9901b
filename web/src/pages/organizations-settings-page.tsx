/** /settings/organizations: the user's organizations and their projects; new organizations, projects and members. */

import { useState } from "react";
import type { Project, User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { OrganizationCard } from "../settings/organization-card";
import { CreateOrganizationForm } from "../settings/organization-forms";
import { SettingsTabs } from "../settings/settings-tabs";
import { useOrganizations } from "../settings/use-organizations";
import "../settings/project-settings.css";
import "../settings/organizations-settings.css";

export function OrganizationsSettingsPage(props: { user: User }) {
  const { load, reload } = useOrganizations();
  const [newProjectId, setNewProjectId] = useState<number | null>(null);

  const onProjectCreated = (project: Project) => {
    setNewProjectId(project.id);
    reload();
  };

  return (
    <AppShell user={props.user}>
      <div className="project-settings-page" data-testid="organizations-settings-page">
        <div className="page-heading">
          <h1>Settings</h1>
        </div>
        <SettingsTabs />
        <section className="settings-section" aria-labelledby="organizations-title">
          <h2 id="organizations-title" className="settings-section-title">
            Organizations &amp; projects
          </h2>
          <p className="muted small organizations-intro">Members of an organization see all of its projects. Each project has its own API key for the SDKs.</p>
          {load.kind === "loading" && <p className="muted">Loading the organizations…</p>}
          {load.kind === "failed" && (
            <p className="error-text" role="alert">
              Could not load the organizations: {load.message}
            </p>
          )}
          {load.kind === "loaded" && load.organizations.length === 0 && <p className="muted">You are not a member of any organization yet.</p>}
          {load.kind === "loaded" && (
            <div className="organization-list" data-testid="organization-list">
              {load.organizations.map((organization) => (
                <OrganizationCard key={organization.id} organization={organization} newProjectId={newProjectId} onProjectCreated={onProjectCreated} />
              ))}
            </div>
          )}
          <CreateOrganizationForm onCreated={reload} />
        </section>
      </div>
    </AppShell>
  );
}
