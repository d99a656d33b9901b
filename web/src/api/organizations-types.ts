/** `/api/v1/organizations` (docs/replay-search-api.md, "Projects and organizations"). */

import type { Project } from "./types";

export interface Organization {
  id: number;
  name: string;
  /** The organization's projects, each with its ingest API key. */
  projects: Project[];
}

/** `POST /api/v1/organizations` answers the new organization without projects. */
export interface CreatedOrganization {
  id: number;
  name: string;
}

export interface OrganizationMember {
  id: number;
  email: string;
}

/** A password is needed (8+ characters) only when the email has no account yet. */
export interface NewMember {
  email: string;
  password?: string;
}
