/** One organization: its projects (name, id, ingest API key) and the forms adding a project or a member. */

import type { Organization } from "../api/organizations-types";
import type { Project } from "../api/types";
import { AddMemberForm, CreateProjectForm } from "./organization-forms";
import { ProjectApiKey } from "./project-api-key";

function ProjectRows(props: { projects: Project[]; newProjectId: number | null }) {
  if (props.projects.length === 0) {
    return <p className="muted small">No project yet: create one below to get an API key.</p>;
  }
  return (
    <table className="organization-projects">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">ID</th>
          <th scope="col">API key (ingest only)</th>
        </tr>
      </thead>
      <tbody>
        {props.projects.map((project) => (
          <tr key={project.id} data-testid="organization-project" data-project-id={project.id} data-project-name={project.name} className={project.id === props.newProjectId ? "organization-project-new" : undefined}>
            <td data-testid="organization-project-name">
              {project.name}
              {project.id === props.newProjectId && <span className="organization-new-badge">New</span>}
            </td>
            <td className="organization-project-id" data-testid="organization-project-id">
              {project.id}
            </td>
            <td>
              <ProjectApiKey apiKey={project.api_key} projectName={project.name} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OrganizationCard(props: { organization: Organization; newProjectId: number | null; onProjectCreated: (project: Project) => void }) {
  const { organization } = props;
  return (
    <article className="organization-card" data-testid="organization" data-organization-id={organization.id} aria-labelledby={`organization-${organization.id}-name`}>
      <header className="organization-card-heading">
        <h3 id={`organization-${organization.id}-name`} data-testid="organization-name">
          {organization.name}
        </h3>
        <span className="muted small">Organization ID {organization.id}</span>
      </header>
      <ProjectRows projects={organization.projects} newProjectId={props.newProjectId} />
      <p className="muted small organization-key-note">
        An API key can only send recordings and events (<code>POST /api/v1/ingest</code>); it cannot read anything.
      </p>
      <div className="organization-card-forms">
        <CreateProjectForm organizationId={organization.id} onCreated={props.onProjectCreated} />
        <AddMemberForm organizationId={organization.id} />
      </div>
    </article>
  );
}
