/** `GET /api/v1/projects/{id}` and `PATCH /api/v1/projects/{id}` (docs/analytics-api.md, "Project settings"). */

export type PrivacyLevel = "light" | "medium" | "conservative";

export interface ProjectSettings {
  replay_capture_enabled: boolean;
  /** Share of sessions recorded, 0..1. */
  replay_sample_rate: number;
  privacy_level: PrivacyLevel;
  privacy_block_selectors: string[];
  privacy_mask_selectors: string[];
  privacy_unmask_selectors: string[];
  console_capture_enabled: boolean;
  console_levels: string[];
  network_capture_enabled: boolean;
  interaction_capture_enabled: boolean;
  /** Other fields (e.g. `signals`) pass through untouched. */
  [field: string]: unknown;
}

export interface ProjectWithSettings {
  id: number;
  name: string;
  api_key: string;
  retention_days: number;
  settings: ProjectSettings;
}

/** Any subset of the settings; the rest keep their values. */
export interface ProjectUpdate {
  retention_days?: number;
  settings?: Partial<ProjectSettings>;
}
