-- Replay search (issue #9): the session's country, every page URL it
-- visited, saved cohorts, and users' current properties under the column
-- name the analytics filters use.
ALTER TABLE sessions ADD COLUMN country TEXT;

CREATE TABLE session_pages (
    session_uuid TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (session_uuid, url)
) WITHOUT ROWID;
INSERT OR IGNORE INTO session_pages (session_uuid, url)
    SELECT session_uuid, page_url FROM chunks WHERE page_url IS NOT NULL;
INSERT OR IGNORE INTO session_pages (session_uuid, url)
    SELECT uuid, first_url FROM sessions WHERE first_url IS NOT NULL;
INSERT OR IGNORE INTO session_pages (session_uuid, url)
    SELECT uuid, last_url FROM sessions WHERE last_url IS NOT NULL;

CREATE VIEW user_profile_properties AS
    SELECT project_id, user_key, properties AS user_properties FROM user_profiles;

CREATE TABLE cohorts (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX cohorts_by_project ON cohorts (project_id);

-- Organizations hold projects; members of an organization see its projects.
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO organizations (id, name) VALUES (1, 'Default organization');
ALTER TABLE projects ADD COLUMN organization_id INTEGER NOT NULL DEFAULT 1;
CREATE TABLE organization_members (
    organization_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (organization_id, user_id)
) WITHOUT ROWID;
INSERT INTO organization_members (organization_id, user_id) SELECT 1, id FROM users;

-- The capture settings a session started with (project settings apply to new sessions only).
ALTER TABLE sessions ADD COLUMN capture_settings TEXT;
