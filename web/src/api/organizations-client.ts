/** Lists and creates organizations, creates their projects and adds members. */

import { requestJson } from "./client";
import type { Project } from "./types";
import type { CreatedOrganization, NewMember, Organization, OrganizationMember } from "./organizations-types";

function organizationPath(organizationId: number, rest: string): string {
  return `/api/v1/organizations/${encodeURIComponent(String(organizationId))}/${rest}`;
}

/** The logged-in user's organizations, each with its projects. */
export async function fetchOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  const answer = await requestJson<{ organizations: Organization[] }>("GET", "/api/v1/organizations", undefined, signal);
  return answer.organizations;
}

/** The creator becomes the first member. A 400 carries the server's sentence (e.g. an empty name). */
export async function createOrganization(name: string, signal?: AbortSignal): Promise<CreatedOrganization> {
  const answer = await requestJson<{ organization: CreatedOrganization }>("POST", "/api/v1/organizations", { name }, signal);
  return answer.organization;
}

/** The new project comes with its own ingest API key. */
export async function createProjectInOrganization(organizationId: number, name: string, signal?: AbortSignal): Promise<Project> {
  const answer = await requestJson<{ project: Project }>("POST", organizationPath(organizationId, "projects"), { name }, signal);
  return answer.project;
}

/** Creates the user when the email is new (then the password is required); a 400 says what is missing. */
export async function addOrganizationMember(organizationId: number, member: NewMember, signal?: AbortSignal): Promise<OrganizationMember> {
  const answer = await requestJson<{ member: OrganizationMember }>("POST", organizationPath(organizationId, "members"), member, signal);
  return answer.member;
}
